import Foundation
import XiezuoCore

/// Every table as CSV, and the computed results as JSON.
enum Downloads {
    /// A plan's tables: tasks.csv, indicators.csv, units.csv beside its page.
    static func files(of plan: Plan, _ site: SiteContext) -> [SitePath: Data] {
        var files: [SitePath: Data] = [:]
        let s = site.strings
        let result = site.result(plan)
        let units = { (ids: [UnitID]) in ids.map { site.unit($0)?.name ?? $0.name }.joined(separator: "、") }
        if let path = site.routes.download(plan.id, "tasks.csv") {
            let sectionOf = Dictionary(plan.allSections.flatMap { section in section.tasks.map { ($0.id, section.heading) } },
                                       uniquingKeysWith: { first, _ in first })
            files[path] = CSV.make(
                header: ["csv.id", "csv.section", "csv.text", "csv.units", "csv.points", "csv.requirement",
                         "csv.deadline", "csv.state", "csv.status", "csv.completion", "csv.score", "csv.evidence",
                         "csv.missing"].map { s[$0] },
                rows: plan.allTasks.map { task in
                    let r = result.task(task.id)!
                    return [task.id, sectionOf[task.id] ?? "", task.text, units(r.responsible),
                            task.points.map(Display.amount) ?? "", task.requirement ?? "", r.pace.deadline.description,
                            s["state." + r.state.rawValue], s["status." + r.pace.status.rawValue],
                            Display.percent(r.uncappedCompletion), r.score.map { Display.points($0.total) } ?? "",
                            "\(r.evidence.count)", r.missingEvidence.map { s["evidence." + $0.rawValue] }.joined(separator: "、")]
                })
        }
        if let path = site.routes.download(plan.id, "indicators.csv") {
            files[path] = CSV.make(header: indicatorHeader(s, withPlan: false),
                                   rows: plan.indicators.map { indicatorRow($0, plan: plan, result: result, site: site) })
        }
        if let path = site.routes.download(plan.id, "units.csv") {
            files[path] = CSV.make(
                header: ["csv.rank", "csv.unit", "csv.available", "csv.earned", "csv.percent", "csv.grade",
                         "csv.tasks", "csv.missing-reports"].map { s[$0] },
                rows: result.units.sorted { ($0.rank ?? Int.max, $0.unit) < ($1.rank ?? Int.max, $1.unit) }.map { unit in
                    [unit.rank.map(String.init) ?? "", site.unit(unit.unit)?.name ?? unit.unit.name,
                     Display.points(unit.rollup.available), Display.points(unit.rollup.earned),
                     unit.rollup.percent.map(Display.percentValue) ?? "", unit.grade ?? "", "\(unit.tasks.count)",
                     unit.missingReports.joined(separator: "、")]
                })
        }
        return files
    }

    /// The site-wide tables, and results.json, handed to `sink` in parts: it holds every plan.
    static func putSiteFiles(_ site: SiteContext, into sink: SiteSink) {
        for (path, data) in tables(site) { sink.put(path, data) }
        let results = site.content.plans.map { ($0, site.result($0)) }
        sink.put(Routes.results, parts: ReportDocument(results: results).json(into:))
    }

    private static func tables(_ site: SiteContext) -> [SitePath: Data] {
        var files: [SitePath: Data] = [:]
        let s = site.strings
        files[SitePath.file("units", "units.csv")] = CSV.make(
            header: ["csv.region", "csv.unit", "csv.kind", "csv.plans", "csv.tasks", "csv.indicators",
                     "csv.missing-reports"].map { s[$0] },
            rows: site.content.regions.flatMap { region in
                region.units.map { unit in
                    let row = UnitsIndexPage.row(unit, site: site, p: Presenter(site: site, path: Routes.units))
                    return [region.name, unit.name, row.kind, "\(row.plans)", "\(row.tasks)", "\(row.indicators)", "\(row.owes)"]
                }
            })
        files[SitePath.file("indicators", "indicators.csv")] = CSV.make(
            header: indicatorHeader(s, withPlan: true),
            rows: site.content.plans.flatMap { plan in
                plan.indicators.map { [plan.id] + indicatorRow($0, plan: plan, result: site.result(plan), site: site) }
            })
        return files
    }

    private static func indicatorHeader(_ s: Strings, withPlan: Bool) -> [String] {
        (withPlan ? ["csv.plan"] : []) + ["csv.id", "csv.indicator", "csv.measure", "csv.target", "csv.actual",
                                          "csv.completion", "csv.met", "csv.status", "csv.units"].map { s[$0] }
    }

    private static func indicatorRow(_ indicator: Indicator, plan: Plan, result: PlanResult, site: SiteContext) -> [String] {
        let r = result.indicator(indicator.id)!
        let s = site.strings
        return [indicator.id, indicator.name, indicator.unit.symbol, r.target.map(Display.amount) ?? "",
                Display.amount(r.actual), r.completion.map(Display.percent) ?? "", s["met." + r.met.rawValue],
                s["status." + r.pace.status.rawValue],
                r.responsible.map { site.unit($0)?.name ?? $0.name }.joined(separator: "、")]
    }
}
