import Foundation

extension Decimal {
    /// Rounded to `scale` decimal places: half away from zero (0.125 → 0.13), the one rule
    /// for what is shown, applied once, at display; or toward or away from zero where a
    /// computation says so (whole steps of a shortfall, exact shares that never exceed the
    /// whole). DecimalDigits rounds the same way, half away from zero, on digits already read.
    public func rounded(scale: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        if let rounded = exactlyRounded(scale: scale, mode: mode) { return rounded }
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    public var isWhole: Bool { self == rounded(scale: 0) }

    /// Plain digits without exponent or grouping: `1400`, `0.3`, `-2.5`.
    public var plainString: String {
        DecimalDigits(self)?.plain ?? foundationString
    }

    /// Foundation's own rendering: the reference `DecimalDigits` is tested against.
    var foundationString: String {
        NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }
}
