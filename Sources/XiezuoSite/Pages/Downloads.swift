import Foundation
import XiezuoCore
import XiezuoOffice

/// Every table as CSV and, per plan, as one Excel workbook; the computed results as JSON.
///
/// Each CSV row ends with the date its figures are as of (a file saved and mailed on keeps
/// it), and task and indicator numbers stay text in Excel (see `CSV.textField`).
enum Downloads {
    /// A plan's tables beside its page: tasks.csv, indicators.csv, units.csv, and plan.xlsx
    /// with the three as sheets, each dated, the lights as cell colours.
    static func files(of plan: Plan, _ site: SiteContext) -> [SitePath: Data] {
        let result = site.result(plan)
        let tables = [("tasks", tasks(plan, result, site)), ("indicators", indicators(plan, result, site)),
                      ("units", units(plan, result, site))]
        var files: [SitePath: Data] = [:]
        for (name, table) in tables {
            if let path = site.routes.download(plan.id, name + ".csv") { files[path] = table.csv }
        }
        if let path = site.routes.download(plan.id, "plan.xlsx") {
            let title = { (table: DownloadTable) in "\(plan.title)　\(table.sheetName)（\(site.strings["download.as-of"]) \(result.asOf)）" }
            let workbook = Workbook(title: plan.title, createdOn: result.asOf,
                                    sheets: tables.map(\.1).filter { !$0.rows.isEmpty }.map { $0.sheet(title: title($0)) })
            // A workbook the library could not write leaves the CSV files; the build goes on.
            files[path] = try? WorkbookWriter.data(workbook, temporaryFolder: site.frame.scratch)
        }
        return files
    }

    private static func tasks(_ plan: Plan, _ result: PlanResult, _ site: SiteContext) -> DownloadTable {
        let s = site.strings
        let sectionOf = Dictionary(plan.allSections.flatMap { section in section.tasks.map { ($0.id, section.heading) } },
                                   uniquingKeysWith: { first, _ in first })
        let results = plan.allTasks.map { result.task($0.id)! }
        return DownloadTable(
            sheetName: s["download.sheet.tasks"],
            header: ["csv.id", "csv.section", "csv.text", "csv.units", "csv.points", "csv.requirement",
                     "csv.deadline", "csv.state", "csv.status", "csv.completion", "csv.score", "csv.evidence",
                     "csv.missing", "csv.as-of"].map { s[$0] },
            kinds: [.code, .text, .text, .text, .number, .text, .date, .text, .status, .percent, .number, .number, .text, .date],
            rows: zip(plan.allTasks, results).map { task, r in
                [task.id, sectionOf[task.id] ?? "", task.text, site.frame.unitNames(r.responsible),
                 task.points.map(Display.amount) ?? "", task.requirement ?? "", r.pace.deadline.description,
                 s["state." + r.state.rawValue], s["status." + r.pace.status.rawValue],
                 Display.percent(r.uncappedCompletion), r.score.map { Display.points($0.total) } ?? "",
                 "\(r.evidence.count)", r.missingEvidence.map { s["evidence." + $0.rawValue] }.joined(separator: "、"),
                 result.asOf.description]
            },
            statuses: results.map(\.pace.status))
    }

    private static func indicators(_ plan: Plan, _ result: PlanResult, _ site: SiteContext) -> DownloadTable {
        DownloadTable(
            sheetName: site.strings["download.sheet.indicators"],
            header: indicatorHeader(site.strings, withPlan: false),
            kinds: [.code, .text, .text, .number, .number, .percent, .text, .status, .text, .date],
            rows: plan.indicators.map { indicatorRow($0, plan: plan, result: result, site: site) },
            statuses: plan.indicators.map { result.indicator($0.id)!.pace.status })
    }

