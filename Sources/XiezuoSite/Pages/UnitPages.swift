import Foundation
import XiezuoCore

/// units/<region>/<unit>/index.html: everything a unit owns across pairings and years, its
/// score and what it still owes.
struct UnitPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let fields: [Field]
    let plans: [PlanBlock]
    let hasPlans: Bool

    struct PlanBlock: Codable {
        let plan: Link
        let pairing: String
        let asOf: String
        let score: String?
        let rank: String?
        let grade: String?
        /// The unit's reporting item (日常报送) and how it was scored, when the plan scores reporting.
        let reporting: String?
        /// What the unit still owes: its red, yellow, blue and unstarted items, worst first then by
        /// deadline; the monthly reports it missed and the evidence it lacks, each with its deadline.
        let owedItems: AlertTable
        let owes: [String]
        let hasOwedList: Bool
        let hasOwes: Bool
        let tasks: [HTML]
        let hasTasks: Bool
        let indicators: IndicatorTable
        let reports: [Report]
        let hasReports: Bool
    }

    /// One progress report of the unit, with its note rendered once, here.
    struct Report: Codable {
        let anchor: String
        let date: String
        /// Sample data made up for demonstration: marked on the record.
        let sample: Bool
        /// What the record reported, nil when it reported none (no separator before nothing).
        let values: String?
        let tasks: String?
        let note: String
    }

    /// The anchor of a record on its unit's page, which task pages link to.
    /// `planSlug`: `Slug.make` of the record's plan, made once for all of a page's records.
    static func anchor(_ record: ProgressRecord, planSlug: String) -> String { "report-\(planSlug)-\(record.date)" }

    static func reports(of unit: UnitID, in plan: Plan, result: PlanResult, p: Presenter) -> [Report] {
        let planSlug = Slug.make(plan.id)
        // Only the unit's records are copied, not every record.
        return plan.recordPlaces(through: result.asOf).filter { plan.records[$0].reporter == unit }
            .reversed().map { plan.records[$0] }.map { record in
            let values = record.values.map { value -> String in
                let name = plan.indicator(value.indicator)?.name ?? value.indicator
                let measure = plan.indicator(value.indicator)?.unit.symbol ?? ""
                let amount = value.value.map(Display.amount)
                    ?? value.items.sorted { $0.key < $1.key }.map { "\($0.key) \(Display.amount($0.value))" }.joined(separator: "，")
                // The unit's own words beside the number, and a correction's reason, stay with it.
                let words = [value.note, value.correction.map { p.s.format("unit.report-correction", ["reason": $0]) }]
                    .compactMap { $0 }.map { "（\($0)）" }.joined()
                return "\(name) \(amount) \(measure)" + words
            }.joined(separator: "；")
            let tasks = record.tasks.map { p.s.format("unit.report-task", ["task": $0.task, "state": p.s["state." + $0.state.rawValue],
                                                                          "count": "\($0.evidence.count)"]) }
                .joined(separator: "；")
            return Report(anchor: anchor(record, planSlug: planSlug), date: record.date.description, sample: record.sample,
                          values: values.isEmpty ? nil : values, tasks: tasks.isEmpty ? nil : tasks,
                          note: Markdown.movingHeadings(record.noteHTML, down: 3))
        }
    }

    /// The lights of what a unit still owes, worst first.
    static let owedStatuses: [PaceStatus] = [.overdue, .behind, .deadlineNear, .notStarted]

    static func make(_ unit: ResponsibleUnit, region: Region, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.unit(unit.id) else { return nil }
        let p = Presenter(site: site.frame, path: path)
        var fields = [Field(label: p.s["unit.region"], value: region.name),
                      Field(label: p.s["unit.kind"], value: p.s["kind." + unit.kind.rawValue])]
        if !unit.aliases.isEmpty { fields.append(Field(label: p.s["unit.aliases"], value: unit.aliases.joined(separator: "、"))) }
        if !unit.members.isEmpty { fields.append(Field(label: p.s["unit.members"], value: unit.members.joined(separator: "、"))) }
        if let note = unit.note { fields.append(Field(label: p.s["unit.note"], value: note)) }
        var blocks: [PlanBlock] = []
        for plan in site.plansByUnit[unit.id] ?? [] {
            let result = site.result(plan)
            guard let mine = result.unit(unit.id) else { continue }
            let tasks = plan.allTasks.filter { mine.tasks.contains($0.id) }.map { p.taskRow($0, plan: plan, result: result) }
            let indicators = plan.indicators.filter { mine.indicators.contains($0.id) }
                .map { p.indicatorRow($0, plan: plan, result: result) }
            let owedItems = AlertTable.rows(plan, result: result, statuses: Self.owedStatuses, p: p) { $0.contains(unit.id) }
                .sorted { ($0.status, $0.due) < ($1.status, $1.due) }.map(\.row)
            var owes = mine.missingReports.map { month in
                p.s.format("unit.owes-report", ["month": month, "due": plan.reportDue(month)?.description ?? "—"])
            }
            owes += plan.allTasks.filter { mine.tasks.contains($0.id) }.compactMap { task in
                guard let r = result.task(task.id), let what = p.missingEvidence(r) else { return nil }
                return p.s.format("unit.owes-evidence", ["task": p.taskName(task, in: plan), "what": what, "deadline": r.pace.deadline.description])
            }
            let scored = plan.scoring.method != .none && mine.rollup.available > 0
            let reports = Self.reports(of: unit.id, in: plan, result: result, p: p)
            blocks.append(PlanBlock(
                plan: p.planLink(plan), pairing: site.content.pairing(plan.pairing).map(site.pairingName) ?? plan.pairing,
                asOf: result.asOf.description,
                score: scored ? p.score(mine.rollup.earned, of: mine.rollup.available)
                    + (mine.rollup.percent.map { "（\(Display.percentValue($0))）" } ?? "") : nil,
                rank: scored ? mine.rank.map { p.s.format("unit.rank", ["rank": "\($0)",
                    "of": "\(result.units.filter { $0.rank != nil }.count)"]) } : nil,
                grade: scored ? mine.grade : nil,
                reporting: mine.reportingScore.map { item in
                    p.s.format("unit.reporting-score", ["score": p.score(item.total, of: item.available),
                                                        "how": item.explanation.map(p.s.explain).joined(separator: "；")])
                },
                owedItems: AlertTable(t: p.t, rows: owedItems, withStatus: true, withUnits: false),
                owes: owes, hasOwedList: !owes.isEmpty, hasOwes: !owes.isEmpty || !owedItems.isEmpty, tasks: tasks, hasTasks: !tasks.isEmpty,
                indicators: IndicatorTable(rows: indicators, showPlan: false),
                reports: reports, hasReports: !reports.isEmpty))
        }
        let sample = (site.plansByUnit[unit.id] ?? []).contains { site.result($0).sample }
        let page = UnitPage(chrome: p.chrome(title: unit.name, crumbs: [(p.s["nav.units"], Routes.units),
                                                                       (region.name, site.routes.region(region.id)),
                                                                       (unit.name, nil)],
                                             sample: sample),
                            t: p.t, fields: fields, plans: blocks, hasPlans: !blocks.isEmpty)
        return PageSpec(path: path, template: .unit, context: page)
    }
}

