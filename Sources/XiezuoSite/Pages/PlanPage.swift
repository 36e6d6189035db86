import Foundation
import XiezuoCore

/// pairings/<id>/<year>/index.html: one plan as of its date — metadata, progress, alerts,
/// sections and tasks, indicators, units ranked, monthly reports, narrative, downloads.
struct PlanPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let years: [Link]
    let fields: [Field]
    let summary: Headline
    let findings: [FindingGroup]
    let hasFindings: Bool
    let chart: ChartView
    let chartRows: [MonthRow]
    let sections: [SectionView]
    let indicatorGroups: [IndicatorGroup]
    let hasIndicators: Bool
    let units: [UnitRow]
    let board: [BoardRow]
    let hasBoard: Bool
    /// The board's columns sort on a click (on screen; a printed briefing has no need).
    var sortable = true
    let scored: Bool
    let reports: ReportMatrix
    let narrative: String
    let downloads: [Download]

    /// A file to download, saved under a name that says which plan and which date it holds
    /// (the address stays the same every month).
    struct Download: Codable {
        let href: String
        let label: String
        let saveAs: String
    }

    struct Headline: Codable {
        let asOf: String
        let latestData: String
        let expected: String
        let completion: Bar
        let score: String?
        let percent: String?
        let grade: String?
        let bonus: String?
        let penalty: String?
        let tasks: Int
        let done: Int
        let onPace: Int
        let deadlineNear: Int
        let notStarted: Int
        let behind: Int
        let overdue: Int
    }

    struct MonthRow: Codable {
        let month: String
        let completion: String
        let expected: String
        /// That month's briefing, from the first month with data.
        let briefing: String?
    }

    struct SectionView: Codable {
        let title: String
        let level: Int
        let rollup: String
        let tasks: [HTML]
        let hasTasks: Bool
    }

    struct IndicatorGroup: Codable {
        let title: String?
        let table: IndicatorTable
    }

    /// A row of the lights board (亮灯表): a unit's lights, completion, score and rank.
    struct BoardRow: Codable {
        let unit: Link
        let badge: HTML
        let lights: LightCells
        let completion: String
        let score: String?
        let rank: String
        /// "↑2", "↓1", "—" (unchanged), "新" (no rank a month before).
        let change: String
    }

    /// A board row's counts, one cell per light.
    struct LightCells: Codable {
        let overdue, behind, deadlineNear, done, notReported: LightCell

        init(_ lights: Lights) {
            overdue = LightCell(lights.overdue)
            behind = LightCell(lights.behind)
            deadlineNear = LightCell(lights.deadlineNear)
            done = LightCell(lights.done)
            notReported = LightCell(lights.notReported)
        }
    }

    /// A count on the lights board, lit (coloured) when it is not 0; the column says what it counts.
    struct LightCell: Codable {
        let count: Int
        let lit: Bool

        init(_ count: Int) {
            self.count = count
            lit = count > 0
        }
    }

    struct UnitRow: Codable {
        let rank: String
        let unit: Link
        let available: String
        let earned: String
        let percent: String
        let grade: String
        let tasks: Int
        let missingReports: String
    }

    struct ReportMatrix: Codable {
        let months: [String]
        let rows: [ReportRow]
        let hasRows: Bool
        let owed: Bool
    }

    struct ReportRow: Codable {
        let unit: Link
        /// Each a `partials/report-cell`.
        let cells: [HTML]
    }

    struct ReportCell: Codable {
        let state: String
        let symbol: String
        let label: String
    }

    static func make(_ plan: Plan, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.plan(plan.id), let pairing = site.content.pairing(plan.pairing) else { return nil }
        let p = Presenter(site: site.frame, path: path)
        let result = site.result(plan)
        let scored = plan.scoring.method != .none
        let years = site.plans(of: plan.pairing).reversed().map { other in
            Link(href: site.routes.plan(other.id).map(p.href) ?? "", label: "\(other.year)", current: other.id == plan.id)
        }
        let summary = Self.summary(result, scored: scored, p: p)
        let findings = p.findingGroups(result, plan: plan)
        let (chart, chartRows) = monthlyChart(plan, site: site, result: result, p: p)
        let sections = plan.sections.flatMap { sectionViews($0, level: 3, plan: plan, result: result, p: p) }
        let groups = indicatorGroups(plan, result: result, p: p)
        let units = result.units.filter { scored ? $0.rollup.available > 0 : !$0.tasks.isEmpty || !$0.indicators.isEmpty }
            .sorted { ($0.rank ?? Int.max, $0.unit) < ($1.rank ?? Int.max, $1.unit) }
            .map { unit in
                UnitRow(rank: unit.rank.map(String.init) ?? "—", unit: p.unitLink(unit.unit),
                        available: Display.points(unit.rollup.available), earned: Display.points(unit.rollup.earned),
                        percent: unit.rollup.percent.map(Display.percentValue) ?? "—", grade: unit.grade ?? "—",
                        tasks: unit.tasks.count,
                        missingReports: unit.missingReports.isEmpty ? "—" : unit.missingReports.joined(separator: "、"))
            }
        let board = boardRows(result, scored: scored, p: p)
        let workbook = site.routes.download(plan.id, "plan.xlsx").map {
            Download(href: p.href($0), label: p.s["download.workbook"], saveAs: "\(plan.id)-\(p.s["download.file.workbook"])-\(result.asOf).xlsx")
        }
        let downloads = [workbook].compactMap { $0 } + ["indicators", "tasks", "units"].compactMap { kind in
            site.routes.download(plan.id, kind + ".csv").map {
                Download(href: p.href($0), label: p.s["download." + kind],
                         saveAs: "\(plan.id)-\(p.s["download.file." + kind])-\(result.asOf).csv")
            }
        } + [Download(href: p.href(Routes.results), label: p.s["download.results"], saveAs: "results-\(result.asOf).json")]
        let page = PlanPage(
            chrome: p.chrome(title: plan.title, crumbs: [(site.pairingName(pairing), site.routes.pairing(pairing.id)),
                                                          ("\(plan.year)", nil)], sample: result.sample),
            t: p.t, years: years, fields: fields(plan, pairing: pairing, site: site, p: p), summary: summary,
            findings: findings, hasFindings: !findings.isEmpty, chart: chart, chartRows: chartRows,
            sections: sections, indicatorGroups: groups, hasIndicators: !plan.indicators.isEmpty, units: units,
            board: board, hasBoard: !board.isEmpty,
            scored: scored, reports: reportMatrix(plan, result: result, p: p), narrative: Markdown.html(plan.narrative, headingOffset: 2),
            downloads: downloads)
        return PageSpec(path: path, template: .plan, context: page)
    }

    /// The headline figures of a plan as of its result's date (the plan page's and a briefing's).
    static func summary(_ result: PlanResult, scored: Bool, p: Presenter) -> Headline {
        let rollup = result.rollup
        return Headline(
            asOf: result.asOf.description, latestData: result.latestData?.description ?? p.s["plan.no-data"],
            expected: Display.percent(result.expected),
            completion: p.bar(ratio: result.completion, expected: result.expected),
            score: scored ? p.score(result.score, of: rollup.available) : nil,
            percent: scored ? rollup.percent.map(Display.percentValue) : nil, grade: scored ? result.grade : nil,
            bonus: result.bonus > 0 ? Display.points(result.bonus) : nil,
            penalty: result.penalty > 0 ? Display.points(result.penalty) : nil,
            tasks: rollup.tasks, done: rollup.done, onPace: rollup.onPace, deadlineNear: rollup.deadlineNear,
            notStarted: rollup.notStarted, behind: rollup.behind, overdue: rollup.overdue)
    }

    static func fields(_ plan: Plan, pairing: Pairing, site: SiteContext, p: Presenter) -> [Field] {
        var fields: [Field] = []
        func add(_ key: String, _ value: String?) {
            if let value { fields.append(Field(label: p.s[key], value: value)) }
        }
        add("plan.number", plan.number)
        add("plan.issuer", plan.issuer)
        add("plan.issued", plan.issued?.description)
        // Where the calendar starts counting (序时进度, monthly reports), said once on the page.
        add("plan.start", plan.startDay.description)
        add("plan.scheme", plan.scheme)
        add("pairing.kind", pairing.kind.rawValue)
        add("plan.owner", site.content.ownerRegion(of: plan)?.name)
        if let coordinator = site.content.units.coordinators[plan.id] {
            let link = p.unitLink(coordinator)
            fields.append(Field(label: p.s["plan.coordinator"], value: link.label, href: link.href))
        }
        add("plan.deadline", plan.deadline?.description)
        add("plan.reporting", plan.reporting.map { p.s.format("plan.reporting-monthly", ["day": "\($0.dueDay)"]) })
        add("plan.scoring", scoringText(plan.scoring, p: p))
        add("plan.note", plan.note)
        add("plan.scoring-note", plan.scoring.note)
        return fields
    }

    static func scoringText(_ rule: ScoringRule, p: Presenter) -> String {
        guard rule.method != .none else { return p.s["scoring.none"] }
        var parts = [methodText(rule.method, p: p)]
        if rule.evidenceRequired { parts.append(p.s["scoring.evidence-required"]) }
        if let bonus = rule.bonus {
            parts.append(bonus.perPercent.map {
                p.s.format("scoring.bonus", ["rate": Display.amount($0), "cap": Display.amount(bonus.cap)])
            } ?? p.s.format("scoring.bonus-cap", ["cap": Display.amount(bonus.cap)]))
        }
        if let item = rule.reporting {
            parts.append(p.s.format("scoring.reporting", ["points": Display.amount(item.points),
                                                          "per-missing": Display.amount(item.perMissing)]))
        }
        if let penalty = rule.falseDataPenalty {
            parts.append(p.s.format("scoring.false-data", ["penalty": Display.amount(penalty),
                                                           "cap": rule.falseDataPenaltyCap.map(Display.amount) ?? "—"]))
        }
        if !rule.grades.isEmpty {
            parts.append(p.s["scoring.grades"] + rule.grades.map { "\($0.grade) ≥ \(Display.amount($0.minimum))%" }
                .joined(separator: "，"))
        }
        return parts.joined(separator: "；")
    }

    /// How one method scores, as the plan page and a task's page say it.
    static func methodText(_ method: ScoringRule.Method, p: Presenter) -> String {
        switch method {
        case .none: return p.s["scoring.none"]
        case .allOrNothing: return p.s["scoring.all-or-nothing"]
        case .proportional: return p.s["scoring.proportional"]
        case .deduction(let step, let points):
            return p.s.format("scoring.deduction", ["step": Display.amount(step), "points": Display.amount(points)])
        case .perCase(let points): return p.s.format("scoring.per-case", ["points": Display.amount(points)])
        }
    }

    static func sectionViews(_ section: Section, level: Int, plan: Plan, result: PlanResult, p: Presenter) -> [SectionView] {
        let rollup = result.sections.first { $0.id == section.id }?.rollup ?? Rollup()
        var text = p.s.format("section.rollup", ["done": "\(rollup.done)", "tasks": "\(rollup.tasks)",
                                                 "completion": rollup.completion.map(Display.percent) ?? "—"])
        if plan.scoring.method != .none, rollup.available > 0 {
            text += " · " + p.score(rollup.earned, of: rollup.available)
        }
        let rows = section.tasks.map { p.taskRow($0, plan: plan, result: result) }
        let own = SectionView(title: section.heading, level: min(level, 6), rollup: text, tasks: rows, hasTasks: !rows.isEmpty)
        return [own] + section.sections.flatMap { sectionViews($0, level: level + 1, plan: plan, result: result, p: p) }
    }

    static func indicatorGroups(_ plan: Plan, result: PlanResult, p: Presenter) -> [IndicatorGroup] {
        var groups: [IndicatorGroup] = []
        for indicator in plan.indicators {
            let row = p.indicatorRow(indicator, plan: plan, result: result)
            if let last = groups.last, last.title == indicator.group {
                groups[groups.count - 1] = IndicatorGroup(title: last.title,
                                                          table: IndicatorTable(rows: last.table.rows + [row], showPlan: false))
            } else {
                groups.append(IndicatorGroup(title: indicator.group, table: IndicatorTable(rows: [row], showPlan: false)))
            }
        }
        return groups
    }

    /// The plan's completion at the end of each month from its start up to its date, against
    /// the share the calendar called for, as the engine gives them.
    static func monthlyChart(_ plan: Plan, site: SiteContext, result: PlanResult, p: Presenter) -> (ChartView, [MonthRow]) {
        let chart = LineChart(label: site.strings["plan.chart"], series: result.months.map { ($0.month, $0.completion * 100) },
                              expected: result.months.map { $0.expected * 100 }, target: 100, format: { Display.percentValue($0) })
        let briefed = Set(Engine.briefingMonths(of: plan, asOf: result.asOf).map(\.monthKey))
        let rows = result.months.map {
            MonthRow(month: $0.month, completion: Display.percent($0.completion), expected: Display.percent($0.expected),
                     briefing: briefed.contains($0.month) ? site.routes.briefing(plan.id, month: $0.month).map(p.href) : nil)
        }
        return (p.chart(chart, yTitle: p.s["chart.completion-axis"], series: p.s["chart.completion"],
                        target: p.s["chart.target-full"]), rows)
    }

    /// The lights board: every unit responsible for something, worst first (most red, then
    /// yellow, blue, missing reports), then by name.
    static func boardRows(_ result: PlanResult, scored: Bool, p: Presenter) -> [BoardRow] {
        let units = result.units.filter { !$0.tasks.isEmpty || !$0.indicators.isEmpty || !$0.missingReports.isEmpty }
        return units.sorted { a, b in Lights.worstFirst(a.lights, b.lights) ?? (a.unit < b.unit) }.map { unit in
            let change: String
            switch (unit.rank, unit.previousRank) {
            case let (now?, before?) where now < before: change = "↑\(before - now)"
            case let (now?, before?) where now > before: change = "↓\(now - before)"
            case (.some, .some): change = "—"
            case (.some, nil): change = p.s["board.new"]
            default: change = ""
            }
            return BoardRow(unit: p.unitLink(unit.unit), badge: p.badge(unit.status), lights: LightCells(unit.lights),
                            completion: unit.completion.map(Display.percent) ?? "—",
                            score: scored ? unit.rollup.percent.map(Display.percentValue) ?? "—" : nil,
                            rank: unit.rank.map(String.init) ?? "—", change: change)
        }
    }

    static func reportMatrix(_ plan: Plan, result: PlanResult, p: Presenter) -> ReportMatrix {
        // Who reported in which month, gathered once rather than searched for every cell.
        var reported: [UnitID: Set<String>] = [:]
        for place in plan.recordPlaces(through: result.asOf) {
            reported[plan.records[place].reporter, default: []].insert(plan.records[place].date.monthKey)
        }
        let months = Set(reported.values.flatMap { $0 }).union(result.units.flatMap(\.missingReports)).sorted()
        let units = result.units.filter { !$0.missingReports.isEmpty || reported[$0.unit] != nil }
        let rows = units.map { unit in
            ReportRow(unit: p.unitLink(unit.unit), cells: months.map { month in
                let (state, symbol) = reported[unit.unit]?.contains(month) == true ? ("reported", "✓")
                    : unit.missingReports.contains(month) ? ("missing", "✕") : ("none", "–")
                return p.site.components.html(.reportCell(state), partial: .reportCell) {
                    ReportCell(state: state, symbol: symbol, label: p.s["reports." + state])
                }
            })
        }
        return ReportMatrix(months: months, rows: rows, hasRows: !rows.isEmpty, owed: plan.reporting != nil)
    }
}
