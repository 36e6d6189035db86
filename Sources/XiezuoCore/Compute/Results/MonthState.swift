import Foundation

/// A plan at the end of one month: what its chart, a monthly briefing and "what changed since
/// last month" read. The last month of a plan's list ends on the as-of date.
public struct MonthState: Sendable, Hashable {
    /// `YYYY-MM`.
    public let month: String
    public let completion: Decimal
    public let expected: Decimal
}
