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
    ///
    /// The results are read where they lie, in the plan's order (PlanResult keeps it): a
    /// briefing asks for one colour, and looking each of the plan's items up by id copied every
    /// item's result to keep a few.
    static func rows(_ plan: Plan, result: PlanResult, statuses: [PaceStatus], p: Presenter, limit: Int = 40,
                     include: (_ responsible: [UnitID]) -> Bool = { _ in true }) -> [Item] {
        var items: [Item] = []
        for index in result.tasks.indices
        where statuses.contains(result.tasks[index].pace.status) && include(result.tasks[index].responsible) {
            let r = result.tasks[index]
            // What is left of the task, never below 0 (`max(1 − completion, 0)`, as Foundation gives it).
            let left = Decimal(1).subtractingExactly(r.completion)
            let row = Row(item: p.subjectLink(.task(r.id), plan: plan, limit: limit), badge: p.badge(r.pace.status),
                          units: p.site.unitNames(r.responsible), target: p.s["briefing.task-target"],
                          actual: Display.percent(r.completion),
                          shortfall: Display.percent(Decimal(0).exactOrder(left) == .orderedAscending ? left : 0),
                          deadline: r.pace.deadline.description)
            items.append(Item(row: row, status: r.pace.status, due: r.pace.deadline))
        }
        for index in result.indicators.indices
        where statuses.contains(result.indicators[index].pace.status) && include(result.indicators[index].responsible) {
            let r = result.indicators[index]
            guard let indicator = plan.indicator(r.id) else { continue }
            let unit = indicator.unit.symbol
            let shortfall = r.target.map { target -> String in
                var gap = target.subtractingExactly(r.actual)
                if case .atMost = indicator.target { gap = r.actual.subtractingExactly(target) }
                return gap.exactOrder(0) == .orderedDescending ? p.amount(gap, unit: unit) : "—"
            } ?? "—"
            let row = Row(item: p.subjectLink(.indicator(indicator.id), plan: plan), badge: p.badge(r.pace.status),
                          units: p.site.unitNames(r.responsible), target: p.targetText(indicator, result: r),
                          actual: p.amount(r.actual, unit: unit), shortfall: shortfall, deadline: r.pace.deadline.description)
            items.append(Item(row: row, status: r.pace.status, due: r.pace.deadline))
        }
        return items
    }
}
