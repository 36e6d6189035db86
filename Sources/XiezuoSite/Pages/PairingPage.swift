import Foundation
import XiezuoCore

/// pairings/<id>/index.html: the two sides, town pairs, narrative, and every year's plan.
struct PairingPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let fields: [Field]
    let towns: [TownPair]
    let hasTowns: Bool
    let narrative: String
    let plans: [PlanRow]
    let hasPlans: Bool

    struct TownPair: Codable {
        let helping: Link
        let helped: Link
    }

    struct PlanRow: Codable {
        let link: Link
        let number: String
        let asOf: String
        let completion: Bar
        let score: String?
        let grade: String?
    }

    static func make(_ pairing: Pairing, site: SiteContext) -> PageSpec? {
        guard let path = site.routes.pairing(pairing.id) else { return nil }
        let p = Presenter(site: site.frame, path: path)
        let helping = site.content.region(pairing.helping)
        let helped = site.content.region(pairing.helped)
        var fields = [Field(label: p.s["pairing.kind"], value: pairing.kind.rawValue),
                      Field(label: p.s["pairing.helping"], value: helping?.name ?? pairing.helping),
                      Field(label: p.s["pairing.helped"], value: helped?.name ?? pairing.helped)]
        if let since = pairing.since { fields.append(Field(label: p.s["pairing.since"], value: "\(since)")) }
        if let status = pairing.status { fields.append(Field(label: p.s["pairing.status"], value: status)) }
        let towns = pairing.towns.map { pair in
            TownPair(helping: helping?.unit(named: pair.helping).map { p.unitLink($0.id) } ?? Link(href: "", label: pair.helping),
                     helped: helped?.unit(named: pair.helped).map { p.unitLink($0.id) } ?? Link(href: "", label: pair.helped))
        }
        let plans = site.plans(of: pairing.id)
        let rows = plans.map { plan -> PlanRow in
            let result = site.result(plan)
            let scored = plan.scoring.method != .none
            return PlanRow(link: p.planLink(plan), number: plan.number ?? "—", asOf: result.asOf.description,
                           completion: p.bar(ratio: result.completion, expected: result.expected),
                           score: scored ? p.score(result.score, of: result.rollup.available) : nil,
                           grade: scored ? result.grade : nil)
        }
        let sample = plans.contains { site.result($0).sample }
        let page = PairingPage(chrome: p.chrome(title: site.pairingName(pairing), crumbs: [(site.pairingName(pairing), nil)],
                                                sample: sample),
                               t: p.t, fields: fields, towns: towns, hasTowns: !towns.isEmpty,
                               narrative: Markdown.html(pairing.narrative, headingOffset: 2), plans: rows, hasPlans: !rows.isEmpty)
        return PageSpec(path: path, template: .pairing, context: page)
    }
}
