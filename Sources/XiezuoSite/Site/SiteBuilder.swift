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

/// A built site, in memory: every file's path and bytes.
public struct BuiltSite: Sendable {
    public let files: [SitePath: Data]
    public let pages: Int
}

/// The render stage: content and results in, files out. Pure — the writer puts them on disk.
/// Reads top to bottom as the steps of a build.
public enum SiteBuilder {
    public static func build(_ content: Content, templates: TemplateSet, options: SiteOptions = SiteOptions()) -> BuiltSite {
        // 1. Compute every plan as of its date.
        let results = Dictionary(uniqueKeysWithValues: content.plans.map { plan in
            (plan.id, Engine.evaluate(plan, in: content, asOf: options.asOf ?? Engine.defaultAsOf(for: plan)))
        })
        // 2. Decide where every page lives.
        let routes = Routes(content: content, taskPages: TaskPage.deserved)
        let site = SiteContext(content: content, results: results, routes: routes, strings: templates.strings,
                               baseURL: options.baseURL)
        // 3. Describe the pages: home, pairings, plans, units, indicators, tasks.
        var specs = [HomePage.make(site), UnitsIndexPage.make(site), IndicatorsIndexPage.make(site)]
        specs += content.pairings.compactMap { PairingPage.make($0, site: site) }
        specs += content.plans.compactMap { PlanPage.make($0, site: site) }
        specs += content.regions.flatMap { region in region.units.compactMap { UnitPage.make($0, region: region, site: site) } }
        for plan in content.plans {
            specs += plan.indicators.compactMap { IndicatorPage.make($0, plan: plan, site: site) }
            specs += plan.allTasks.compactMap { TaskPage.make($0, plan: plan, site: site) }
        }
        // 4. Render them through the templates.
        var files: [SitePath: Data] = [:]
        for spec in specs {
            files[spec.path] = Data(templates.render(spec.context, with: spec.template).utf8)
        }
        // 5. Downloads: every table as CSV, the results as JSON.
        files.merge(Downloads.files(site)) { page, _ in page }
        // 6. Assets: stylesheet and script, shipped inside the site.
        for (name, data) in templates.assets {
            files[SitePath(name.split(separator: "/").map(String.init))] = data
        }
        return BuiltSite(files: files, pages: specs.count)
    }
}