/// units/index.html: every region with its units counted; units/<region>/index.html: its units.
struct UnitsIndexPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let regions: [RegionRow]
    let download: Link

    struct RegionRow: Codable {
        let region: Link
        let parent: String
        let units: Int
        let owes: Int
    }

    struct Row: Codable {
        let unit: Link
        let kind: String
        let plans: Int
        let tasks: Int
        let indicators: Int
        let owes: Int
    }

    static func row(_ unit: ResponsibleUnit, counts: RegionSummary.UnitCounts, p: Presenter) -> Row {
        Row(unit: p.unitLink(unit.id), kind: p.s["kind." + unit.kind.rawValue], plans: counts.plans, tasks: counts.tasks,
            indicators: counts.indicators, owes: counts.owes)
    }

    static func make(_ site: SiteOverview) -> PageSpec {
        let p = Presenter(site: site.frame, path: Routes.units)
        let regions = site.frame.shared.regions.filter { !$0.units.isEmpty }.map { region in
            RegionRow(region: Link(href: site.frame.routes.region(region.id).map(p.href) ?? "", label: region.name),
                      parent: region.parent ?? "", units: region.units.count,
                      owes: region.units.reduce(0) { $0 + site.counts(of: $1.id).owes })
        }
        let page = UnitsIndexPage(chrome: p.chrome(title: p.s["units.title"], crumbs: [(p.s["nav.units"], nil)],
                                                   sample: site.anySample),
                                  t: p.t, regions: regions,
                                  download: Link(href: p.href(SitePath.file("units", "units.csv")), label: p.s["download.units"]))
        return PageSpec(path: Routes.units, template: .units, context: page)
    }
}

/// units/<region>/index.html: the units of one region.
struct RegionPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let units: [UnitsIndexPage.Row]

    /// A unit's lights over all its plans, as of the site's date: the region's lights board.
    struct BoardRow: Codable {
        let row: UnitsIndexPage.Row
        let badge: HTML
        let lights: PlanPage.LightCells
    }

    let board: [BoardRow]

    static func make(_ region: Region, summary: RegionSummary, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.region(region.id), !region.units.isEmpty else { return nil }
        let p = Presenter(site: site.frame, path: path)
        let sample = region.units.contains { unit in (site.plansByUnit[unit.id] ?? []).contains { site.result($0).sample } }
        let rows = zip(region.units, summary.units).map { unit, counts -> (Lights, BoardRow) in
            let lights = (site.plansByUnit[unit.id] ?? []).compactMap { site.result($0).unit(unit.id)?.lights }.reduce(Lights(), +)
            return (lights, BoardRow(row: UnitsIndexPage.row(unit, counts: counts, p: p), badge: p.badge(lights.status),
                                     lights: PlanPage.LightCells(lights)))
        }
        // Worst first; as bad as each other, in the region file's order.
        let board = rows.enumerated().sorted { a, b in Lights.worstFirst(a.element.0, b.element.0) ?? (a.offset < b.offset) }
            .map(\.element.1)
        let page = RegionPage(chrome: p.chrome(title: region.name, crumbs: [(p.s["nav.units"], Routes.units), (region.name, nil)],
                                               sample: sample),
                              t: p.t, units: board.map(\.row), board: board)
        return PageSpec(path: path, template: .region, context: page)
    }
}
