/// What a cell's number format says about its value: a date (the value is a day count) or a
/// percentage (the value is shown × 100 with a % sign).
enum NumberFormat {
    /// Built into Excel and showing a date: 14–22, 45–47; 27–36 and 50–58 are the Chinese and
    /// Japanese date formats, such as 2025年12月31日.
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)
    /// Built into Excel and showing a percentage: 0% and 0.00%.
    static let builtInPercentages: Set<Int> = [9, 10]

    /// A custom code shows a date when it uses y, m, d (or h, s) as codes: `yyyy"年"m"月"d"日"`
    /// does, `0.00"万元"` does not.
    static func isDate(_ code: String) -> Bool {
        codes(of: code).contains { "ymdhs".contains($0) }
    }

    /// A custom code shows a percentage when % is a code: `0.0%` does, `0.0"%"` (the sign as
    /// text, as the progress workbooks write it) does not.
    static func isPercentage(_ code: String) -> Bool {
        codes(of: code).contains("%")
    }

    /// The characters of a format code that Excel reads as codes, lowercased: not quoted text,
    /// not an escaped character, not a [colour] or [$-804] bracket.
    private static func codes(of code: String) -> [Character] {
        var found: [Character] = []
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { found.append(character) }
            }
        }
        return found
    }
}
