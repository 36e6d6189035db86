import Foundation

/// Excel's dates: a cell holds a day count (a serial) and its number format says it is a date.
enum ExcelDate {
    /// Number formats built into Excel that show a date (14–22, 45–47; 27–36 and 50–58 are the
    /// Chinese and Japanese date formats, such as 2025年12月31日).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A custom format code shows a date when it uses y, m, d (or h, s) outside quoted text,
    /// escapes and [colour] brackets: `yyyy"年"m"月"d"日"` does, `0.00"万元"` does not.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\": escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "y", "m", "d", "h", "s": if !quoted && !bracket { return true }
            default: continue
            }
        }
        return false
    }

    /// Number formats that show a value × 100 with a % sign: built in (9, 10), or a custom
    /// code with % outside quoted text.
    static let builtInPercentFormats: Set<Int> = [9, 10]

    static func isPercentFormat(_ code: String) -> Bool {
        var quoted = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\": escaped = true
            case "%": if !quoted { return true }
            default: continue
            }
        }
        return false
    }

    /// The day a serial names, YYYY-MM-DD; the time of day, if any, is dropped. In the 1900
    /// system Excel counts a 29 February 1900 that never was, so serials from 61 on are a day
    /// ahead of a plain count from 31 December 1899; 1904 workbooks count from 1 January 1904.
    static func day(serial: Double, uses1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        let whole = Int(serial.rounded(.down))
        var components = DateComponents()
        if uses1904 {
            components.year = 1904; components.month = 1; components.day = 1 + whole
        } else {
            guard whole >= 1 else { return nil }
            components.year = 1899; components.month = 12; components.day = 31 + whole - (whole >= 61 ? 1 : 0)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }
}
