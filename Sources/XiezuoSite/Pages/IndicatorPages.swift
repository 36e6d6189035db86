import Foundation
import XiezuoCore

/// indicators/<plan>/<indicator>/index.html: target, actual, completion, month-by-month
/// history, who is responsible, related tasks and evidence, how it was computed, and a link to
/// the same standard indicator across pairings (StandardPage).
struct IndicatorPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let plan: Link
    let fields: [Field]
    let bar: Bar
    let badge: HTML
    let chart: ChartView
    let history: [HistoryRow]
    let hasHistory: Bool
    let responsible: [HTML]
    let tasks: [HTML]
    let hasTasks: Bool
    /// How much evidence the related tasks have, of which kinds; each piece is on its task's page.
    let evidence: String?
    let explanation: [String]
    let scoring: [String]
    let hasScoring: Bool
    /// The comparison of this standard indicator across pairings, when it is one.
    let standard: Link?

    struct HistoryRow: Codable {
        let month: String
        let value: String
    }

    static func make(_ indicator: Indicator, plan: Plan, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.indicator(plan.id, indicator.id), let pairing = site.content.pairing(plan.pairing) else {
            return nil
        }
        let p = Presenter(site: site.frame, path: path)
        let result = site.result(plan)
        let r = result.indicator(indicator.id)!
        var fields = [Field(label: p.s["indicator.target"], value: p.targetText(indicator, result: r)),
                      Field(label: p.s["indicator.actual"], value: p.actualText(r, unit: indicator.unit.symbol)),
                      Field(label: p.s["indicator.completion"], value: r.completion.map(Display.percent) ?? "—"),
                      Field(label: p.s["indicator.met"], value: p.s["met." + r.met.rawValue]),
                      Field(label: p.s["indicator.expected"], value: Display.percent(r.pace.expected)),
                      Field(label: p.s["indicator.deadline"], value: r.pace.deadline.description),
                      Field(label: p.s["indicator.counting"], value: p.s["counting." + indicator.counting.rawValue]),
                      Field(label: p.s["indicator.scored"], value: p.s[r.scored ? "answer.yes" : "answer.no"])]
        if let stock = indicator.stock { fields.append(Field(label: p.s["indicator.stock"], value: Display.amount(stock))) }
        if let item = result.bonusItems[indicator.id] {
            fields.append(Field(label: p.s["indicator.bonus"], value: item.explanation.map(p.s.explain).joined(separator: "；")))
        }
        if let cadence = indicator.cadence {
            fields.append(Field(label: p.s["indicator.cadence"],
                                value: p.s.format("cadence." + cadence.period.rawValue,
                                                  ["amount": Display.amount(cadence.perPeriod), "unit": indicator.unit.symbol])))
        }
        if indicator.perMember {
            let judged = r.completion != nil
            fields.append(Field(label: p.s["indicator.per-member"],
                                value: !judged ? p.s["indicator.members-unknown"]
                                    : r.membersBehind.isEmpty ? p.s["answer.none"] : r.membersBehind.joined(separator: "、")))
        }
        if let whole = indicator.partOf.flatMap(plan.indicator) {
            fields.append(Field(label: p.s["indicator.part-of"], value: whole.name,
                                href: site.routes.indicator(plan.id, whole.id).map(p.href)))
        }
        for partID in indicator.split {
            if let part = plan.indicator(partID) {
                // One label per part: a list of terms may not repeat a term.
                fields.append(Field(label: p.s["indicator.split"] + " " + part.id, value: part.name,
                                    href: site.routes.indicator(plan.id, part.id).map(p.href)))
            }
        }
        if let group = indicator.group { fields.append(Field(label: p.s["indicator.group"], value: group)) }
        if let note = indicator.note { fields.append(Field(label: p.s["indicator.note"], value: note)) }
        let format = { (value: Decimal) in Display.amount(value) }
        let measure = indicator.unit.symbol
        let chart = p.chart(LineChart(label: p.s["indicator.history"], series: r.history.map { ($0.month, $0.value) },
                                      target: r.target, format: format),
                            yTitle: measure.isEmpty ? p.s["chart.value"] : p.s.format("chart.value-in", ["unit": measure]),
                            series: p.s["chart.actual"],
                            target: r.target.map { p.s.format("chart.target", ["target": p.amount($0, unit: measure)]) })
        let related = plan.allTasks.filter { indicator.tasks.contains($0.id) }
        let taskResults = related.compactMap { result.task($0.id) }
        let evidence = p.evidenceSummary(taskResults.flatMap(\.evidence), key: "indicator.evidence-summary")
        let scoring = taskResults.flatMap { task in
            (task.score?.explanation ?? []).map { p.s.format("indicator.task-step", ["task": task.id, "step": p.s.explain($0)]) }
        }
        let standard = indicator.standard.flatMap { id in
            site.routes.standard(id).map { route in
                Link(href: p.href(route), label: site.content.standards.first { $0.id == id }?.name ?? id)
            }
        }
        let page = IndicatorPage(
            chrome: p.chrome(title: indicator.name, crumbs: [(site.pairingName(pairing), site.routes.pairing(pairing.id)),
                                                             ("\(plan.year)", site.routes.plan(plan.id)), (indicator.name, nil)],
                             sample: result.sample),
            t: p.t, plan: p.planLink(plan), fields: fields,
            bar: p.bar(ratio: r.completion, expected: r.scored && r.completion != nil ? r.pace.expected : nil),
            badge: p.badge(r.pace.status), chart: chart,
            history: r.history.map { HistoryRow(month: $0.month, value: "\(Display.amount($0.value)) \(indicator.unit.symbol)") },
            hasHistory: !r.history.isEmpty, responsible: r.responsible.map(p.unitLinkHTML),
            tasks: related.map { p.taskRow($0, plan: plan, result: result) }, hasTasks: !related.isEmpty,
            evidence: evidence, explanation: r.explanation.map(p.s.explain),
            scoring: scoring, hasScoring: !scoring.isEmpty, standard: standard)
        return PageSpec(path: path, template: .indicator, context: page)
    }
}

