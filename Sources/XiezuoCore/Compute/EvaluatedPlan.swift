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
            (plan.id, EvaluatedPlan(result: evaluate(plan, in: content, asOf: asOf),
                                    briefings: briefings(plan, in: content, asOf: asOf)))
        })
    }
}
