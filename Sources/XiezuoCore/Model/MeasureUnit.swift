import Foundation

/// A unit of measure (计量单位) of an indicator: people, times, items, money.
///
/// Money comes in 元, 万元 and 亿元; amounts are normalised to 元 before any
/// comparison so that 0.3 亿元 equals 3000 万元.
public struct MeasureUnit: Hashable, Sendable, CustomStringConvertible {
    public enum Dimension: String, Sendable {
        case count
        case money
        /// A percentage (资金使用率, 达标率, 工程进度): 90 means 90 %.
        case ratio
    }

    public let symbol: String
    public let dimension: Dimension
    /// How many base units (元 for money, 1 for counts) one of this unit is.
    public let scale: Decimal

    public init(symbol: String, dimension: Dimension, scale: Decimal) {
        self.symbol = symbol
        self.dimension = dimension
        self.scale = scale
    }

    public var description: String { symbol }

    /// The units seen in the plans. A new one is added here, in one place.
    public static let known: [MeasureUnit] = {
        let counts = ["人", "人次", "名", "个", "次", "家", "对", "期", "篇", "项", "所", "台", "套", "间", "场", "村", "户", "元/人"]
        return counts.map { MeasureUnit(symbol: $0, dimension: .count, scale: 1) } + [
            MeasureUnit(symbol: "元", dimension: .money, scale: 1),
            MeasureUnit(symbol: "万元", dimension: .money, scale: 10_000),
            MeasureUnit(symbol: "亿元", dimension: .money, scale: 100_000_000),
            MeasureUnit.percent,
        ]
    }()

    public static let percent = MeasureUnit(symbol: "%", dimension: .ratio, scale: 1)

    /// Decimal places shown: a percentage to 2 (74.15 %), other amounts to at most 4.
    public var displayPlaces: Int { dimension == .ratio ? 2 : 4 }

    private static let bySymbol: [String: MeasureUnit] =
        Dictionary(uniqueKeysWithValues: known.map { ($0.symbol, $0) })

    public static func named(_ symbol: String) -> MeasureUnit? { bySymbol[symbol] }

    /// Whether amounts in `self` and `other` can be compared after scaling.
    public func isCommensurable(with other: MeasureUnit) -> Bool {
        if dimension != .count { return other.dimension == dimension }
        return self == other || Self.synonyms(symbol, other.symbol)
    }

    /// Converts `value` written in `self` into `other`.
    public func convert(_ value: Decimal, to other: MeasureUnit) -> Decimal {
        scale == other.scale ? value : (value * scale).dividedExactly(by: other.scale)
    }

    /// 人 and 名 are the same count of people; 个, 所 and 家 all count places and bodies.
    private static func synonyms(_ a: String, _ b: String) -> Bool {
        let groups: [Set<String>] = [["人", "名"], ["个", "所", "家"]]
        return groups.contains { $0.contains(a) && $0.contains(b) }
    }
}
