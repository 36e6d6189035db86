import Foundation

/// Adding task results up by section, unit and plan, and ranking units.
enum Rollups {
    /// Counts and points of `results`; with `unit`, only that unit's exact share of each task.
    static func of(_ results: [TaskResult], shareOf unit: UnitID? = nil) -> Rollup {
        var rollup = Rollup()
        for result in results {
            rollup.tasks += 1
            rollup.completionSum += min(result.completion, 1)
            // A task has one of the lit statuses (it has no target of its own to be unknown).
            rollup.lights.add(result.pace.status)
            guard let score = result.score else { continue }
            if let unit, let index = result.responsible.firstIndex(of: unit) {
                let count = result.responsible.count
                rollup.available += ExactShare.split(score.available, among: count)[index]
                rollup.earned += ExactShare.split(score.total, among: count)[index]
            } else if unit == nil {
                rollup.available += score.available
                rollup.earned += score.total
            }
        }
        return rollup
    }

    /// Competition ranking (1, 2, 2, 4) of the units with points available, by percentage.
    static func ranks(_ rollups: [UnitID: Rollup]) -> [UnitID: Int] {
        // Each percentage is one exact division, made once rather than at every comparison
        // of the sort (5 % of a build's time went to dividing again).
        let ranked = rollups.compactMap { unit, rollup in rollup.percent.map { (key: unit, percent: $0) } }
            .sorted { ($0.percent, $1.key) > ($1.percent, $0.key) }
        var ranks: [UnitID: Int] = [:]
        for (index, entry) in ranked.enumerated() {
            if index > 0, ranked[index - 1].percent == entry.percent {
                ranks[entry.key] = ranks[ranked[index - 1].key]
            } else {
                ranks[entry.key] = index + 1
            }
        }
        return ranks
    }

    /// How far along a plan is: the mean over its items, each capped at 100 %. An item is a
    /// task (its completion from its indicators or its reported state), or a scored indicator
    /// linked to no task: every scored figure counts, once. A total split into parts (12 = 2 +
    /// 4 + 6) is not an item of its own: its parts are.
    static func planCompletion(_ plan: Plan, tasks: [Decimal], indicators: [String: IndicatorResult]) -> Decimal {
        let standalone = plan.indicators.filter(\.standsAlone)
            .compactMap { indicators[$0.id] }.filter(\.scored).compactMap(\.completion)
        let completions = tasks + standalone
        return completions.isEmpty ? 0 : completions.map { min($0, 1) }.reduce(0, +) / Decimal(completions.count)
    }
}
