/// Everything the engine says about one plan for a site: the plan as of the site's date, and
/// as it stood at each month end with what changed (the monthly briefings). Pages only present
/// these; none computes a figure of its own.
public struct EvaluatedPlan: Sendable {
    public let result: PlanResult
    public let briefings: [Briefing]
}

extension Engine {
    /// The compute stage of a site: every plan of `content` as of `asOf`, on every core (plans
    /// are independent), by plan id.
    public static func evaluateAll(_ content: Content, asOf: Day) -> [String: EvaluatedPlan] {
        Dictionary(uniqueKeysWithValues: Parallel.map(content.plans) { plan in
            (plan.id, evaluated(plan, in: content, asOf: asOf))
        })
    }

    /// One plan for a site. The briefings evaluate the plan at its month ends; the plan as of
    /// `asOf` takes its monthly chart and the month before's ranks from them instead of
    /// evaluating again. When the last month end is `asOf` itself and has a month before, its
    /// briefing's state is the plan as of `asOf`: the same evaluation (the same records, date
    /// and ranks a month before), with the chart and histories a briefing does not show, made
    /// once rather than twice.
    static func evaluated(_ plan: Plan, in content: Content, asOf: Day) -> EvaluatedPlan {
        let index = RecordIndex(plan)
        let ends = briefingMonths(of: plan, asOf: asOf)
        let initial = ends.first.flatMap { stateBefore($0, of: plan, in: content, index: index) }
        let sharesLast = ends.last == asOf && (ends.count > 1 || initial != nil)
        var briefings = briefings(plan, in: content, ends: sharesLast ? ends.dropLast() : ends[...], before: initial, index: index)
        var known: [Day: PlanResult] = [:]
        for briefing in briefings { known[briefing.now.asOf] = briefing.now }
        if let initial { known[initial.asOf] = initial }
        let result = evaluate(plan, in: content, asOf: asOf, months: true, previousRanks: nil, known: known, index: index)
        if sharesLast, let before = briefings.last?.now ?? initial {
            briefings.append(Briefing(month: asOf.monthKey, now: result, before: before,
                                      changes: changes(plan, from: before, to: result, month: asOf)))
        }
        return EvaluatedPlan(result: result, briefings: briefings)
    }
}
