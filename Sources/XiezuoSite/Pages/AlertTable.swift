import Foundation
import XiezuoCore

/// Items that are red, yellow, blue or not started, as a table (`partials/alerts`): what, who,
/// target, actual, how far short, by when. The monthly briefing lists them by colour with their
/// units; a unit's page lists what it still owes with each item's light.
struct AlertTable: Codable {
    let t: TemplateStrings
    let rows: [Row]
    /// A status column (a unit's page mixes colours; a briefing's list is of one).
    let withStatus: Bool
    /// A responsible units column (a unit's page is one unit's).
    let withUnits: Bool
    let isEmpty: Bool

    init(t: TemplateStrings, rows: [Row], withStatus: Bool, withUnits: Bool) {
        self.t = t
        self.rows = rows
        self.withStatus = withStatus
        self.withUnits = withUnits
        isEmpty = rows.isEmpty
    }

    struct Row: Codable {
        let item: Link
        let badge: HTML
        let units: String
        let target: String
        let actual: String
        let shortfall: String
        let deadline: String
    }

    /// A row with what orders it: worst light first, then the earliest deadline.
    struct Item {
        let row: Row
        let status: PaceStatus
        let due: Day
    }

    /// The plan's tasks and indicators whose status is one of `statuses` and that `include`
    /// keeps, tasks first, in plan order.
    /// `limit`: the most characters of a task's name.
    static func rows(_ plan: Plan, result: PlanResult, statuses: Set<PaceStatus>, p: Presenter, limit: Int = 40,
                     include: (_ responsible: [UnitID]) -> Bool = { _ in true }) -> [Item] {
        let tasks = plan.allTasks.compactMap { task -> Item? in
            guard let r = result.task(task.id), statuses.contains(r.pace.status), include(r.responsible) else { return nil }
            // What is left of the task, never below 0 (`max(1 − completion, 0)`, as Foundation gives it).
            let left = Decimal(1).subtractingExactly(r.completion)
            let row = Row(item: p.subjectLink(.task(task.id), plan: plan, limit: limit), badge: p.badge(r.pace.status),
                          units: p.site.unitNames(r.responsible), target: p.s["briefing.task-target"],
                          actual: Display.percent(r.completion),
                          shortfall: Display.percent(Decimal(0).exactOrder(left) == .orderedAscending ? left : 0),
                          deadline: r.pace.deadline.description)
            return Item(row: row, status: r.pace.status, due: r.pace.deadline)
        }
        let indicators = plan.indicators.compactMap { indicator -> Item? in
            guard let r = result.indicator(indicator.id), statuses.contains(r.pace.status), include(r.responsible) else { return nil }
            let unit = indicator.unit.symbol
            let shortfall = r.target.map { target -> String in
                var gap = target.subtractingExactly(r.actual)
                if case .atMost = indicator.target { gap = r.actual.subtractingExactly(target) }
                return gap.exactOrder(0) == .orderedDescending ? p.amount(gap, unit: unit) : "—"
            } ?? "—"
            let row = Row(item: p.subjectLink(.indicator(indicator.id), plan: plan), badge: p.badge(r.pace.status),
                          units: p.site.unitNames(r.responsible), target: p.targetText(indicator, result: r),
                          actual: p.amount(r.actual, unit: unit), shortfall: shortfall, deadline: r.pace.deadline.description)
            return Item(row: row, status: r.pace.status, due: r.pace.deadline)
        }
        return tasks + indicators
    }
}
