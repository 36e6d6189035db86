import Foundation

/// Adding task results up by section, unit and plan, and ranking units.
enum Rollups {
    /// Counts and points of `results` (a section's tasks, a plan's).
    static func of(_ results: [TaskResult]) -> Rollup {
        var rollup = Rollup()
        for result in results {
            rollup.tasks += 1
            rollup.completionSum.addExactly(result.completion.capped(at: 1))
            // A task has one of the lit statuses (it has no target of its own to be unknown).
            rollup.lights.add(result.pace.status)
            guard let score = result.score else { continue }
            rollup.available.addExactly(score.available)
            rollup.earned.addExactly(score.total)
        }
        return rollup
    }

    /// Each of `units`' counts and points, its exact share of each of its tasks (ExactShare),
    /// for all of them in one pass over the tasks: each task's points split once, not once
    /// per unit.
    static func byUnit(_ results: [TaskResult], units: Set<UnitID>) -> [UnitID: Rollup] {
        var rollups = Dictionary(uniqueKeysWithValues: units.map { ($0, Rollup()) })
        for result in results {
            let count = result.responsible.count
            let shares = result.score.map { (available: ExactShare.split($0.available, among: count),
                                              earned: ExactShare.split($0.total, among: count)) }
            let capped = result.completion.capped(at: 1)
            for (index, unit) in result.responsible.enumerated() {
                // One lookup of the unit, its rollup changed in place (a unit's name is Chinese
                // text, slow to hash, and each `rollups[unit]!` hashed it again).
                guard let slot = rollups.index(forKey: unit), result.responsible.firstIndex(of: unit) == index else { continue }
                rollups.values[slot].tasks += 1
                rollups.values[slot].completionSum.addExactly(capped)
                rollups.values[slot].lights.add(result.pace.status)
                guard let shares else { continue }
                rollups.values[slot].available.addExactly(shares.available[index])
                rollups.values[slot].earned.addExactly(shares.earned[index])
            }
        }
        return rollups
    }

    /// Competition ranking (1, 2, 2, 4) of the units with points available, by percentage.
    static func ranks(_ rollups: [UnitID: Rollup]) -> [UnitID: Int] {
        // Each percentage is one exact division, made once rather than at every comparison
        // of the sort (5 % of a build's time went to dividing again).
        let ranked = rollups.compactMap { unit, rollup in rollup.percent.map { (key: unit, percent: $0) } }
            .sorted { a, b in
                // Higher percentage first; on the same, units in key order.
                switch a.percent.exactOrder(b.percent) {
                case .orderedDescending: true
                case .orderedAscending: false
                case .orderedSame: a.key < b.key
                }
            }
        var ranks: [UnitID: Int] = [:]
        for (index, entry) in ranked.enumerated() {
            if index > 0, ranked[index - 1].percent.exactOrder(entry.percent) == .orderedSame {
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
        return completions.isEmpty ? 0 : completions.map { $0.capped(at: 1) }.exactSum().dividedExactly(by: Decimal(completions.count))
    }
}
