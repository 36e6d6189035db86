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

/// Whether a target is met: unknown when it cannot be said (不低于上年 without last year).
public enum Met: String, Sendable {
    case yes, no, unknown
}

public struct Pace: Sendable, Hashable {
    public let status: PaceStatus
    /// The share of the work the date calls for.
    public let expected: Decimal
    public let deadline: Day
    /// A deadline within the plan's window on an item not yet done (the status says
    /// `deadlineNear` unless the item is already behind).
    public let dueSoon: Bool
}

public struct IndicatorResult: Sendable {
    public let id: String
    public let name: String
    public let unit: String
    /// The target in the indicator's unit; nil for no target or an unknown last-year value.
    public let target: Decimal?
    public let actual: Decimal
    /// For a computed percentage: numerator × 100 and denominator, exactly.
    public let actualFraction: Fraction?
    /// Whether any unit reported a value (a reported 0 included), or its parts did.
    public let reported: Bool
    /// For a target met period by period: the periods ended without their share (`2024-Q2`).
    public let missedPeriods: [String]
    /// For a per-member target: the members below it, in the group's order.
    public let membersBehind: [String]
    /// Per item, for 至少各1次.
    public let items: [String: Decimal]
    /// actual ÷ target, uncapped (1.35 means 135 %); nil without a target.
    public let completion: Decimal?
    /// The same as the exact numbers it divides: actual and target (at most: target and actual;
    /// per item: Σ min(item, target) and items × target).
    public let completionFraction: Fraction?
    public let met: Met
    public let scored: Bool
    public let pace: Pace
    public let responsible: [UnitID]
    /// Values reported month by month (cumulative, summed over units), `YYYY-MM` → value.
    public let history: [MonthValue]
    public let explanation: Explanation
    /// A part larger than its whole, when records say so.
    public let exceedsWhole: Bool
}

/// A ratio as the two exact numbers it divides, for those who check it by hand.
public struct Fraction: Sendable, Hashable {
    public let numerator: Decimal
    public let denominator: Decimal

    public init(numerator: Decimal, denominator: Decimal) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let whole = Fraction(numerator: 1, denominator: 1)
    public var value: Decimal { numerator / denominator }
}

/// A plan at the end of one month: what its chart, a monthly briefing and "what changed since
/// last month" read. The last month of a plan's list ends on the as-of date.
public struct MonthState: Sendable, Hashable {
    /// `YYYY-MM`.
    public let month: String
    public let completion: Decimal
    public let expected: Decimal
}

public struct MonthValue: Sendable, Hashable {
    public let month: String
    public let value: Decimal
}

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

public struct TaskScore: Sendable {
    /// Points the task is worth; 0 when it leaves the total (not applicable).
    public let available: Decimal
    public let earned: Decimal
    public let bonus: Decimal
    public let penalty: Decimal
    public let applicable: Bool
    public let explanation: Explanation
    public var total: Decimal { earned + bonus - penalty }

    /// The task earned nothing because evidence its requirement asks for is missing
    /// (`evidence-required`): said beside its status, not only in the explanation.
    public var withheldForMissingEvidence: Bool {
        explanation.contains { step in
            if case .noEvidence = step { return true }
            return false
        }
    }
}

/// Score and counts for a group of tasks: a section, a unit, a plan.
public struct Rollup: Sendable, Hashable {
    public var available: Decimal = 0
    /// Net points: earned plus bonus minus penalty, after the plan's caps.
    public var earned: Decimal = 0
    public var tasks = 0
    /// The tasks by light; the counts add up to `tasks`.
    public var lights = Lights()

    public var done: Int { lights.done }
    public var onPace: Int { lights.onPace }
    public var deadlineNear: Int { lights.deadlineNear }
    public var notStarted: Int { lights.notStarted }
    public var behind: Int { lights.behind }
    public var overdue: Int { lights.overdue }

    public init() {}

    /// Adds a scored item that is not a task (a unit's reporting item, an indicator's bonus).
    mutating func add(_ item: TaskScore) {
        available += item.available
        earned += item.total
    }

    /// Adds one unit's exact share of an item held by `count` units, as for a task's points.
    mutating func add(_ item: TaskScore, share index: Int, of count: Int) {
        available += ExactShare.split(item.available, among: count)[index]
        earned += ExactShare.split(item.total, among: count)[index]
    }

