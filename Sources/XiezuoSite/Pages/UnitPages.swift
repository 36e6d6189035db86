import Foundation
import XiezuoCore

/// units/<region>/<unit>/index.html: everything a unit owns across pairings and years, its
/// score and what it still owes.
struct UnitPage {
    let chrome: Chrome
    let t: [String: String]
    let fields: [Field]
    let plans: [PlanBlock]
    let hasPlans: Bool

    struct PlanBlock {
        let plan: Link
        let pairing: String
        let asOf: String
        let score: String?
        let rank: String?
        let grade: String?
        let owes: [String]
        let hasOwes: Bool
        let tasks: [TaskRow]
        let hasTasks: Bool
        let indicators: IndicatorTable
    }

    static func make(_ unit: ResponsibleUnit, region: Region, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.unit(unit.id) else { return nil }
        let p = Presenter(site: site, path: path)
        var fields = [Field(label: p.s["unit.region"], value: region.name),
                      Field(label: p.s["unit.kind"], value: p.s["kind." + unit.kind.rawValue])]
        if !unit.aliases.isEmpty { fields.append(Field(label: p.s["unit.aliases"], value: unit.aliases.joined(separator: "、"))) }
        if !unit.members.isEmpty { fields.append(Field(label: p.s["unit.members"], value: unit.members.joined(separator: "、"))) }
        if let note = unit.note { fields.append(Field(label: p.s["unit.note"], value: note)) }
        var blocks: [PlanBlock] = []
        for plan in site.content.plans.sorted(by: { ($0.year, $0.id) > ($1.year, $1.id) }) {
            let result = site.result(plan)
            guard let mine = result.unit(unit.id) else { continue }
            let tasks = plan.allTasks.filter { mine.tasks.contains($0.id) }.map { p.taskRow($0, plan: plan, result: result) }
            let indicators = plan.indicators.filter { mine.indicators.contains($0.id) }
                .map { p.indicatorRow($0, plan: plan, result: result) }
            var owes = mine.missingReports.map { p.s.format("unit.owes-report", ["month": $0]) }
            owes += result.tasks.filter { mine.tasks.contains($0.id) }.compactMap { task in
                p.missingEvidence(task).map { p.s.format("unit.owes-evidence", ["task": task.id, "what": $0]) }
            }
            let scored = plan.scoring.method != .none && mine.rollup.available > 0
            blocks.append(PlanBlock(
                plan: p.planLink(plan), pairing: site.content.pairing(plan.pairing).map(site.pairingName) ?? plan.pairing,
                asOf: result.asOf.description,
                score: scored ? p.score(mine.rollup.earned, of: mine.rollup.available)
                    + (mine.rollup.percent.map { "（\(Display.percentValue($0))）" } ?? "") : nil,
                rank: scored ? mine.rank.map { p.s.format("unit.rank", ["rank": "\($0)",
                    "of": "\(result.units.filter { $0.rank != nil }.count)"]) } : nil,
                grade: scored ? mine.grade : nil, owes: owes, hasOwes: !owes.isEmpty, tasks: tasks, hasTasks: !tasks.isEmpty,
                indicators: IndicatorTable(rows: indicators, showPlan: false)))
        }
        let sample = site.content.plans.contains { plan in site.result(plan).sample && site.result(plan).unit(unit.id) != nil }
        let page = UnitPage(chrome: p.chrome(title: unit.name, crumbs: [(p.s["nav.units"], Routes.units),
                                                                       ("\(region.name) · \(unit.name)", nil)],
                                             sample: sample),
                            t: p.t, fields: fields, plans: blocks, hasPlans: !blocks.isEmpty)
        return PageSpec(path: path, template: "unit", context: page)
    }
}

/// units/index.html: every unit, by region.
struct UnitsIndexPage {
    let chrome: Chrome
    let t: [String: String]
    let regions: [RegionGroup]
    let download: Link

    struct RegionGroup {
        let name: String
        let units: [Row]
        let hasUnits: Bool
    }

    struct Row {
        let unit: Link
        let kind: String
        let plans: Int
        let tasks: Int
        let indicators: Int
        let owes: Int
    }

    static func rows(_ site: SiteContext) -> [(Region, ResponsibleUnit, Row)] {
        site.content.regions.flatMap { region in
            region.units.map { unit -> (Region, ResponsibleUnit, Row) in
                let mine = site.content.plans.compactMap { site.result($0).unit(unit.id) }
                let p = Presenter(site: site, path: Routes.units)
                return (region, unit, Row(unit: p.unitLink(unit.id), kind: p.s["kind." + unit.kind.rawValue],
                                          plans: mine.count, tasks: mine.reduce(0) { $0 + $1.tasks.count },
                                          indicators: mine.reduce(0) { $0 + $1.indicators.count },
                                          owes: mine.reduce(0) { $0 + $1.missingReports.count }))
            }
        }
    }

    static func make(_ site: SiteContext) -> PageSpec {
        let p = Presenter(site: site, path: Routes.units)
        let all = rows(site)
        let groups = site.content.regions.map { region in
            let units = all.filter { $0.0.id == region.id }.map(\.2)
            return RegionGroup(name: region.name, units: units, hasUnits: !units.isEmpty)
        }
        let sample = site.content.plans.flatMap(\.records).contains { $0.sample }
        let page = UnitsIndexPage(chrome: p.chrome(title: p.s["units.title"], crumbs: [(p.s["nav.units"], nil)], sample: sample),
                                  t: p.t, regions: groups,
                                  download: Link(href: p.href(SitePath.file("units", "units.csv")), label: p.s["download.units"]))
        return PageSpec(path: Routes.units, template: "units", context: page)
    }
}