/// indicators/index.html: every plan's indicators counted by status, linking to the plan's
/// indicator table, and the standard indicators shared across pairings. One row per plan keeps
/// the page small at any scale.
struct IndicatorsIndexPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let plans: [PlanRow]
    let standards: [StandardRow]
    let hasStandards: Bool
    let download: Link

    struct PlanRow: Codable {
        let plan: Link
        let indicators: Int
        let done: Int
        let behind: Int
        let overdue: Int
        let tracked: Int
    }

    struct StandardRow: Codable {
        let standard: Link
        let unit: String
        let plans: Int
    }

    static func make(_ site: SiteOverview) -> PageSpec {
        let p = Presenter(site: site.frame, path: Routes.indicators)
        let plans = site.plans.sorted { ($0.pairing, $0.year) < ($1.pairing, $1.year) }
            .filter { $0.indicators.indicators > 0 }
            .map { plan -> PlanRow in
                let counts = plan.indicators
                let link = site.frame.routes.plan(plan.id).map { p.href($0) + "#indicators" } ?? ""
                return PlanRow(plan: Link(href: link, label: "\(plan.year) · \(plan.title)"), indicators: counts.indicators,
                               done: counts.done, behind: counts.behind, overdue: counts.overdue, tracked: counts.tracked)
            }
        let standards = site.frame.shared.standards.compactMap { standard in
            site.frame.routes.standard(standard.id).map {
                StandardRow(standard: Link(href: p.href($0), label: standard.name), unit: standard.unit.symbol,
                            plans: site.uses(of: standard.id).count)
            }
        }
        let page = IndicatorsIndexPage(
            chrome: p.chrome(title: p.s["indicators.title"], crumbs: [(p.s["nav.indicators"], nil)], sample: site.anySample),
            t: p.t, plans: plans, standards: standards, hasStandards: !standards.isEmpty,
            download: Link(href: p.href(SitePath.file("indicators", "indicators.csv")), label: p.s["download.indicators"]))
        return PageSpec(path: Routes.indicators, template: .indicators, context: page)
    }
}
