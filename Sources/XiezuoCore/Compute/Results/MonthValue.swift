import Foundation

public struct MonthValue: Sendable, Hashable {
    public let month: String
    public let value: Decimal
}
