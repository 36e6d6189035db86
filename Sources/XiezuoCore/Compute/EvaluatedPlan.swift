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
            // The briefings evaluate the plan at its month ends; the plan as of `asOf` takes its
            // monthly chart and the month before's ranks from them instead of evaluating again.
            let index = RecordIndex(plan)
            let briefings = briefings(plan, in: content, asOf: asOf, index: index)
            var known: [Day: PlanResult] = [:]
            for briefing in briefings {
                known[briefing.now.asOf] = briefing.now
                if let before = briefing.before { known[before.asOf] = before }
            }
            return (plan.id, EvaluatedPlan(result: evaluate(plan, in: content, asOf: asOf, months: true, previousRanks: nil, known: known, index: index),
                                           briefings: briefings))
        })
    }
}
