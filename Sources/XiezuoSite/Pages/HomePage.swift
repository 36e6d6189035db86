import Foundation
import XiezuoCore

/// index.html: every pairing with its latest plan's completion, score, grade and alerts.
struct HomePage: Encodable {
    let chrome: Chrome
    let t: [String: String]
    let pairings: [Row]
    let latestData: String
    let downloads: [Link]

    struct Row: Encodable {
        let href: String
        let name: String
        let kind: String
        let status: String?
        let plans: [Link]
        let asOf: String
        let completion: ProgressBar?
        let score: String?
        let grade: String?
        let alerts: [Alert]
        let hasAlerts: Bool
    }

    struct Alert: Encodable {
        let kind: String
        let label: String
        let count: Int
    }

    static func make(_ site: SiteContext) -> PageSpec {
        let p = Presenter(site: site, path: Routes.home)
        let rows = site.content.pairings.map { pairing -> Row in
            let plans = site.plans(of: pairing.id)
            let latest = plans.first
            let result = latest.map(site.result)
            let alerts = result.map { r in
                [Finding.Kind.overdue, .behind, .missingEvidence, .missingReport].compactMap { kind -> Alert? in
                    let count = r.findings.filter { $0.kind == kind }.count
                    return count == 0 ? nil : Alert(kind: kind.rawValue, label: p.s["finding." + kind.rawValue], count: count)
                }
            } ?? []
            let scored = latest.map { $0.scoring.method != .none } ?? false
            return Row(href: site.routes.pairing(pairing.id).map(p.href) ?? "", name: site.pairingName(pairing),
                       kind: pairing.kind.rawValue, status: pairing.status, plans: plans.map(p.planLink),
                       asOf: result?.asOf.description ?? "—",
                       completion: result.map { ProgressBar(ratio: $0.completion, expected: $0.expected) },
                       score: scored ? result.map { p.score($0.score, of: $0.rollup.available) } : nil,
                       grade: scored ? result?.grade : nil, alerts: alerts, hasAlerts: !alerts.isEmpty)
        }
        let page = HomePage(chrome: p.chrome(title: p.s["home.title"], sample: site.anySample), t: p.t, pairings: rows,
                            latestData: site.latestData?.description ?? "—",
                            downloads: [Link(href: p.href(Routes.results), label: p.s["download.results"])])
        return PageSpec(path: Routes.home, template: "home", context: page)
    }
}
