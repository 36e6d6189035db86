import Foundation

/// How a number was obtained — which records, which rule, which formula — so that an
/// official asked to justify a score can point at each step. Steps are data; the site and
/// the command line turn them into sentences through the translation table.
public enum ExplanationStep: Sendable, Hashable {
    /// A unit's latest cumulative value on or before the date.
    case latestRecord(unit: String, date: Day, value: Decimal, file: String)
    /// A per-item value (至少各1次) from a unit's latest record.
    case latestItem(unit: String, date: Day, item: String, value: Decimal, file: String)
    /// The words the unit wrote beside its number ("8100以上").
    case valueNote(unit: String, note: String)
    /// The unit's value is lower than its earlier running total: it corrects it, for this reason.
    case correction(unit: String, date: Day, reason: String)
    /// No record on or before the date.
    case noRecord
    /// A running total with no record this year: last year's final value carried forward.
    case carriedForward(plan: String, value: Decimal)
    /// A running total with no record yet: the stock the plan states.
    case stock(value: Decimal)
    /// The sum of the units' values.
    case sum(value: Decimal)
    /// The sum of the parts' actuals (12 = 2 + 4 + 6).
    case sumOfParts(parts: [String], value: Decimal)
    /// A percentage computed from two indicators: numerator ÷ denominator × 100.
    case ratio(numerator: String, numeratorValue: Decimal, denominator: String, denominatorValue: Decimal, value: Decimal)
    /// actual ÷ target.
    case completion(actual: Decimal, target: Decimal, ratio: Decimal)
    /// Per item: Σ min(item, target) ÷ (items × target).
    case itemCompletion(met: Int, items: Int, ratio: Decimal)
    /// 不低于上年: the previous year's actual, or none.
    case lastYear(plan: String, value: Decimal)
    case lastYearUnknown
    /// A period of a target met period by period: what it added, and its share.
    case periodValue(period: String, value: Decimal, amount: Decimal)
    /// Periods that reached their share, of those ended and of all: Σ min(period, share) ÷ (periods × share).
    case periodCompletion(met: Int, judged: Int, periods: Int, ratio: Decimal)
    /// A per-member target whose group names no members: it cannot be judged.
    case membersUnknown
    /// A task's state as of its latest report.
    case taskState(state: TaskState, unit: String, date: Day)
    /// A task's completion: the mean of its indicators' completions, each capped at 100 %.
    case taskFromIndicators(indicators: [String], ratio: Decimal)
    /// A task without indicators: done counts 100 %, anything else 0 %.
    case taskFromState(ratio: Decimal)
    /// Scoring.
    case pointsAll(points: Decimal, done: Bool, score: Decimal)
    case pointsProportional(points: Decimal, ratio: Decimal, score: Decimal)
    case pointsDeduction(points: Decimal, shortfall: Decimal, step: Decimal, perStep: Decimal, score: Decimal)
    /// 每户扣1分、扣完为止: points less cases × points per case, never below 0.
    case pointsPerCase(points: Decimal, cases: Decimal, perCase: Decimal, score: Decimal)
    /// A bonus item (加分项): its points when done.
    case bonusItem(points: Decimal, done: Bool)
    /// 日常报送: points less missing monthly reports × points per report, never below 0.
    case reportingDeduction(points: Decimal, missing: Int, perMissing: Decimal, score: Decimal)
    case noEvidence(points: Decimal)
    case falseData(penalty: Decimal)
    case notApplicable
    case bonus(value: Decimal)
    case capped(cap: Decimal)
    /// Pace.
    case expectedShare(elapsedDays: Int, totalDays: Int, share: Decimal)
}

public typealias Explanation = [ExplanationStep]
