import Foundation

public struct Pace: Sendable, Hashable {
    public let status: PaceStatus
    /// The share of the work the date calls for.
    public let expected: Decimal
    public let deadline: Day
    /// A deadline within the plan's window on an item not yet done (the status says
    /// `deadlineNear` unless the item is already behind).
    public let dueSoon: Bool
}
