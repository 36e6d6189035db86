/// Monthly reports owed (004: 每月1日前上报): which months each unit has not reported,
/// once the month's due date has passed.
enum ReportingCheck {
    /// Months from the plan's start (its declared start, else its issue date, else January) to
    /// its deadline (or December), as `YYYY-MM`, whose report by `unit` is due on or before
    /// `asOf` and absent. Month M's report is due on day `dueDay` of month M+1.
    static func missingMonths(for unit: UnitID, in plan: Plan, dueDay: Int, asOf: Day) -> [String] {
        let reported = Set(plan.records.filter { $0.reporter == unit }.map { $0.date.monthKey })
        return months(from: plan.startDay, through: plan.finalDay).compactMap { year, month in
            let key = Day.lastOfMonth(year: year, month: month).monthKey
            return asOf > dueDate(year: year, month: month, dueDay: dueDay) && !reported.contains(key) ? key : nil
        }
    }

    /// Month M's report is due on day `dueDay` of month M+1.
    static func dueDate(year: Int, month: Int, dueDay: Int) -> Day {
        month == 12 ? Day(year: year + 1, month: 1, day: dueDay)! : Day(year: year, month: month + 1, day: dueDay)!
    }

    /// Every (year, month) from the month of `first` to the month of `last`, both included.
    static func months(from first: Day, through last: Day) -> [(Int, Int)] {
        var months: [(Int, Int)] = []
        var (year, month) = (first.year, first.month)
        while (year, month) <= (last.year, last.month) {
            months.append((year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
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

extension Plan {
    /// When the report on `month` (`YYYY-MM`) is due, for a plan that asks for monthly reports.
    public func reportDue(_ month: String) -> Day? {
        guard let dueDay = reporting?.dueDay, let first = Day(parsing: month + "-01") else { return nil }
        return ReportingCheck.dueDate(year: first.year, month: first.month, dueDay: dueDay)
    }
}
