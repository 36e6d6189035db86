import Foundation

extension Decimal {
    /// Rounded half away from zero to `scale` decimal places (0.125 → 0.13). The one
    /// rounding rule of the project, applied once, at display.
    public func rounded(scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
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
