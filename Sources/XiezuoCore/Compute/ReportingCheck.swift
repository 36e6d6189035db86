/// Monthly reports owed (004: 每月1日前上报): which months each unit has not reported,
/// once the month's due date has passed.
enum ReportingCheck {
    /// Months from the plan's issue (or January) to its deadline (or December), as `YYYY-MM`,
    /// whose report by `unit` is due on or before `asOf` and absent.
    static func missingMonths(for unit: UnitID, in plan: Plan, dueDay: Int, asOf: Day) -> [String] {
        let first = plan.issued.map { $0.year == plan.year ? $0.month : 1 } ?? 1
        let last = plan.deadline.map { $0.year == plan.year ? $0.month : 12 } ?? 12
        guard first <= last else { return [] }
        let reported = Set(plan.records.filter { $0.reporter == unit }.map { $0.date.monthKey })
        return (first...last).compactMap { month in
            let due = month == 12 ? Day(year: plan.year + 1, month: 1, day: dueDay)!
                : Day(year: plan.year, month: month + 1, day: dueDay)!
            let key = Day.lastOfMonth(year: plan.year, month: month).monthKey
            return asOf > due && !reported.contains(key) ? key : nil
        }
    }

    /// The units that owe reports: every unit responsible for something, a group through its members.
    static func owingUnits(_ candidates: [UnitID], region: Region?) -> [UnitID] {
        var owing = Set<UnitID>()
        for id in candidates {
            guard let unit = region?.units.first(where: { $0.id == id }) else { continue }
            if unit.kind == .group {
                owing.formUnion(unit.members.compactMap { region?.unit(named: $0)?.id })
            } else {
                owing.insert(id)
            }
        }
        return owing.sorted()
    }
}
