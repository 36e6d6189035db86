import Foundation
import XiezuoCore

/// index.html: every pairing with its latest plan's completion, score, grade and alerts.
struct HomePage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let pairings: [Row]
    let latestData: String
    let downloads: [Link]

    struct Row: Codable {
        let href: String
        let name: String
        let kind: String
        let status: String?
        let plans: [Link]
        let asOf: String
        let completion: Bar?
        let score: String?
        let grade: String?
        let alerts: [Alert]
        let hasAlerts: Bool
    }

    struct Alert: Codable {
        let kind: String
        let label: String
        let count: Int
    }

    static func make(_ site: SiteOverview) -> PageSpec {
        let p = Presenter(site: site.frame, path: Routes.home)
        let rows = site.frame.shared.pairings.map { pairing -> Row in
            let plans = site.plans(of: pairing.id)
            let latest = plans.first
            let alerts = latest.map { summary in
                [Finding.Kind.overdue, .behind, .missingEvidence, .missingReport].compactMap { kind -> Alert? in
                    let count = summary.findings[kind.rawValue] ?? 0
                    return count == 0 ? nil : Alert(kind: kind.rawValue, label: p.s["finding." + kind.rawValue], count: count)
                }
            } ?? []
            let scored = latest?.scored ?? false
            return Row(href: site.frame.routes.pairing(pairing.id).map(p.href) ?? "", name: site.frame.pairingName(pairing),
                       kind: pairing.kind.rawValue, status: pairing.status, plans: plans.map(p.planLink),
                       asOf: latest?.asOf ?? "—",
                       completion: latest.map { p.bar(ratio: $0.completion.value, expected: $0.expected.value) },
                       score: scored ? latest.map { p.score($0.score.value, of: $0.available.value) } : nil,
                       grade: scored ? latest?.grade : nil, alerts: alerts, hasAlerts: !alerts.isEmpty)
        }
        let page = HomePage(chrome: p.chrome(title: p.s["home.title"], sample: site.anySample), t: p.t, pairings: rows,
                            latestData: site.latestData ?? "—",
                            downloads: [Link(href: p.href(Routes.results), label: p.s["download.results"])])
        return PageSpec(path: Routes.home, template: .home, context: page)
    }
}