    /// earned ÷ available as a percentage; nil when nothing is scored.
    public var percent: Decimal? { available > 0 ? earned / available * 100 : nil }
    /// The percentage's terms: earned ÷ available (× 100).
    public var percentFraction: Fraction? { available > 0 ? Fraction(numerator: earned, denominator: available) : nil }
}

public struct SectionResult: Sendable {
    public let id: String
    public let title: String
    public let rollup: Rollup
}

public struct UnitResult: Sendable {
    public let unit: UnitID
    public let rollup: Rollup
    public let tasks: [String]
    public let indicators: [String]
    /// Competition ranking among the plan's scored units (1, 2, 2, 4); nil when unscored.
    public let rank: Int?
    public let grade: String?
    /// Months whose report is due and missing.
    public let missingReports: [String]
    /// The unit's reporting item (日常报送), when the plan scores reporting.
    public let reportingScore: TaskScore?
    /// Its tasks and judged indicators by light, and its missing monthly reports: a row of the
    /// plan's lights board (亮灯表).
    public let lights: Lights
    /// The mean of its tasks' completions (each capped at 100 %), or of its indicators' when it
    /// holds no task; nil when it holds neither.
    public let completion: Decimal?
    /// Its rank at the end of the month before the as-of date's, for the change since then.
    public let previousRank: Int?

    /// The unit's one light: the worst of its items', "not reported" when reports are missing
    /// and nothing worse is lit.
    public var status: PaceStatus { lights.status }
}

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

/// Everything computed for one plan as of one date.
public struct PlanResult: Sendable {
    public let plan: String
    public let asOf: Day
    public let expected: Decimal
    /// The expected share as days: from the start to the date, of the start to the deadline.
    public let expectedDays: Fraction
    public let indicators: [IndicatorResult]
    public let tasks: [TaskResult]
    public let sections: [SectionResult]
    public let units: [UnitResult]
    public let rollup: Rollup
    /// Bonus and penalty on top of the task scores, after caps.
    public let bonus: Decimal
    /// Indicators that are bonus items (加分项), by id: what each earned within the cap.
    public let bonusItems: [String: TaskScore]
    public let penalty: Decimal
    public let grade: String?
    public let findings: [Finding]
    /// Latest record date on or before the as-of date.
    public let latestData: Day?
    public let sample: Bool

    /// Plan-level completion: the mean of the tasks' completions, each capped at 100 %.
    public let completion: Decimal
    /// The plan at the end of each month from its start to the as-of date.
    public let months: [MonthState]
    public var score: Decimal { rollup.earned }

    public func indicator(_ id: String) -> IndicatorResult? { indicatorIndex[id].map { indicators[$0] } }
    public func task(_ id: String) -> TaskResult? { taskIndex[id].map { tasks[$0] } }
    public func unit(_ id: UnitID) -> UnitResult? { units.first { $0.unit == id } }
    /// Each ranked unit's rank.
    public var ranks: [UnitID: Int] {
        Dictionary(units.compactMap { unit in unit.rank.map { (unit.unit, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    private var indicatorIndex: [String: Int] = [:]
    private var taskIndex: [String: Int] = [:]

    init(plan: String, asOf: Day, expected: Decimal, expectedDays: Fraction, indicators: [IndicatorResult], tasks: [TaskResult],
         sections: [SectionResult], units: [UnitResult], rollup: Rollup, bonus: Decimal, bonusItems: [String: TaskScore],
         penalty: Decimal,
         grade: String?, findings: [Finding], latestData: Day?, sample: Bool, completion: Decimal, months: [MonthState]) {
        self.plan = plan
        self.asOf = asOf
        self.expected = expected
        self.expectedDays = expectedDays
        self.indicators = indicators
        self.tasks = tasks
        self.sections = sections
        self.units = units
        self.rollup = rollup
        self.bonus = bonus
        self.bonusItems = bonusItems
        self.penalty = penalty
        self.grade = grade
        self.findings = findings
        self.latestData = latestData
        self.sample = sample
        self.completion = completion
        self.months = months
        indicatorIndex = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        taskIndex = Dictionary(tasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
