import Foundation

/// An exact amount in a unit of measure: 0.3 亿元, 350 万元, 12 人.
///
/// Decimal, never Double: money and scores must add up to the yuan and the point.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public let value: Decimal
    public let unit: MeasureUnit

    public init(_ value: Decimal, _ unit: MeasureUnit) {
        self.value = value
        self.unit = unit
    }

    /// The same amount expressed in `other` (万元 → 亿元 and back).
    public func converted(to other: MeasureUnit) -> Quantity {
        Quantity(unit.convert(value, to: other), other)
    }

    public var description: String { "\(value) \(unit.symbol)" }
}

/// Money a task uses, as written in the plan (利用协作资金38万元).
public struct Funding: Sendable, Hashable {
    public let amount: Quantity
    /// Where the money comes from, e.g. 乳山市级协作资金.
    public let source: String?
}
