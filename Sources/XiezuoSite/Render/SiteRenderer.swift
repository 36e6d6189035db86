import Foundation
import XiezuoCore

/// What a group's render gives the site-wide stage.
struct GroupSummaries: Sendable, Codable {
    var plans: [PlanSummary] = []
    var regions: [RegionSummary] = []
    var pages = 0
    /// Files written, pages and downloads: a group kept from the previous build still has them.
    var files = 0
}

/// The render stage: a group's pages from its plans and the engine's results, then the
/// site-wide pages from every group's summaries. Presents; computes nothing.
enum SiteRenderer {
    /// The frame every page is drawn in: shared content, the routes known before plans are
    /// read, the strings of the language.
    /// `scratch`: where workbooks are put together (SiteFrame.scratch).
    static func frame(_ shared: SharedContent, headers: [PlanHeader], templates: TemplateSet, options: SiteOptions,
                      scratch: URL? = nil) -> SiteFrame {
        SiteFrame(shared: shared, routes: Routes(shared: shared, plans: headers), strings: templates.strings,
                  baseURL: options.baseURL, search: options.search, components: Components(templates: templates), scratch: scratch)
    }

    /// A group's pages and plan downloads into `sink`, its plans' shares of the site-wide
    /// downloads into `parts`; returns its summaries. `content` holds the group's plans,
    /// validated, and `results` their computed results.
    static func renderGroup(_ group: BuildGroup, content: Content, results: [String: EvaluatedPlan], frame: SiteFrame,
                            templates: TemplateSet, parts: PartStore, into sink: SiteSink) -> GroupSummaries {
        let routes = frame.routes.adding(content.plans, taskPages: TaskPage.deserved)
        let site = SiteContext(frame: frame.group(routes: routes, templates: templates), content: content, results: results)
        let jobs: [PageJob] = group.pairings.compactMap { content.pairing($0) }.map(PageJob.pairing)
            + content.plans.map(PageJob.plan) + group.regions.compactMap { content.region($0) }.map(PageJob.region)
        let done = Parallel.map(jobs) { $0.run(site, templates: templates, parts: parts, into: sink) }
        var summaries = GroupSummaries()
        for outcome in done {
            summaries.pages += outcome.pages
            if let plan = outcome.plan { summaries.plans.append(plan) }
            if let region = outcome.region { summaries.regions.append(region) }
        }
        return summaries
    }

    /// The pages outside every group — home, unit and indicator indexes, standard comparisons —
    /// the site-wide downloads and the assets. Returns the page count.
    static func renderSite(frame: SiteFrame, groups: [GroupSummaries], templates: TemplateSet, parts: PartStore,
                           into sink: SiteSink) -> Int {
        let site = SiteOverview(frame: frame, plans: groups.flatMap(\.plans), regions: groups.flatMap(\.regions))
        let specs = [HomePage.make(site), UnitsIndexPage.make(site), IndicatorsIndexPage.make(site)]
            + frame.shared.standards.compactMap { StandardPage.make($0, site: site) }
            + [SearchPage.make(frame)]
        // The pages and the site-wide downloads, all at once: the downloads were the serial
        // tail of a build.
        let jobs: [() -> Int] = specs.map { spec in { PageJob.render(spec, templates: templates, into: sink) } }
            + Downloads.siteFileJobs(site, parts: parts, into: sink).map { put in { put(); return 0 } }
        let pages = Parallel.map(jobs) { $0() }.reduce(0, +)
        // The stylesheet and script, shipped inside the site.
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            sink.put(SitePath(name.split(separator: "/").map(String.init)), data)
        }
        return pages
    }
}

/// One unit of a group's render work: a pairing's page, a plan with its pages and downloads,
/// a region with its units' pages. A job per plan rather than per page keeps the list small
/// at national scale (a job per page held a copy of its plan).
enum PageJob {
    case pairing(Pairing)
    /// The plan's page, its indicators' and tasks' pages, and its tables.
    case plan(Plan)
    /// The region's page and its units' pages.
    case region(Region)

    struct Outcome {
        var pages = 0
        var plan: PlanSummary?
        var region: RegionSummary?
    }

    /// Builds and renders the job's files into `sink`.
    func run(_ site: SiteContext, templates: TemplateSet, parts: PartStore, into sink: SiteSink) -> Outcome {
        let page = { (spec: PageSpec?) in Self.render(spec, templates: templates, into: sink) }
        switch self {
        case .pairing(let pairing):
            return Outcome(pages: page(PairingPage.make(pairing, site: site)))
        case .plan(let plan):
            for (path, data) in Downloads.files(of: plan, site) { sink.put(path, data) }
            Downloads.putParts(of: plan, site, into: parts)
            let briefings = site.briefings(plan)
            let pages = page(PlanPage.make(plan, site: site))
                + plan.indicators.map { page(IndicatorPage.make($0, plan: plan, site: site)) }.reduce(0, +)
                + plan.allTasks.map { page(TaskPage.make($0, plan: plan, site: site)) }.reduce(0, +)
                + briefings.map { page(BriefingPage.make($0, of: briefings, plan: plan, site: site)) }.reduce(0, +)
            let p = Presenter(site: site.frame, path: Routes.home)
            return Outcome(pages: pages, plan: PlanSummary(plan, result: site.result(plan), p: p))
        case .region(let region):
            let summary = RegionSummary(region, site: site)
            let pages = page(RegionPage.make(region, summary: summary, site: site))
                + region.units.map { page(UnitPage.make($0, region: region, site: site)) }.reduce(0, +)
            return Outcome(pages: pages, region: summary)
        }
    }

    /// Renders one page into `sink`; 1 when there was a page, 0 when it had none to show.
    static func render(_ spec: PageSpec?, templates: TemplateSet, into sink: SiteSink) -> Int {
        guard let spec else { return 0 }
        sink.put(spec.path, Data(templates.renderUTF8(spec.context, with: spec.template)))
        return 1
    }
}
