import Foundation

public struct TaskResult: Sendable {
    public let id: String
    public let state: TaskState
    /// 0…1: the mean of the task's indicator completions, each capped at 100 % so one
    /// indicator far over its target cannot hide another far under (or 1/0 from its state).
    public let completion: Decimal
    /// The same mean without the caps (1.35 = 135 %), shown and used for a bonus.
    public let uncappedCompletion: Decimal
    public let pace: Pace
    public let responsible: [UnitID]
    public let evidence: [Evidence]
    /// Kinds of evidence the requirement asks for that nothing handed in covers.
    public let missingEvidence: [Evidence.Kind]
    public let requiresEvidence: Bool
    public let falseData: Bool
    public let score: TaskScore?
    public let explanation: Explanation
}
