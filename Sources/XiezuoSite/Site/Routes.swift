import XiezuoCore

/// Where every page lives. Computed once, in content order, so that the same content always
/// gives the same paths, and a name that slugs like another gets a stable `-2`.
public struct Routes: Sendable {
    public static let home = SitePath.page()
    public static let units = SitePath.page("units")
    public static let indicators = SitePath.page("indicators")
    public static let results = SitePath.file("results.json")

    private var pairings: [String: SitePath] = [:]
    private var plans: [String: SitePath] = [:]
    private var units: [UnitID: SitePath] = [:]
    private var indicators: [String: SitePath] = [:]
    private var tasks: [String: SitePath] = [:]
    private var regions: [String: SitePath] = [:]

    public init(content: Content, taskPages: (Plan, PlanTask) -> Bool) {
        for pairing in content.pairings {
            pairings[pairing.id] = .page("pairings", Slug.make(pairing.id))
        }
        for plan in content.plans {
            let pairing = Slug.make(plan.pairing)
            plans[plan.id] = .page("pairings", pairing, "\(plan.year)")
            let planSlug = Slug.make(plan.id)
            for (indicator, slug) in zip(plan.indicators, Slug.unique(plan.indicators.map(\.id))) {
                indicators[Self.key(plan.id, indicator.id)] = .page("indicators", planSlug, slug)
            }
            let pageTasks = plan.allTasks.filter { taskPages(plan, $0) }
            for (task, slug) in zip(pageTasks, Slug.unique(pageTasks.map(\.id))) {
                tasks[Self.key(plan.id, task.id)] = .page("tasks", planSlug, slug)
            }
        }
        for region in content.regions {
            regions[region.id] = .page("units", Slug.make(region.id))
            for (unit, slug) in zip(region.units, Slug.unique(region.units.map(\.name))) {
                units[unit.id] = .page("units", Slug.make(region.id), slug)
            }
        }
    }

    private static func key(_ plan: String, _ item: String) -> String { plan + "\u{1F}" + item }

    public func pairing(_ id: String) -> SitePath? { pairings[id] }
    public func plan(_ id: String) -> SitePath? { plans[id] }
    public func unit(_ id: UnitID) -> SitePath? { units[id] }
    public func region(_ id: String) -> SitePath? { regions[id] }
    public func indicator(_ plan: String, _ id: String) -> SitePath? { indicators[Self.key(plan, id)] }
    public func task(_ plan: String, _ id: String) -> SitePath? { tasks[Self.key(plan, id)] }

    /// A download beside a plan's page: `pairings/<pairing>/<year>/<name>`.
    public func download(_ plan: String, _ name: String) -> SitePath? {
        plans[plan].map { SitePath(Array($0.segments.dropLast()) + [name]) }
    }
}
