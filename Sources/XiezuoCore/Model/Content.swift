/// Regions, pairings and standard indicators: what every plan is read against. Small next to
/// the plans and their records, so it is loaded whole even when plans are loaded a group at a
/// time; its lookups are built once and shared by every group.
public struct SharedContent: Sendable {
    public let regions: [Region]
    public let pairings: [Pairing]
    public let standards: [StandardIndicator]

    // Lookups by id, so that finding a region or pairing costs the same at any scale.
    private let regionIndex: [String: Int]
    private let pairingIndex: [String: Int]
    /// A unit's region and its place there. A page names units by id many times, and comparing
    /// Chinese names one unit after another normalized both names at each comparison.
    private let unitIndex: [UnitID: (region: Int, unit: Int)]

    public init(regions: [Region], pairings: [Pairing], standards: [StandardIndicator]) {
        self.regions = regions
        self.pairings = pairings
        self.standards = standards
        // With duplicate ids the first one wins, as the validator reports the others.
        regionIndex = Dictionary(regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        pairingIndex = Dictionary(pairings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var units: [UnitID: (region: Int, unit: Int)] = [:]
        for (r, region) in regions.enumerated() where regionIndex[region.id] == r {
            for (u, unit) in region.units.enumerated() where unit.id.region == region.id && units[unit.id] == nil {
                units[unit.id] = (r, u)
            }
        }
        unitIndex = units
    }

    static let empty = SharedContent(regions: [], pairings: [], standards: [])

    public func region(_ id: String) -> Region? { regionIndex[id].map { regions[$0] } }
    public func pairing(_ id: String) -> Pairing? { pairingIndex[id].map { pairings[$0] } }
    /// The unit with this id in the region its id names (the first of each, as `region`).
    public func unit(_ id: UnitID) -> ResponsibleUnit? { unitIndex[id].map { regions[$0.region].units[$0.unit] } }

    /// The region whose units are responsible for a plan of `pairing` owned by `owner`.
    public func ownerRegion(pairing id: String, owner: Plan.Side) -> Region? {
        guard let pairing = pairing(id) else { return nil }
        return region(owner == .helping ? pairing.helping : pairing.helped)
    }
}

/// Content loaded from `content/` and validated: the shared part and plans with their records —
/// every plan, or one group of them during a site build. Only the validator makes one (what
/// the loader reads is a `PlanDraft`), so the engine never computes on unchecked content.
public struct Content: Sendable {
    public let shared: SharedContent
    public let plans: [Plan]
    /// Each plan's responsible units, resolved from what the author wrote.
    public let units: UnitDirectory

    private let planIndex: [String: Int]
    private let planByYear: [String: Int]

    init(shared: SharedContent, plans: [Plan], units: UnitDirectory) {
        self.shared = shared
        self.plans = plans
        self.units = units
        planIndex = Dictionary(plans.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        planByYear = Dictionary(plans.enumerated().map { ("\($1.pairing)|\($1.year)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    init(regions: [Region], pairings: [Pairing], plans: [Plan], standards: [StandardIndicator],
                units: UnitDirectory) {
        self.init(shared: SharedContent(regions: regions, pairings: pairings, standards: standards), plans: plans,
                  units: units)
    }

    static let empty = Content(shared: .empty, plans: [], units: .empty)

    /// The same shared content with only these plans (a group's), in the order given.
    public func slice(_ ids: [String]) -> Content {
        Content(shared: shared, plans: ids.compactMap(plan), units: units)
    }

    public var regions: [Region] { shared.regions }
    public var pairings: [Pairing] { shared.pairings }
    public var standards: [StandardIndicator] { shared.standards }

    public func region(_ id: String) -> Region? { shared.region(id) }
    public func pairing(_ id: String) -> Pairing? { shared.pairing(id) }
    public func plan(_ id: String) -> Plan? { planIndex[id].map { plans[$0] } }

    /// The plan of the same pairing for the year before, for 不低于上年 targets.
    public func previousPlan(of plan: Plan) -> Plan? {
        planByYear["\(plan.pairing)|\(plan.year - 1)"].map { plans[$0] }
    }

    /// The region whose units are responsible in `plan`.
    public func ownerRegion(of plan: Plan) -> Region? { shared.ownerRegion(pairing: plan.pairing, owner: plan.owner) }

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

    static let empty = UnitDirectory(taskUnits: [:], indicatorUnits: [:], coordinators: [:])

    public func units(ofTask task: String, in plan: String) -> [UnitID] { taskUnits[plan]?[task] ?? [] }
    public func units(ofIndicator indicator: String, in plan: String) -> [UnitID] {
        indicatorUnits[plan]?[indicator] ?? []
    }
}