    private static func units(_ plan: Plan, _ result: PlanResult, _ site: SiteContext) -> DownloadTable {
        let s = site.strings
        let units = result.units.sorted { ($0.rank ?? Int.max, $0.unit) < ($1.rank ?? Int.max, $1.unit) }
        return DownloadTable(
            sheetName: s["download.sheet.units"],
            header: ["csv.rank", "csv.unit", "csv.available", "csv.earned", "csv.percent", "csv.grade",
                     "csv.tasks", "csv.missing-reports", "csv.as-of"].map { s[$0] },
            kinds: [.number, .status, .number, .number, .percent, .text, .number, .text, .date],
            rows: units.map { unit in
                [unit.rank.map(String.init) ?? "", site.unit(unit.unit)?.name ?? unit.unit.name,
                 Display.points(unit.rollup.available), Display.points(unit.rollup.earned),
                 unit.rollup.percent.map(Display.percentValue) ?? "", unit.grade ?? "", "\(unit.tasks.count)",
                 unit.missingReports.joined(separator: "、"), result.asOf.description]
            },
            statuses: units.map(\.status))
    }

    /// The plan's shares of the site-wide indicators.csv and results.json, kept until the
    /// site stage joins every plan's share.
    static func putParts(of plan: Plan, _ site: SiteContext, into parts: PartStore) {
        let result = site.result(plan)
        parts.put(.indicators, plan: plan.id,
                  CSV.lines(plan.indicators.map { [plan.id] + indicatorRow($0, plan: plan, result: result, site: site) },
                            text: [1]))
        parts.put(.results, plan: plan.id, ResultsJSON.part(plan, result))
    }

    /// The site-wide tables and results.json, from the overview and every plan's shares: one
    /// job a file, so that the three are written at once, beside the site's own pages, not one
    /// after another once every group is done. results.json holds every plan, so it goes to
    /// `sink` a plan at a time.
    static func siteFileJobs(_ site: SiteOverview, parts: PartStore, into sink: SiteSink) -> [@Sendable () -> Void] {
        [{ putUnitsTable(site, into: sink) },
         {
             let s = site.frame.strings
             sink.put(SitePath.file("indicators", "indicators.csv"), parts: { part in
                 part(Data("\u{FEFF}".utf8) + CSV.lines([indicatorHeader(s, withPlan: true)]))
                 for plan in site.plans { part(parts.get(.indicators, plan: plan.id)) }
             })
         },
         {
             sink.put(Routes.results, parts: { part in
                 ResultsJSON.assemble(site.plans.lazy.map { parts.get(.results, plan: $0.id) }, into: part)
             })
         }]
    }

    private static func putUnitsTable(_ site: SiteOverview, into sink: SiteSink) {
        let s = site.frame.strings
        let p = Presenter(site: site.frame, path: Routes.units)
        // Every plan is computed as of the site's one date.
        let asOf = site.plans.map(\.asOf).max() ?? ""
        sink.put(SitePath.file("units", "units.csv"), CSV.make(
            header: ["csv.region", "csv.unit", "csv.kind", "csv.plans", "csv.tasks", "csv.indicators",
                     "csv.missing-report-count", "csv.as-of"].map { s[$0] },
            rows: site.frame.shared.regions.flatMap { region in
                region.units.map { unit in
                    let row = UnitsIndexPage.row(unit, counts: site.counts(of: unit.id), p: p)
                    return [region.name, unit.name, row.kind, "\(row.plans)", "\(row.tasks)", "\(row.indicators)", "\(row.owes)", asOf]
                }
            }))
    }

    private static func indicatorHeader(_ s: Strings, withPlan: Bool) -> [String] {
        ((withPlan ? ["csv.plan"] : []) + ["csv.id", "csv.indicator", "csv.measure", "csv.target", "csv.actual",
                                           "csv.completion", "csv.met", "csv.status", "csv.units", "csv.as-of"]).map { s[$0] }
    }

    private static func indicatorRow(_ indicator: Indicator, plan: Plan, result: PlanResult, site: SiteContext) -> [String] {
        let r = result.indicator(indicator.id)!
        let s = site.strings
        return [indicator.id, indicator.name, indicator.unit.symbol, r.target.map(Display.amount) ?? "",
                Display.amount(r.actual), r.completion.map(Display.percent) ?? "", s["met." + r.met.rawValue],
                s["status." + r.pace.status.rawValue],
                site.frame.unitNames(r.responsible), result.asOf.description]
    }
}
