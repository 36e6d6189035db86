import Foundation

/// Everything computed for one plan as of one date.
public struct PlanResult: Sendable {
    public let plan: String
    public let asOf: Day
    public let expected: Decimal
    /// The expected share as days: from the start to the date, of the start to the deadline.
    public let expectedDays: Fraction
    /// In the plan's order (Plan.indicators), one for each.
    public let indicators: [IndicatorResult]
    /// In the plan's order (Plan.allTasks), one for each.
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
