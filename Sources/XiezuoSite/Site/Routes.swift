import XiezuoCore

/// Where every page lives. Computed once, in content order, so that the same content always
/// gives the same paths, and a name that slugs like another gets a stable `-2`.
///
/// The routes of pairings, plans, regions, units and standard indicators are known before any
/// plan is read (a plan's page needs only its pairing and year); a group of plans adds the
/// routes of its own indicators and tasks, which only its own pages link to.
public struct Routes: Sendable {
    public static let home = SitePath.page()
    public static let units = SitePath.page("units")
    public static let indicators = SitePath.page("indicators")
    public static let results = SitePath.file("results.json")
    public static let search = SitePath.page("search")

    private var pairings: [String: SitePath] = [:]
    private var plans: [String: SitePath] = [:]
    private var units: [UnitID: SitePath] = [:]
    private var indicators: [String: SitePath] = [:]
    private var tasks: [String: SitePath] = [:]
    private var regions: [String: SitePath] = [:]
    private var standards: [String: SitePath] = [:]

    public init(shared: SharedContent, plans: [PlanHeader]) {
        for pairing in shared.pairings {
            pairings[pairing.id] = .page("pairings", Slug.make(pairing.id))
        }
        for plan in plans {
            self.plans[plan.id] = .page("pairings", Slug.make(plan.pairing), "\(plan.year)")
        }
        for region in shared.regions {
            regions[region.id] = .page("units", Slug.make(region.id))
            for (unit, slug) in zip(region.units, Slug.unique(region.units.map(\.name))) {
                units[unit.id] = .page("units", Slug.make(region.id), slug)
            }
        }
        for (standard, slug) in zip(shared.standards, Slug.unique(shared.standards.map(\.id))) where standards[standard.id] == nil {
            standards[standard.id] = .page("standards", slug)
        }
    }

    /// The routes of everything in `content`.
    public init(content: Content, taskPages: (Plan, PlanTask) -> Bool) {
        self = Routes(shared: content.shared, plans: content.plans.map(\.header)).adding(content.plans, taskPages: taskPages)
    }

    /// These routes with the pages of `plans`' indicators and tasks (those `taskPages` gives one).
    public func adding(_ plans: [Plan], taskPages: (Plan, PlanTask) -> Bool) -> Routes {
        var routes = self
        for plan in plans {
            let planSlug = Slug.make(plan.id)
            for (indicator, slug) in zip(plan.indicators, Slug.unique(plan.indicators.map(\.id))) {
                routes.indicators[Self.key(plan.id, indicator.id)] = .page("indicators", planSlug, slug)
            }
            let pageTasks = plan.allTasks.filter { taskPages(plan, $0) }
            for (task, slug) in zip(pageTasks, Slug.unique(pageTasks.map(\.id))) {
                routes.tasks[Self.key(plan.id, task.id)] = .page("tasks", planSlug, slug)
            }
        }
        return routes
    }

    private static func key(_ plan: String, _ item: String) -> String { plan + "\u{1F}" + item }

    public func pairing(_ id: String) -> SitePath? { pairings[id] }
    public func plan(_ id: String) -> SitePath? { plans[id] }
    public func unit(_ id: UnitID) -> SitePath? { units[id] }
    public func region(_ id: String) -> SitePath? { regions[id] }
    public func standard(_ id: String) -> SitePath? { standards[id] }
    public func indicator(_ plan: String, _ id: String) -> SitePath? { indicators[Self.key(plan, id)] }
    public func task(_ plan: String, _ id: String) -> SitePath? { tasks[Self.key(plan, id)] }

    /// Where a plan's briefings are, known from its header alone.
    public static func briefings(of plan: PlanHeader) -> [String] {
        ["pairings", Slug.make(plan.pairing), "\(plan.year)", "briefings"]
    }

    /// A plan's monthly briefing: `pairings/<pairing>/<year>/briefings/<YYYY-MM>/`.
    public func briefing(_ plan: String, month: String) -> SitePath? {
        plans[plan].map { SitePath(Array($0.segments.dropLast()) + ["briefings", month, "index.html"]) }
    }

    /// A download beside a plan's page: `pairings/<pairing>/<year>/<name>`.
    public func download(_ plan: String, _ name: String) -> SitePath? {
        plans[plan].map { SitePath(Array($0.segments.dropLast()) + [name]) }
    }
}
