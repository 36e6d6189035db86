import Foundation

/// A ratio as the two exact numbers it divides, for those who check it by hand.
public struct Fraction: Sendable, Hashable {
    public let numerator: Decimal
    public let denominator: Decimal

    public init(numerator: Decimal, denominator: Decimal) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let whole = Fraction(numerator: 1, denominator: 1)
    public var value: Decimal { numerator.dividedExactly(by: denominator) }
}
