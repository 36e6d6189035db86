import Foundation
import XiezuoCore

/// pairings/<id>/<year>/briefings/<YYYY-MM>/index.html: the monthly briefing (月度通报), written
/// to be printed on one or two A4 pages and sent out: the headline figures, the units ranked
/// with their change, the red and yellow lists, missing reports and evidence, and what changed
/// since the month before. Every figure is the engine's state at the month's end.
struct BriefingPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let heading: String
    let planLink: Link
    let months: [Link]
    let summary: PlanPage.Headline
    let scored: Bool
    let board: [PlanPage.BoardRow]
    let hasBoard: Bool
    var sortable = false
    let red: AlertTable
    let yellow: AlertTable
    let missingReports: [Link]
    let missingEvidence: [Link]
    let hasRed: Bool
    let hasYellow: Bool
    let hasMissingReports: Bool
    let hasMissingEvidence: Bool
    let changes: [ChangeGroup]
    let hasChanges: Bool

    struct ChangeGroup: Codable {
        let label: String
        let items: [Link]
        let count: Int
    }

    /// The page of `briefing`, one of the plan's `briefings` (which its month list links).
    static func make(_ briefing: Briefing, of briefings: [Briefing], plan: Plan, site: SiteContext) -> PageSpec? {
        let month = briefing.month
        let monthEnd = briefing.now.asOf
        guard let path = site.routes.briefing(plan.id, month: month), let planPath = site.routes.plan(plan.id),
              let pairing = site.content.pairing(plan.pairing) else { return nil }
        let p = Presenter(site: site.frame, path: path)
        let result = briefing.now
        let scored = plan.scoring.method != .none
        let months = briefings.map { other in
            Link(href: site.routes.briefing(plan.id, month: other.month).map(p.href) ?? "", label: other.month,
                 current: other.month == month)
        }
        let board = PlanPage.boardRows(result, scored: scored, p: p)
        let missingReports = result.units.filter { !$0.missingReports.isEmpty }.map { unit in
            let link = p.unitLink(unit.unit)
            return Link(href: link.href, label: link.label + "：" + unit.missingReports.joined(separator: "、"))
        }
        let missingEvidence = result.findings.filter { $0.kind == .missingEvidence }
            .map { p.findingLabel($0, plan: plan, limit: Self.shortName) }
        let list = { (status: PaceStatus) in
            AlertTable(t: p.t, rows: AlertTable.rows(plan, result: result, statuses: [status], p: p, limit: Self.tableName).map(\.row),
                       withStatus: false, withUnits: true)
        }
        let red = list(.overdue), yellow = list(.behind)
        let heading = p.s.format("briefing.heading", ["pairing": site.pairingName(pairing), "month": monthLabel(monthEnd)])
        let page = BriefingPage(
            chrome: p.chrome(title: heading, crumbs: [(site.pairingName(pairing), site.routes.pairing(pairing.id)),
                                                      ("\(plan.year)", planPath), (p.s["briefing.crumb"] + " " + month, nil)],
                             sample: result.sample),
            t: p.t, heading: heading, planLink: p.planLink(plan), months: months,
            summary: PlanPage.summary(result, scored: scored, p: p), scored: scored, board: board, hasBoard: !board.isEmpty,
            red: red, yellow: yellow, missingReports: missingReports, missingEvidence: missingEvidence,
            hasRed: !red.isEmpty, hasYellow: !yellow.isEmpty, hasMissingReports: !missingReports.isEmpty,
            hasMissingEvidence: !missingEvidence.isEmpty,
            changes: changeGroups(briefing, plan: plan, p: p), hasChanges: !briefing.changes.isEmpty)
        return PageSpec(path: path, template: .briefing, context: page)
    }

    /// The most characters of a task's name in the briefing's lists, which name many tasks on
    /// one or two printed pages; each links to the task's page with its whole text.
    static let shortName = 14
    /// The same in the red and yellow tables, where a name should fit on one line of an A4 page.
    static let tableName = 18

    /// 2022年10月
    static func monthLabel(_ day: Day) -> String { "\(day.year)年\(day.month)月" }

    static func changeGroups(_ briefing: Briefing, plan: Plan, p: Presenter) -> [ChangeGroup] {
        let changes = briefing.changes
        let items = { (subjects: [Finding.Subject]) in
            subjects.map { p.subjectLink($0, plan: plan, limit: shortName) }
        }
        let moves = changes.rankMoves.map { move in
            let link = p.unitLink(move.unit)
            return Link(href: link.href, label: p.s.format("briefing.rank-move", ["unit": link.label, "from": "\(move.from)",
                                                                                  "to": "\(move.to)"]))
        }
        return [("briefing.newly-overdue", items(changes.newlyOverdue)), ("briefing.newly-behind", items(changes.newlyBehind)),
                ("briefing.newly-done", items(changes.newlyDone)),
                ("briefing.reported", changes.reported.map(p.unitLink)), ("briefing.rank-moves", moves)]
            .filter { !$0.1.isEmpty }
            .map { ChangeGroup(label: p.s[$0.0], items: $0.1, count: $0.1.count) }
    }
}
