import Foundation

/// Dates as officials write them in plans, tables and sheets: 2025-12-31, 2025/12/31, 2025.12.31,
/// 2025年12月31日 (or 号), and, within a plan's year, 12月31日, 12月底 or 11月底前 (the last day of
/// that month), 年底 or 年末 (31 December). A "前" after a date changes nothing: the deadline is
/// that day. Full-width digits are read as digits. Anything else, a month without a day (2025年
/// 12月) or a day without a year where no plan gives one included, is refused with the forms
/// that are read.
public enum DateReading {
    public enum Problem: Error, Equatable, Sendable {
        /// Not a date in any form read here.
        case unreadable
        /// A date without its year where nothing gives the year.
        case needsYear
        /// A month without its day (2025年12月): which day is meant? The month, and its year when written.
        case needsDay(year: Int?, month: Int)
        /// No such month (13月), or day 0.
        case noSuchDay
        /// A day past the end of its month (2024-02-30, 2月30日): the month's length is the advice.
        case dayOutOfMonth(year: Int, month: Int, day: Int)

        /// What the author should write, after the field or column name and the text.
        public var advice: Message {
            switch self {
            case .unreadable: return Message(.dateForms)
            case .needsYear: return Message(.dateNeedsYear)
            case .needsDay(let year, let month):
                let last = year.map { Day.daysIn(month: month, year: $0) } ?? (month == 2 ? 28 : Day.daysIn(month: month, year: 2001))
                return Message(.dateNeedsDay, ["day": "\(year.map { "\($0)年" } ?? "")\(month)月\(last)日", "month": "\(month)"])
            case .noSuchDay: return Message(.noSuchDay)
            case .dayOutOfMonth(let year, let month, let day):
                return Message(.dayOutOfMonth, ["year": "\(year)", "month": "\(month)", "day": "\(day)",
                                                "days": "\(Day.daysIn(month: month, year: year))"])
            }
        }
    }

    /// The day `text` names; `year`: the plan's year, for the forms written without one.
    public static func read(_ text: String, year: Int?) -> Result<Day, Problem> {
        // Most dates are written 2025-12-31 already: read before any text is made.
        if let day = Day(parsing: text) { return .success(day) }
        var text = String(text.unicodeScalars.map { scalar -> Character in
            // Full-width digits and punctuation, as Chinese input methods type them.
            if (0xFF10...0xFF19).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0xFF10 + 48)!) }
            switch scalar {
            case "－": return "-"
            case "／": return "/"
            case "．": return "."
            default: return Character(scalar)
            }
        }).trimmingCharacters(in: .whitespaces)
        // "11月底前", "2025年12月31日前": the deadline is that day.
        if text.hasSuffix("前") || text.hasSuffix("以前") { text = String(text.dropLast(text.hasSuffix("以前") ? 2 : 1)) }
        if let day = Day(parsing: text) { return .success(day) }
        if text.allSatisfy({ $0.isASCII }) {
            // 2024-02-30: written in the form Day(parsing:) reads, which refused it for the day alone.
            let written = text.split(omittingEmptySubsequences: false, whereSeparator: { "-/.".contains($0) })
            if written.count == 3, written[0].count == 4, written.dropFirst().allSatisfy({ (1...2).contains($0.count) }),
               written.allSatisfy({ $0.allSatisfy(\.isNumber) }),
               let year = Int(written[0]), let month = Int(written[1]), let day = Int(written[2]) {
                return .failure(outOfRange(year: year, month: month, day: day))
            }
            // 2025-12, 12/31, 12-31: a part missing, not a form.
            let parts = written.filter { !$0.isEmpty }
            if parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                return .failure(parts[0].count == 4 && Int(parts[1]).map((1...12).contains) == true
                    ? .needsDay(year: Int(parts[0]), month: Int(parts[1])!) : parts[0].count == 4 ? .unreadable : .needsYear)
            }
            return .failure(.unreadable)
        }
        return chinese(text, year: year)
    }

    /// 2025年12月31日, 12月31号, 12月底, 2025年底, 年底, 年末.
    private static func chinese(_ text: String, year given: Int?) -> Result<Day, Problem> {
        var rest = Substring(text)
        func number(_ count: ClosedRange<Int>) -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard count.contains(digits.count) else { return nil }
            rest = rest.dropFirst(digits.count)
            return Int(digits)
        }
        func take(_ word: String) -> Bool {
            guard rest.hasPrefix(word) else { return false }
            rest = rest.dropFirst(word.count)
            return true
        }
        var year: Int?
        let start = rest
        if let written = number(4...4) {
            guard take("年") else { return .failure(.unreadable) }
            year = written
        } else {
            rest = start
        }
        // 年底, 2025年底, 2025年年底, 年末.
        if take("年底") || take("年末") || (year != nil && (take("底") || take("末"))) {
            guard rest.isEmpty else { return .failure(.unreadable) }
            guard let year = year ?? given else { return .failure(.needsYear) }
            return Day(year: year, month: 12, day: 31).map { .success($0) } ?? .failure(.unreadable)
        }
        guard let month = number(1...2), take("月") else { return .failure(.unreadable) }
        guard (1...12).contains(month) else { return .failure(.noSuchDay) }
        if take("底") || take("末") {
            guard rest.isEmpty else { return .failure(.unreadable) }
            guard let year = year ?? given else { return .failure(.needsYear) }
            return .success(Day.lastOfMonth(year: year, month: month))
        }
        if rest.isEmpty { return .failure(.needsDay(year: year, month: month)) }
        guard let day = number(1...2), take("日") || take("号"), rest.isEmpty else { return .failure(.unreadable) }
        guard let year = year ?? given else { return .failure(.needsYear) }
        guard let date = Day(year: year, month: month, day: day) else {
            return .failure(outOfRange(year: year, month: month, day: day))
        }
        return .success(date)
    }

    /// Why a year, month and day written in a right form name no day.
    private static func outOfRange(year: Int, month: Int, day: Int) -> Problem {
        guard (1...12).contains(month), day >= 1 else { return .noSuchDay }
        return .dayOutOfMonth(year: year, month: month, day: day)
    }
}
