import Foundation

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
