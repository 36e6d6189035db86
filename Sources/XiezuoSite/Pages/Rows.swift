import Foundation
import XiezuoCore

/// A task as one row of a table, on plan, unit and indicator pages alike (`partials/task-row`).
struct TaskRow: Codable {
    let t: TemplateStrings
    let anchor: String
    let number: String
    let href: String?
    let text: String
    let units: [HTML]
    let points: String?
    let requirement: String?
    let badge: HTML
    /// Beside the status: why a task earned nothing although it is done or under way.
    let withheld: String?
    let completion: String
    let score: String?
    let evidence: String
    let missing: String?
}

/// A table of indicators (`partials/indicators`); the plan column shows when the rows come
/// from several plans.
struct IndicatorTable: Codable {
    let rows: [HTML]
    let showPlan: Bool
    let isEmpty: Bool

    init(rows: [HTML], showPlan: Bool) {
        self.rows = rows
        self.showPlan = showPlan
        isEmpty = rows.isEmpty
    }
}

/// An indicator as one row of a table (`partials/indicator-row`).
struct IndicatorRow: Codable {
    let t: TemplateStrings
    let id: String
    let href: String
    let name: String
    let unit: String
    let target: String
    let actual: String
    let bar: Bar
    let badge: HTML
    let responsible: [HTML]
    let plan: Link?
}

extension Presenter {
    /// The task's row, drawn once per page depth.
    func taskRow(_ task: PlanTask, plan: Plan, result: PlanResult) -> HTML {
        site.components.html(.taskRow(plan: plan.id, task: task.id, depth: path.depth), partial: .taskRow) {
            taskRowModel(task, plan: plan, result: result)
        }
    }

    private func taskRowModel(_ task: PlanTask, plan: Plan, result: PlanResult) -> TaskRow {
        let r = result.task(task.id)!
        var scoreText: String?
        if let taskScore = r.score {
            scoreText = taskScore.applicable ? score(taskScore.total, of: taskScore.available) : s["score.not-applicable"]
        }
        return TaskRow(t: t, anchor: "task-" + Slug.make(task.id), number: task.id,
                       href: site.routes.task(plan.id, task.id).map(href), text: task.text,
                       units: r.responsible.map(unitLinkHTML),
                       points: task.points.map(Display.amount) ?? task.bonus.map { "+" + Display.amount($0) },
                       requirement: task.requirement, badge: badge(r.pace.status), withheld: withheld(r),
                       completion: Display.percent(r.uncappedCompletion), score: scoreText,
                       evidence: s.format("evidence.count", ["count": "\(r.evidence.count)"]), missing: missingEvidence(r))
    }

    /// "缺佐证材料，0 分" when the score was withheld for missing evidence.
    func withheld(_ r: TaskResult) -> String? {
        r.score.flatMap { $0.withheldForMissingEvidence ? s["score.withheld-evidence"] : nil }
    }

    /// "共 12 项（文件 4、照片 8）…": how much evidence, of which kinds; nil for none.
    func evidenceSummary(_ evidence: [Evidence], key: String) -> String? {
        guard !evidence.isEmpty else { return nil }
        let kinds = Evidence.Kind.allCases.compactMap { kind -> String? in
            let count = evidence.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(s["evidence." + kind.rawValue]) \(count)"
        }
        return s.format(key, ["count": "\(evidence.count)", "kinds": kinds.joined(separator: "、")])
    }

    /// "缺少：照片、新闻报道" once the task has started and something it needs is missing.
    func missingEvidence(_ r: TaskResult) -> String? {
        let started = r.state != .notStarted || r.pace.status == .done
        guard started, !r.missingEvidence.isEmpty else { return nil }
        let kinds = r.missingEvidence.map { s["evidence." + $0.rawValue] }.joined(separator: "、")
        return s.format("evidence.missing", ["kinds": kinds])
    }

    /// The indicator's row, drawn once per page depth.
    func indicatorRow(_ indicator: Indicator, plan: Plan, result: PlanResult, showPlan: Bool = false) -> HTML {
        let key = Components.Key.indicatorRow(plan: plan.id, indicator: indicator.id, depth: path.depth, showPlan: showPlan)
        return site.components.html(key, partial: .indicatorRow) {
            let r = result.indicator(indicator.id)!
            let scored = r.scored && r.completion != nil
            return IndicatorRow(t: t, id: indicator.id, href: site.routes.indicator(plan.id, indicator.id).map(href) ?? "",
                                name: indicator.name, unit: indicator.unit.symbol, target: targetText(indicator, result: r),
                                actual: actualText(r, unit: indicator.unit.symbol),
                                bar: bar(ratio: r.completion, expected: scored ? r.pace.expected : nil),
                                badge: badge(r.pace.status), responsible: r.responsible.map(unitLinkHTML),
                                plan: showPlan ? planLink(plan) : nil)
        }
    }

    func actualText(_ r: IndicatorResult, unit: String) -> String {
        guard !r.items.isEmpty else { return amount(r.actual, unit: unit) }
        return r.items.sorted { $0.key < $1.key }.map { "\($0.key) \(Display.amount($0.value))" }
            .joined(separator: "，") + " \(unit)"
    }
}
