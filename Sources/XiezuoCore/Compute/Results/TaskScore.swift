import Foundation

public struct TaskScore: Sendable {
    /// Points the task is worth; 0 when it leaves the total (not applicable).
    public let available: Decimal
    public let earned: Decimal
    public let bonus: Decimal
    public let penalty: Decimal
    public let applicable: Bool
    public let explanation: Explanation
    public var total: Decimal { earned.addingExactly(bonus).subtractingExactly(penalty) }

    /// The task earned nothing because evidence its requirement asks for is missing
    /// (`evidence-required`): said beside its status, not only in the explanation.
    public var withheldForMissingEvidence: Bool {
        explanation.contains { step in
            if case .noEvidence = step { return true }
            return false
        }
    }
}
