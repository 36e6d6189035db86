import Foundation

/// Items by light, for a unit or a plan: what a row of the lights board counts.
public struct Lights: Sendable, Hashable {
    public var overdue = 0
    public var behind = 0
    public var deadlineNear = 0
    public var done = 0
    public var onPace = 0
    public var notStarted = 0
    /// Months whose report is due and missing.
    public var notReported = 0

    public init() {}

    /// Counts the statuses of tasks and judged indicators (unscored and unknown ones are not lit).
    init(_ statuses: [PaceStatus], missingReports: Int) {
        for status in statuses { add(status) }
        notReported = missingReports
    }

    /// One item more, by its status; one whose target cannot be judged is not lit.
    mutating func add(_ status: PaceStatus) {
        switch status {
        case .overdue: overdue += 1
        case .behind: behind += 1
        case .deadlineNear: deadlineNear += 1
        case .done: done += 1
        case .onPace: onPace += 1
        case .notStarted: notStarted += 1
        case .notReported, .notScored, .unknown: break
        }
    }

    /// Whether `a` is worse than `b` (most red, then yellow, blue, missing reports); nil when
    /// they are as bad as each other, for the caller's own order to decide. Every lights board
    /// is sorted by it.
    public static func worstFirst(_ a: Lights, _ b: Lights) -> Bool? {
        let x = (a.overdue, a.behind, a.deadlineNear, a.notReported), y = (b.overdue, b.behind, b.deadlineNear, b.notReported)
        return x == y ? nil : x > y
    }

    /// These and `other`'s together: a unit's lights over several plans.
    public static func + (lhs: Lights, rhs: Lights) -> Lights {
        var sum = lhs
        sum.overdue += rhs.overdue
        sum.behind += rhs.behind
        sum.deadlineNear += rhs.deadlineNear
        sum.done += rhs.done
        sum.onPace += rhs.onPace
        sum.notStarted += rhs.notStarted
        sum.notReported += rhs.notReported
        return sum
    }

    /// The worst light lit.
    public var status: PaceStatus {
        if overdue > 0 { return .overdue }
        if behind > 0 { return .behind }
        if deadlineNear > 0 { return .deadlineNear }
        if notReported > 0 { return .notReported }
        if onPace > 0 { return .onPace }
        if notStarted > 0 { return .notStarted }
        return done > 0 ? .done : .notScored
    }
}
