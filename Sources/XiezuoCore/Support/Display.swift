import Foundation

/// The one rounding rule, applied once, when a number is shown: half away from zero
/// (0.125 → 0.13), percentages to one decimal place, points to two, amounts to four.
/// All computing is exact; only these functions round.
public enum Display {
    /// `1.35` → `"135.0%"`.
    public static func percent(_ ratio: Decimal) -> String {
        if var digits = DecimalDigits(ratio) {
            digits.exponent += 2  // × 100, exactly
            return digits.rounded(places: 1).fixed(places: 1) + "%"
        }
        return fixed(ratio * 100, places: 1) + "%"
    }

    /// A percentage already scaled to 100: `81.53` → `"81.5%"`.
    public static func percentValue(_ value: Decimal) -> String {
        fixed(value, places: 1) + "%"
    }

    /// Points: `1834.5` → `"1834.50"`.
    public static func points(_ value: Decimal) -> String {
        fixed(value, places: 2)
    }

    /// An amount in its unit, without trailing zeros: `0.30` → `"0.3"`, `1400` → `"1400"`; to 4
    /// places, or as many as the unit shows (a percentage: 2, `74.1491…` → `"74.15"`).
    public static func amount(_ value: Decimal) -> String { amount(value, places: 4) }

    public static func amount(_ value: Decimal, places: Int) -> String {
        if let digits = DecimalDigits(value) { return digits.rounded(places: places).plain }
        return value.rounded(scale: places).plainString
    }

    /// `dividend ÷ divisor` shown with `places` decimal places: what `fixed(dividend / divisor)`
    /// shows, rounded from the exact quotient, without Foundation's 38-digit division (a chart
    /// scales every point by its highest value, a division that seldom ends).
    public static func fixed(_ dividend: Decimal, over divisor: Decimal, places: Int) -> String {
        if let digits = DecimalDigits.roundedQuotient(dividend, divisor, places: places) { return digits.fixed(places: places) }
        return fixed(dividend.dividedExactly(by: divisor), places: places)
    }

    public static func fixed(_ value: Decimal, places: Int) -> String {
        if let digits = DecimalDigits(value) { return digits.rounded(places: places).fixed(places: places) }
        let text = value.rounded(scale: places).plainString
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
    }
}
