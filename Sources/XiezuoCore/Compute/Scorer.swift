import Foundation

/// Turns task completion into points by the plan's declared rule.
///
/// A task's points come from a division (50 × 196/380) that need not terminate; they are
/// carried to `scale` decimal places, half away from zero, where they are computed. Every
/// later sum — by section, unit, plan — is then exact, so a unit's scores add up to the plan's
/// to the last digit. Pages show two decimal places (Display.points).
struct Scorer {
    static let scale = 10
    let rule: ScoringRule

    /// A task's points before plan-wide caps on bonus and penalty are applied. The task scores
    /// by its own method when it or its section declares one, else by the plan's; `cases` is
    /// what its indicators count, for a method that deducts per case.
    func score(_ task: PlanTask, result: TaskResult, notApplicable: Bool, cases: Decimal) -> TaskScore? {
        let method = task.method ?? rule.method
        guard rule.method != .none, method != .none, task.points != nil || task.bonus != nil else { return nil }
        if notApplicable {
            return TaskScore(available: 0, earned: 0, bonus: 0, penalty: 0, applicable: false, explanation: [.notApplicable])
        }
        let done = result.pace.status == .done
        let ratio = result.completion
        var steps: Explanation = []
        var earned = Decimal(0)
        let points = task.points ?? 0
        if task.points != nil {
            switch method {
            case .none:
                return nil
            case .allOrNothing:
                earned = done ? points : 0
                steps.append(.pointsAll(points: points, done: done, score: earned))
            case .proportional:
                earned = points.multipliedExactly(by: ratio.capped(at: 1))
                steps.append(.pointsProportional(points: points, ratio: ratio.capped(at: 1), score: earned))
            case .deduction(let step, let perStep):
                // Shortfall in percentage points; each whole step below 100 % costs `perStep` points.
                let shortfall = max(0, (1 - min(ratio, 1)) * 100)
                let steps_ = shortfall.dividedExactly(by: step).rounded(scale: 0, mode: .down)
                earned = max(0, points.subtractingExactly(steps_.multipliedExactly(by: perStep)))
                steps.append(.pointsDeduction(points: points, shortfall: shortfall, step: step, perStep: perStep, score: earned))
            case .perCase(let perCase):
                earned = max(0, points.subtractingExactly(cases.multipliedExactly(by: perCase)))
                steps.append(.pointsPerCase(points: points, cases: cases, perCase: perCase, score: earned))
            }
        }
        var bonus = Decimal(0)
        // Over-completion earns a bonus only once every indicator of the task is met, under
        // every method (all-or-nothing included: full marks for done, the bonus for beyond).
        let over = result.uncappedCompletion
        if let rate = rule.bonus?.perPercent, task.points != nil, done, over > 1 {
            bonus = (over - 1) * 100 * rate
            steps.append(.bonus(value: bonus))
        }
        // A bonus item (加分项) earns its points when done.
        if let item = task.bonus {
            if done { bonus += item }
            steps.append(.bonusItem(points: item, done: done))
        }
        if rule.evidenceRequired && result.requiresEvidence && !result.missingEvidence.isEmpty {
            earned = 0
            bonus = 0
            steps.append(.noEvidence(points: points))
        }
        var penalty = Decimal(0)
        if result.falseData {
            earned = 0
            bonus = 0
            penalty = rule.falseDataPenalty ?? 0
            steps.append(.falseData(penalty: penalty))
        }
        return TaskScore(available: points, earned: earned.rounded(scale: Self.scale),
                         bonus: bonus.rounded(scale: Self.scale), penalty: penalty, applicable: true, explanation: steps)
    }

    /// An indicator that is a bonus item (加分项): its points once its target is met.
    func bonusItem(_ indicator: Indicator, met: Bool) -> TaskScore? {
        guard rule.method != .none, let points = indicator.bonus else { return nil }
        return TaskScore(available: 0, earned: 0, bonus: met ? points : 0, penalty: 0, applicable: true,
                         explanation: [.bonusItem(points: points, done: met)])
    }

    /// The reporting item of one unit (日常报送): its points less `perMissing` per missing
    /// monthly report, never below 0.
    func reportingScore(missing: Int) -> TaskScore? {
        guard rule.method != .none, let item = rule.reporting else { return nil }
        let earned = max(0, item.points - Decimal(missing) * item.perMissing)
        return TaskScore(available: item.points, earned: earned, bonus: 0, penalty: 0, applicable: true,
                         explanation: [.reportingDeduction(points: item.points, missing: missing, perMissing: item.perMissing,
                                                           score: earned)])
    }

    /// Applies the plan-wide caps in document order: bonus up to `bonus.cap`, penalty up to
    /// its cap. Exact, and each task can say how much of its bonus it kept.
    func applyCaps(_ scores: [TaskScore?]) -> [TaskScore?] {
        var bonusLeft = rule.bonus?.cap ?? 0
        var penaltyLeft = rule.falseDataPenaltyCap ?? Decimal.greatestFiniteMagnitude
        return scores.map { score in
            guard let score else { return nil }
            let bonus = min(score.bonus, bonusLeft)
            let penalty = min(score.penalty, penaltyLeft)
            bonusLeft -= bonus
            penaltyLeft -= penalty
            var steps = score.explanation
            if bonus < score.bonus { steps.append(.capped(cap: rule.bonus?.cap ?? 0)) }
            if penalty < score.penalty { steps.append(.capped(cap: rule.falseDataPenaltyCap ?? 0)) }
            return TaskScore(available: score.available, earned: score.earned, bonus: bonus, penalty: penalty,
                             applicable: score.applicable, explanation: steps)
        }
    }

    /// The grade for a percentage of the available points, from the plan's bands.
    func grade(_ percent: Decimal?) -> String? {
        guard let percent else { return nil }
        return rule.grades.first { percent.exactOrder($0.minimum) != .orderedAscending }?.grade
    }
}
