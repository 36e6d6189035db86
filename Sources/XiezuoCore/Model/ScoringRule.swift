import Foundation

/// How a plan turns completion into points. The plan owner sets it; the plan states it
/// explicitly, because the same work can be worth full marks under one rule and nothing
/// under another.
public struct ScoringRule: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// The plan awards no points (tracked only).
        case none
        /// 完成率100%计满分, otherwise 0.
        case allOrNothing
        /// 未完成的按比例记分，超计划不加分: points × completion, capped at full points.
        case proportional
        /// 每减少`step`个百分点扣`points`分，扣完为止: deduct per shortfall, floor at 0.
        case deduction(step: Decimal, points: Decimal)
        /// 每户扣1分、扣完为止: `points` off per case counted by the task's indicators, floor at 0.
        case perCase(points: Decimal)
    }

    /// 加分 (加分10分): extra points above full marks, never more than `cap` for the whole plan:
    /// for over-completion, at `perPercent` points per percentage point above 100 % (when given),
    /// and for bonus items (tasks with `bonus:`) that are done.
    public struct Bonus: Sendable, Hashable {
        public let perPercent: Decimal?
        public let cap: Decimal

        public init(perPercent: Decimal?, cap: Decimal) {
            self.perPercent = perPercent
            self.cap = cap
        }
    }

    /// 日常工作/报送 as a scored item: each unit that owes monthly reports holds an item worth
    /// `points`, less `perMissing` for each report missing, never below 0.
    public struct ReportingItem: Sendable, Hashable {
        public let points: Decimal
        public let perMissing: Decimal

        public init(points: Decimal, perMissing: Decimal) {
            self.points = points
            self.perMissing = perMissing
        }
    }

    /// A grade band: a total at or above `minimum` (as a share of available points, in %) earns `grade`.
    public struct GradeBand: Sendable, Hashable {
        public let minimum: Decimal
        public let grade: String
    }

    public let method: Method
    /// 无佐证材料不得分: a task scores nothing until its required evidence is handed in.
    public let evidenceRequired: Bool
    public let bonus: Bonus?
    /// 弄虚作假: a task with false data scores 0 and this many more points are deducted, up to the cap.
    public let falseDataPenalty: Decimal?
    public let falseDataPenaltyCap: Decimal?
    public let reporting: ReportingItem?
    /// Bands ordered from the highest minimum down.
    public let grades: [GradeBand]
    /// Why the plan uses this rule, e.g. where the rule comes from.
    public let note: String?

    public init(method: Method, evidenceRequired: Bool = false, bonus: Bonus? = nil,
                falseDataPenalty: Decimal? = nil, falseDataPenaltyCap: Decimal? = nil,
                reporting: ReportingItem? = nil, grades: [GradeBand] = [], note: String? = nil) {
        self.method = method
        self.evidenceRequired = evidenceRequired
        self.bonus = bonus
        self.falseDataPenalty = falseDataPenalty
        self.falseDataPenaltyCap = falseDataPenaltyCap
        self.reporting = reporting
        self.grades = grades.sorted { $0.minimum > $1.minimum }
        self.note = note
    }

    public static let unscored = ScoringRule(method: .none)
}
