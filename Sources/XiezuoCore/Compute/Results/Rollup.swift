import Foundation

/// Score and counts for a group of tasks: a section, a unit, a plan.
public struct Rollup: Sendable, Hashable {
    public var available: Decimal = 0
    /// Net points: earned plus bonus minus penalty, after the plan's caps.
    public var earned: Decimal = 0
    public var tasks = 0
    /// The tasks by light; the counts add up to `tasks`.
    public var lights = Lights()
    /// The tasks' completions added up, each capped at 100 %.
    public var completionSum: Decimal = 0

    /// How far along the tasks are: the mean of their completions, each capped at 100 % (as a
    /// plan's completion counts its tasks); nil without tasks.
    public var completion: Decimal? { tasks > 0 ? completionSum.dividedExactly(by: Decimal(tasks)) : nil }

    public var done: Int { lights.done }
    public var onPace: Int { lights.onPace }
    public var deadlineNear: Int { lights.deadlineNear }
    public var notStarted: Int { lights.notStarted }
    public var behind: Int { lights.behind }
    public var overdue: Int { lights.overdue }

    public init() {}

    /// Adds a scored item that is not a task (a unit's reporting item, an indicator's bonus).
    mutating func add(_ item: TaskScore) {
        available.addExactly(item.available)
        earned.addExactly(item.total)
    }

    /// Adds one unit's exact share of an item held by `count` units, as for a task's points.
    mutating func add(_ item: TaskScore, share index: Int, of count: Int) {
        available += ExactShare.split(item.available, among: count)[index]
        earned += ExactShare.split(item.total, among: count)[index]
    }

    /// earned ÷ available as a percentage; nil when nothing is scored.
    public var percent: Decimal? {
        available.exactOrder(0) == .orderedDescending ? earned.dividedExactly(by: available).multipliedExactly(by: 100) : nil
    }
    /// The percentage's terms: earned ÷ available (× 100).
    public var percentFraction: Fraction? { available > 0 ? Fraction(numerator: earned, denominator: available) : nil }
}
