/// The calendar periods of a cadence (每月, 每季度, 每半年) that a plan's span touches: months,
/// quarters or half-years of the calendar year, from the one holding the plan's start to the
/// one holding the deadline. Each is due at its end, or on the deadline when that comes first.
public struct CalendarPeriod: Sendable, Hashable {
    /// `2024-03`, `2024-Q2`, `2024-H1`: how findings and JSON name it.
    public let key: String
    public let due: Day

    static func periods(_ period: Indicator.Cadence.Period, from start: Day, through deadline: Day) -> [CalendarPeriod] {
        guard start <= deadline else { return [] }
        var periods: [CalendarPeriod] = []
        var year = start.year
        var index = (start.month - 1) / period.months
        while true {
            let firstMonth = index * period.months + 1
            if (year, firstMonth) > (deadline.year, deadline.month) { break }
            let end = Day.lastOfMonth(year: year, month: firstMonth + period.months - 1)
            periods.append(CalendarPeriod(key: key(period, year: year, index: index), due: min(end, deadline)))
            index += 1
            if index * period.months >= 12 { (year, index) = (year + 1, 0) }
        }
        return periods
    }

    private static func key(_ period: Indicator.Cadence.Period, year: Int, index: Int) -> String {
        switch period {
        case .monthly: return Day.lastOfMonth(year: year, month: index + 1).monthKey
        case .quarterly: return "\(year)-Q\(index + 1)"
        case .halfYearly: return "\(year)-H\(index + 1)"
        }
    }
}
