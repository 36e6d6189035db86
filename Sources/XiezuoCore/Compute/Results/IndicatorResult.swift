import Foundation

public struct IndicatorResult: Sendable {
    public let id: String
    public let name: String
    public let unit: String
    /// The target in the indicator's unit; nil for no target or an unknown last-year value.
    public let target: Decimal?
    public let actual: Decimal
    /// For a computed percentage: numerator × 100 and denominator, exactly.
    public let actualFraction: Fraction?
    /// Whether any unit reported a value (a reported 0 included), or its parts did.
    public let reported: Bool
    /// For a target met period by period: the periods ended without their share (`2024-Q2`).
    public let missedPeriods: [String]
    /// For a per-member target: the members below it, in the group's order.
    public let membersBehind: [String]
    /// Per item, for 至少各1次.
    public let items: [String: Decimal]
    /// actual ÷ target, uncapped (1.35 means 135 %); nil without a target.
    public let completion: Decimal?
    /// The same as the exact numbers it divides: actual and target (at most: target and actual;
    /// per item: Σ min(item, target) and items × target).
    public let completionFraction: Fraction?
    public let met: Met
    public let scored: Bool
    public let pace: Pace
    public let responsible: [UnitID]
    /// Values reported month by month (cumulative, summed over units), `YYYY-MM` → value.
    public let history: [MonthValue]
    public let explanation: Explanation
    /// A part larger than its whole, when records say so.
    public let exceedsWhole: Bool
}
