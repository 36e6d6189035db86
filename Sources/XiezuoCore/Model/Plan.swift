import Foundation

/// A yearly plan (年度工作方案 / 工作计划 / 工作任务书) of one pairing.
public struct Plan: Sendable, Identifiable {
    public enum Side: String, Sendable, Codable {
        case helping
        case helped
    }

    /// How often units must report (004: 每月1日前上报).
    public struct Reporting: Sendable, Hashable {
        /// Day of the following month by which a month's report is due.
        public let dueDay: Int
    }

    public let id: String
    public let pairing: String
    public let year: Int
    public let title: String
    /// e.g. 舟普政办〔2021〕71号.
    public let number: String?
    public let issuer: String?
    public let issued: Day?
    /// When the work starts, when the plan says so apart from its issue date.
    public let start: Day?
    /// The multi-year scheme the plan implements, e.g. 实施方案(2021-2025).
    public let scheme: String?
    /// The side whose units are responsible for the tasks.
    public let owner: Side
    /// The office that coordinates the plan; it may report on any item.
    public let coordinator: UnitReference?
    /// Plan-wide deadline (各项帮扶工作原则上要在11月底前完成).
    public let deadline: Day?
    public let reporting: Reporting?
    /// Days before a deadline that an unfinished item shows blue (临近期限); 15 unless the plan says.
    public let deadlineNearDays: Int
    public let scoring: ScoringRule
    /// The narrative parts (指导思想, 工作目标, 保障措施 …), Markdown.
    public let narrative: String
    public let note: String?
    public let sections: [Section]
    public let indicators: [Indicator]
    /// In date order, then by unit as written (PlanDraft sorts them).
    public internal(set) var records: [ProgressRecord]
    /// The plan's tasks.yaml or indicators.yaml when it could not be read: references to its
    /// tasks or indicators are then not reported as unknown, only counted (the file is the cause).
    public internal(set) var unreadTasksFile: String?
    public internal(set) var unreadIndicatorsFile: String?
    public let location: SourceLocation
    /// Every task in document order, and where each task and indicator stands, for lookups by id.
    public let allTasks: [PlanTask]
    private let taskIndex: [String: Int]
    private let indicatorIndex: [String: Int]
    /// For each task id, the places of the indicators linked to it, in plan order: the engine
    /// asks at every task of every month end, and a search through every indicator's links
    /// each time was a plan's tasks times its indicators.
    private let linkedIndicators: [String: [Int]]

    public init(id: String, pairing: String, year: Int, title: String, number: String?, issuer: String?,
                issued: Day?, start: Day? = nil, scheme: String?, owner: Side, coordinator: UnitReference?, deadline: Day?,
                reporting: Reporting?, deadlineNearDays: Int = 15, scoring: ScoringRule, narrative: String, note: String?,
                sections: [Section], indicators: [Indicator], records: [ProgressRecord],
                location: SourceLocation) {
        self.id = id
        self.pairing = pairing
        self.year = year
        self.title = title
        self.number = number
        self.issuer = issuer
        self.issued = issued
        self.start = start
        self.scheme = scheme
        self.owner = owner
        self.coordinator = coordinator
        self.deadline = deadline
        self.reporting = reporting
        self.deadlineNearDays = deadlineNearDays
        self.scoring = scoring
        self.narrative = narrative
        self.note = note
        self.sections = sections
        self.indicators = indicators
        self.records = records
        self.location = location
        allTasks = sections.flatMap(\.allTasks)
        taskIndex = Dictionary(allTasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        indicatorIndex = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var linked: [String: [Int]] = [:]
        for (place, indicator) in indicators.enumerated() {
            // An indicator that names a task twice is linked to it once, as a filter would find it.
            for task in Set(indicator.tasks) { linked[task, default: []].append(place) }
        }
        linkedIndicators = linked
    }

    /// Titles of the narrative parts (the `##` headings of plan.md's body).
    public var narrativeParts: [String] { Markdown.headings(narrative).filter { $0.level == 2 }.map(\.text) }
    public var allSections: [Section] { sections.flatMap(\.allSections) }
    public var firstDay: Day { Day.firstOfYear(year) }
    /// The day the plan's work starts: its declared `start`, else the day it was issued, else
    /// 1 January of its year. The expected pace (序时进度) and the monthly reports run from it.
    public var startDay: Day { start ?? issued ?? firstDay }
    /// The deadline of everything without one of its own: the plan's, else 31 December.
    public var finalDay: Day { deadline ?? lastDay }
    public var lastDay: Day { Day.lastOfYear(year) }

    public func task(_ id: String) -> PlanTask? { taskIndex[id].map { allTasks[$0] } }

    /// An indicator's deadline: the earliest of its tasks', else the plan's, else the year's end.
    public func deadline(of indicator: Indicator) -> Day {
        indicator.tasks.compactMap { task($0)?.deadline }.min() ?? finalDay
    }
    public func indicator(_ id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }

    /// The places of the records dated on or before `day`: a prefix, the records being in date
    /// order. A record is a large value, and a `for` over `records` or a filter copies each one;
    /// callers read the fields they need by place.
    public func recordPlaces(through day: Day) -> Range<Int> {
        records.startIndex..<(records.indices.first { records[$0].date > day } ?? records.endIndex)
    }

    /// The indicators linked to a task (their `tasks` name it), in plan order.
    public func indicators(ofTask id: String) -> [Indicator] { indicatorPlaces(ofTask: id).map { indicators[$0] } }

    /// The places in `indicators` of those linked to a task, in plan order: for the engine, which
    /// reads them in place and finds their results at the same places, at every month end.
    func indicatorPlaces(ofTask id: String) -> [Int] { linkedIndicators[id] ?? [] }
}

extension Plan {
    /// Where the plan belongs, as its header says.
    public var header: PlanHeader { PlanHeader(id: id, pairing: pairing, year: year, owner: owner) }
}
