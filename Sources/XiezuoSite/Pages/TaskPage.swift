import Foundation
import XiezuoCore

/// tasks/<plan>/<task>/index.html: a task with what it is worth, its state, its evidence
/// and how its score was reached.
struct TaskPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let plan: Link
    let text: String
    let fields: [Field]
    let badge: HTML
    /// "缺佐证材料，0 分" beside the status when the score was withheld for it.
    let withheld: String?
    let bar: Bar
    let units: [HTML]
    let indicators: IndicatorTable
    /// How much evidence was handed in, of which kinds; each piece is listed with its report.
    let evidence: String?
    let missing: String?
    let explanation: [String]
    let reports: [ReportRow]
    let hasReports: Bool

    struct ReportRow: Codable {
        let date: String
        let unit: HTML
        let state: String
        /// Sample data made up for demonstration: marked on its row.
        let sample: Bool
        /// The evidence handed in with this report: "照片：1月活动照片；文件：1月工作方案".
        let evidence: String
        /// The report's note, on the reporting unit's page.
        let noteLink: String
    }

    /// A task deserves its own page when it has something beyond its text to show.
    static func deserved(_ plan: Plan, _ task: PlanTask) -> Bool {
        task.points != nil || task.bonus != nil || task.requirement != nil || !task.funding.isEmpty
            || !plan.indicators(ofTask: task.id).isEmpty
            || plan.records.contains { record in record.tasks.contains { $0.task == task.id } }
    }

    static func make(_ task: PlanTask, plan: Plan, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.task(plan.id, task.id), let pairing = site.content.pairing(plan.pairing) else { return nil }
        let p = Presenter(site: site.frame, path: path)
        let result = site.result(plan)
        let r = result.task(task.id)!
        var fields = [Field(label: p.s["task.number"], value: task.number ?? task.id),
                      Field(label: p.s["task.state"], value: p.s["state." + r.state.rawValue]),
                      Field(label: p.s["task.deadline"], value: r.pace.deadline.description),
                      Field(label: p.s["task.expected"], value: Display.percent(r.pace.expected))]
        if let points = task.points { fields.append(Field(label: p.s["task.points"], value: Display.amount(points))) }
        if let bonus = task.bonus { fields.append(Field(label: p.s["task.bonus"], value: Display.amount(bonus))) }
        if let method = task.method, plan.scoring.method != .none {
            fields.append(Field(label: p.s["task.scoring"], value: PlanPage.methodText(method, p: p)))
        }
        if let score = r.score {
            fields.append(Field(label: p.s["task.score"],
                                value: score.applicable ? p.score(score.total, of: score.available) : p.s["score.not-applicable"]))
        }
        if let requirement = task.requirement { fields.append(Field(label: p.s["task.requirement"], value: requirement)) }
        for funding in task.funding {
            fields.append(Field(label: p.s["task.funding"],
                                value: "\(Display.amount(funding.amount.value)) \(funding.amount.unit.symbol)"
                                    + (funding.source.map { "（\($0)）" } ?? "")))
        }
        if let note = task.note { fields.append(Field(label: p.s["task.note"], value: note)) }
        let indicators = plan.indicators(ofTask: task.id).map { p.indicatorRow($0, plan: plan, result: result) }
        let evidence = p.evidenceSummary(r.evidence, key: "task.evidence-summary")
        // Newest first; only the records that report on the task are copied.
        var reports: [ReportRow] = []
        let planSlug = Slug.make(plan.id)
        for place in plan.recordPlaces(through: result.asOf) where plan.records[place].tasks.contains(where: { $0.task == task.id }) {
            let record = plan.records[place]
            for report in record.tasks where report.task == task.id {
                let evidence = report.evidence.map { item in
                    "\(p.s["evidence." + item.kind.rawValue])：\(item.title)" + (item.file.map { "（\($0)）" } ?? "")
                }
                reports.append(ReportRow(date: record.date.description, unit: p.unitLinkHTML(record.reporter),
                                         state: p.s["state." + report.state.rawValue], sample: record.sample,
                                         evidence: evidence.isEmpty ? "—" : evidence.joined(separator: "；"),
                                         noteLink: p.unitLink(record.reporter).href + "#" + UnitPage.anchor(record, planSlug: planSlug)))
            }
        }
        reports.reverse()
        let explanation = (r.explanation + (r.score?.explanation ?? [])).map(p.s.explain)
        let page = TaskPage(
            chrome: p.chrome(title: p.taskName(task, in: plan),
                             crumbs: [(site.pairingName(pairing), site.routes.pairing(pairing.id)),
                                      ("\(plan.year)", site.routes.plan(plan.id)), (task.id, nil)],
                             sample: result.sample),
            t: p.t, plan: p.planLink(plan), text: task.text, fields: fields, badge: p.badge(r.pace.status), withheld: p.withheld(r),
            bar: p.bar(ratio: r.uncappedCompletion, expected: r.pace.expected), units: r.responsible.map(p.unitLinkHTML),
            indicators: IndicatorTable(rows: indicators, showPlan: false), evidence: evidence, missing: p.missingEvidence(r), explanation: explanation, reports: reports, hasReports: !reports.isEmpty)
        return PageSpec(path: path, template: .task, context: page)
    }
}
