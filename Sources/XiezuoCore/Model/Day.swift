/// A calendar day without time or time zone.
///
/// Plans, deadlines and progress records are dated by day; using `Foundation.Date`
/// would drag time zones into every comparison and make output depend on the
/// machine's clock settings.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates such as 2022-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also accepts `YYYY/MM/DD` and `YYYY.MM.DD`): four digits, then one
    /// or two, then one or two; nothing else (`2022-11--1` is no date).
    public init?(parsing text: String) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The years content may name: plans, records and deadlines of this work, no others.
    public static let years = 1990...2100

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func firstOfYear(_ year: Int) -> Day { Day(year: year, month: 1, day: 1)! }
    public static func lastOfYear(_ year: Int) -> Day { Day(year: year, month: 12, day: 31)! }
    public static func lastOfMonth(year: Int, month: Int) -> Day {
        Day(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// Days since 1970-01-01 (proleptic Gregorian), so that differences are plain subtraction.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// `YYYY-MM`, the month a record belongs to.
    public var monthKey: String { written(withDay: false) }

    public var description: String { written(withDay: true) }

    /// `YYYY-MM` or `YYYY-MM-DD`, written byte by byte into a small string (no storage of its
    /// own): a site writes tens of thousands of dates, and joining padded pieces made a String
    /// of each.
    private func written(withDay: Bool) -> String {
        // A year of more than four digits, or before year 0, is written as the pieces show it.
        guard (0...9999).contains(year) else {
            return format4(year) + "-" + pad2(month) + (withDay ? "-" + pad2(day) : "")
        }
        let count = withDay ? 10 : 7
        return String(unsafeUninitializedCapacity: count) { buffer in
            func put(_ value: Int, width: Int, at start: Int) {
                var rest = value
                for place in (start..<start + width).reversed() {
                    buffer[place] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            if withDay {
                buffer[7] = UInt8(ascii: "-")
                put(day, width: 2, at: 8)
            }
            return count
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
private func format4(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
