import Foundation

/// A numeric indicator (指标) with a target and the way the target reads.
public struct Indicator: Sendable, Identifiable {
    /// How the target reads.
    public enum Target: Sendable, Hashable {
        /// 不少于, 以上, 至少.
        case atLeast(Decimal)
        case exactly(Decimal)
        case atMost(Decimal)
        /// 至少各1次: every listed item must reach the amount.
        case eachAtLeast(Decimal, items: [String])
        /// 不低于上年: compared with the previous year's actual of the same pairing.
        case notLowerThanLastYear
        /// `-` in the table: tracked only.
        case none

        /// The number the target names, if it names one.
        public var amount: Decimal? {
            switch self {
            case .atLeast(let v), .exactly(let v), .atMost(let v), .eachAtLeast(let v, _): return v
            case .notLowerThanLastYear, .none: return nil
            }
        }
    }

    /// Whether actual values count what was added this year or a running total.
    public enum Counting: String, Sendable {
        /// 新增: only what this year added.
        case new
        /// 含存量: a running total that carries earlier years' stock forward.
        case runningTotal = "running-total"
    }

    /// A target met period by period (每季度推送一次): `perPeriod` in each calendar period from
    /// the plan's start to the deadline; `target` is their sum.
    public struct Cadence: Sendable, Hashable {
        public enum Period: String, Sendable, CaseIterable {
            case monthly, quarterly
            case halfYearly = "half-yearly"

            /// Months in one period.
            public var months: Int {
                switch self {
                case .monthly: return 1
                case .quarterly: return 3
                case .halfYearly: return 6
                }
            }
        }

        public let period: Period
        public let perPeriod: Decimal

        public init(period: Period, perPeriod: Decimal) {
            self.period = period
            self.perPeriod = perPeriod
        }
    }

    /// A percentage computed from two other indicators: numerator ÷ denominator × 100 (资金使用率
    /// = 已使用资金 ÷ 到位资金). It has no records of its own.
    public struct Ratio: Sendable, Hashable {
        public let numerator: String
        public let denominator: String
    }

    public let id: String
    public let name: String
    public let unit: MeasureUnit
    public let target: Target
    public let counting: Counting
    /// Earlier years' stock included in a running total, when the plan states it.
    public let stock: Decimal?
    /// False for 只作统计，不作考核: shown, never scored.
    public let scored: Bool
    /// 其中: this indicator is a part of another one (part ≤ whole).
    public let partOf: String?
    /// The indicators whose targets add up to this one (12 = 2 + 4 + 6).
    public let split: [String]
    /// For a percentage computed from two indicators.
    public let ratio: Ratio?
    /// For a target met period by period.
    public let cadence: Cadence?
    /// 各结对镇（街道）…不少于3家: the target applies to each member of the responsible group.
    public let perMember: Bool
    /// 加分项: extra points when the target is met, above full marks, within the plan's bonus cap.
    public let bonus: Decimal?
    /// The tasks this indicator measures.
    public let tasks: [String]
    /// Responsible units; when empty, those of its tasks.
    public let units: [UnitReference]
    /// A key shared by the same indicator across pairings, for comparison.
    public let standard: String?
    /// The section of the indicator table it stands in (一、组织领导).
    public let group: String?
    public let note: String?
    public let location: SourceLocation

    public init(id: String, name: String, unit: MeasureUnit, target: Target, counting: Counting,
                stock: Decimal?, scored: Bool, partOf: String?, split: [String], ratio: Ratio? = nil, cadence: Cadence? = nil,
                perMember: Bool = false, bonus: Decimal? = nil, tasks: [String],
                units: [UnitReference], standard: String?, group: String?, note: String?,
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.unit = unit
        self.target = target
        self.counting = counting
        self.stock = stock
        self.scored = scored
        self.partOf = partOf
        self.split = split
        self.ratio = ratio
        self.cadence = cadence
        self.perMember = perMember
        self.bonus = bonus
        self.tasks = tasks
        self.units = units
        self.standard = standard
        self.group = group
        self.note = note
        self.location = location
    }
}

/// A standard indicator shared by many pairings (结对学校数, 消费帮扶金额, …).
public struct StandardIndicator: Sendable, Identifiable {
    public let id: String
    public let name: String
    public let unit: MeasureUnit
    public let location: SourceLocation
}

extension Indicator {
    /// An item of its own in a plan's completion: linked to no task, and not a total split into
    /// parts (its parts count instead).
    public var standsAlone: Bool { tasks.isEmpty && split.isEmpty }
}
