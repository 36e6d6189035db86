import Foundation
import XiezuoCore

public struct SiteOptions: Sendable {
    /// Show every plan as of this date; nil: each plan as of its latest record.
    public var asOf: Day?
    /// Only used to add canonical addresses; links stay relative.
    public var baseURL: String?

    public init(asOf: Day? = nil, baseURL: String? = nil) {
        self.asOf = asOf
        self.baseURL = baseURL
    }
}

/// Where rendered files go as soon as each is ready: the disk (SiteWriter) or memory (BuiltSite).
/// Called from every core at once.
public protocol SiteSink: Sendable {
    func put(_ path: SitePath, _ data: Data)
    /// A file too large to hold in memory at once (results.json holds every plan): `produce`
    /// hands its bytes over part by part, in order.
    func put(_ path: SitePath, parts produce: (_ part: (Data) -> Void) -> Void)
}

extension SiteSink {
    /// Sinks that keep files in memory anyway gather the parts.
    public func put(_ path: SitePath, parts produce: (_ part: (Data) -> Void) -> Void) {
        var data = Data()
        produce { data.append($0) }
        put(path, data)
    }
}

/// A built site, in memory: every file's path and bytes.
public struct BuiltSite: Sendable {
    public let files: [SitePath: Data]
    public let pages: Int
}

/// Collects files in memory, for tests and small sites.
final class MemorySink: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [SitePath: Data] = [:]

    func put(_ path: SitePath, _ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        if files[path] == nil { files[path] = data }
    }

    var collected: [SitePath: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}

/// The render stage: content and results in, files out. Pure — the writer puts them on disk.
/// Reads top to bottom as the steps of a build.
public enum SiteBuilder {
    public static func build(_ content: Content, templates: TemplateSet, options: SiteOptions = SiteOptions()) -> BuiltSite {
        let sink = MemorySink()
        let pages = render(content, results: compute(content, options: options), templates: templates, options: options,
                           into: sink)
        return BuiltSite(files: sink.collected, pages: pages)
    }

    /// The compute stage: every plan as of its date, on every core (plans are independent).
    public static func compute(_ content: Content, options: SiteOptions) -> [String: PlanResult] {
        Dictionary(uniqueKeysWithValues: Parallel.map(content.plans) { plan in
            (plan.id, Engine.evaluate(plan, in: content, asOf: options.asOf ?? Engine.defaultAsOf(for: plan)))
        })
    }

    /// The render stage: pages, downloads and assets, each handed to `sink` as soon as it is
    /// rendered, so that memory does not grow with the size of the output. Returns the page count.
    public static func render(_ content: Content, results: [String: PlanResult], templates: TemplateSet,
                              options: SiteOptions, into sink: SiteSink) -> Int {
        // 1. Decide where every page lives.
        let routes = Routes(content: content, taskPages: TaskPage.deserved)
        let site = SiteContext(content: content, results: results, routes: routes, strings: templates.strings,
                               baseURL: options.baseURL)
        // 2. List the work: home, indexes, pairings, each plan with its pages, each region
        //    with its units. A job per plan rather than per page keeps the list small at
        //    national scale: a job per page held a copy of its plan and task (with the two
        //    changes beside it, peak memory at 1,000 plans fell from 1,171 to 1,048 MiB).
        let jobs: [PageJob] = [.home, .unitsIndex, .indicatorsIndex, .siteDownloads]
            + content.pairings.map(PageJob.pairing) + content.plans.map(PageJob.plan) + content.regions.map(PageJob.region)
        // 3. Build and render them on every core; 4. downloads alongside.
        let pages = Parallel.map(jobs) { job in job.run(site, templates: templates, into: sink) }.reduce(0, +)
        // 5. Assets: stylesheet and script, shipped inside the site.
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            sink.put(SitePath(name.split(separator: "/").map(String.init)), data)
        }
        return pages
    }
}

/// One unit of render work: a page (its view model built, then rendered), a plan with its
/// pages and downloads, a region with its units' pages, or the site-wide downloads.
enum PageJob {
    case home, unitsIndex, indicatorsIndex, siteDownloads
    case pairing(Pairing)
    /// The plan's page, its indicators' and tasks' pages, and its tables.
    case plan(Plan)
    /// The region's page and its units' pages.
    case region(Region)

    /// Builds and renders the job's files into `sink`; returns how many of them are pages.
    func run(_ site: SiteContext, templates: TemplateSet, into sink: SiteSink) -> Int {
        let page = { (spec: PageSpec?) in Self.render(spec, templates: templates, into: sink) }
        switch self {
        case .home: return page(HomePage.make(site))
        case .unitsIndex: return page(UnitsIndexPage.make(site))
        case .indicatorsIndex: return page(IndicatorsIndexPage.make(site))
        case .pairing(let pairing): return page(PairingPage.make(pairing, site: site))
        case .plan(let plan):
            for (path, data) in Downloads.files(of: plan, site) { sink.put(path, data) }
            return page(PlanPage.make(plan, site: site))
                + plan.indicators.map { page(IndicatorPage.make($0, plan: plan, site: site)) }.reduce(0, +)
                + plan.allTasks.map { page(TaskPage.make($0, plan: plan, site: site)) }.reduce(0, +)
        case .region(let region):
            return page(RegionPage.make(region, site: site))
                + region.units.map { page(UnitPage.make($0, region: region, site: site)) }.reduce(0, +)
        case .siteDownloads:
            Downloads.putSiteFiles(site, into: sink)
            return 0
        }
    }

    /// Renders one page into `sink`; 1 when there was a page, 0 when it had none to show.
    private static func render(_ spec: PageSpec?, templates: TemplateSet, into sink: SiteSink) -> Int {
        guard let spec else { return 0 }
        sink.put(spec.path, Data(templates.render(spec.context, with: spec.template).utf8))
        return 1
    }
}
