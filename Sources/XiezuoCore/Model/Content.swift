/// Everything loaded from `content/`: regions, pairings, plans with their records.
public struct Content: Sendable {
    public let regions: [Region]
    public let pairings: [Pairing]
    public let plans: [Plan]
    public let standards: [StandardIndicator]
    /// Each plan's responsible units, resolved from what the author wrote.
    public let units: UnitDirectory

    // Lookups by id, so that finding a region, pairing or plan costs the same at any scale.
    private let regionIndex: [String: Int]
    private let pairingIndex: [String: Int]
    private let planIndex: [String: Int]
    private let planByYear: [String: Int]

    public init(regions: [Region], pairings: [Pairing], plans: [Plan], standards: [StandardIndicator],
                units: UnitDirectory) {
        self.regions = regions
        self.pairings = pairings
        self.plans = plans
        self.standards = standards
        self.units = units
        // With duplicate ids the first one wins, as the validator reports the others.
        regionIndex = Dictionary(regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        pairingIndex = Dictionary(pairings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        planIndex = Dictionary(plans.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        planByYear = Dictionary(plans.enumerated().map { ("\($1.pairing)|\($1.year)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let empty = Content(regions: [], pairings: [], plans: [], standards: [],
                               units: UnitDirectory(taskUnits: [:], indicatorUnits: [:], coordinators: [:]))

    public func region(_ id: String) -> Region? { regionIndex[id].map { regions[$0] } }
    public func pairing(_ id: String) -> Pairing? { pairingIndex[id].map { pairings[$0] } }
    public func plan(_ id: String) -> Plan? { planIndex[id].map { plans[$0] } }

    /// The plan of the same pairing for the year before, for 不低于上年 targets.
    public func previousPlan(of plan: Plan) -> Plan? {
        planByYear["\(plan.pairing)|\(plan.year - 1)"].map { plans[$0] }
    }

    /// The region whose units are responsible in `plan`.
    public func ownerRegion(of plan: Plan) -> Region? {
        guard let pairing = pairing(plan.pairing) else { return nil }
        return region(plan.owner == .helping ? pairing.helping : pairing.helped)
    }

    public var counts: Counts {
        Counts(pairings: pairings.count, plans: plans.count,
               sections: plans.reduce(0) { $0 + $1.allSections.count },
               tasks: plans.reduce(0) { $0 + $1.allTasks.count },
               indicators: plans.reduce(0) { $0 + $1.indicators.count },
               units: regions.reduce(0) { $0 + $1.units.count },
               records: plans.reduce(0) { $0 + $1.records.count })
    }

    public struct Counts: Sendable, Equatable {
        public let pairings, plans, sections, tasks, indicators, units, records: Int
    }
}

/// Resolved responsible units: which units own each task and indicator of each plan.
public struct UnitDirectory: Sendable {
    /// plan id → task id → units.
    public let taskUnits: [String: [String: [UnitID]]]
    /// plan id → indicator id → units.
    public let indicatorUnits: [String: [String: [UnitID]]]
    /// plan id → coordinating unit.
    public let coordinators: [String: UnitID]

    public init(taskUnits: [String: [String: [UnitID]]], indicatorUnits: [String: [String: [UnitID]]],
                coordinators: [String: UnitID]) {
        self.taskUnits = taskUnits
        self.indicatorUnits = indicatorUnits
        self.coordinators = coordinators
    }

    public func units(ofTask task: String, in plan: String) -> [UnitID] { taskUnits[plan]?[task] ?? [] }
    public func units(ofIndicator indicator: String, in plan: String) -> [UnitID] {
        indicatorUnits[plan]?[indicator] ?? []
    }
}
