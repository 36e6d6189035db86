import Foundation

/// Where an item stands against the calendar (序时进度): one status, one light, as supervision
/// offices show them (亮灯): red overdue, yellow behind, blue deadline near, green done.
public enum PaceStatus: String, Sendable, CaseIterable, Comparable {
    case done
    case onPace = "on-pace"
    /// Not done, its deadline within the plan's window (default 15 days): blue.
    case deadlineNear = "deadline-near"
    /// Nothing reported, and nothing called for yet (on or before its start).
    case notStarted = "not-started"
    /// Less done than the calendar calls for, a thing never started included: yellow.
    case behind
    /// Not done by its deadline: red.
    case overdue
    /// A unit with monthly reports missing (for units only).
    case notReported = "not-reported"
    case notScored = "not-scored"
    /// The target cannot be known yet (不低于上年 without last year's figure).
    case unknown

    /// Worst first, for sorting lists of alerts and for the light of a unit or a plan.
    var severity: Int {
        switch self {
        case .overdue: return 0
        case .behind: return 1
        case .deadlineNear: return 2
        case .notReported: return 3
        case .notStarted: return 4
        case .onPace: return 5
        case .done: return 6
        case .unknown: return 7
        case .notScored: return 8
        }
    }

    public static func < (lhs: PaceStatus, rhs: PaceStatus) -> Bool { lhs.severity < rhs.severity }
}
