import Foundation

/// Something an official must look at.
public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case overdue, behind, periodMissed = "period-missed", memberBehind = "member-behind", notStarted = "not-started", dueSoon = "due-soon", missingEvidence = "missing-evidence",
             missingReport = "missing-report", partExceedsWhole = "part-exceeds-whole", falseData = "false-data"
    }

    public enum Subject: Sendable, Hashable {
        case task(String)
        case indicator(String)
        case unit(UnitID)
    }

    public let kind: Kind
    public let subject: Subject
    /// For a missing report: the month.
    public let detail: String?
}
