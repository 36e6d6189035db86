import Foundation

/// Excel's dates: a cell holds a day count (a serial) and its number format (NumberFormat) says it is a date.
enum ExcelDate {
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
