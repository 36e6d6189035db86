import Foundation
import XiezuoCore

/// standards/<id>/index.html: one standard indicator (结对学校数, 消费帮扶金额 …) in every
/// pairing that tracks it, ranked by its actual value in the standard's unit — how the level
/// above compares pairings on the same measure.
struct StandardPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    let fields: [Field]
    let rows: [Row]
    let hasRows: Bool

    struct Row: Codable {
        /// Competition rank (1, 2, 2, 4) by actual value; "—" without one.
        let rank: String
        let plan: Link
        let indicator: Link
        let target: String
        let actual: String
        let bar: Bar
        let badge: HTML
        let responsible: [HTML]
    }

    static func make(_ standard: StandardIndicator, site: SiteOverview) -> PageSpec? {
        guard let path = site.frame.routes.standard(standard.id) else { return nil }
        let p = Presenter(site: site.frame, path: path)
        // Highest actual first; ties keep plan order and share a rank.
        let uses = site.uses(of: standard.id).enumerated().sorted { a, b in
            let (x, y) = (a.element.1.value?.value, b.element.1.value?.value)
            if x != y { return (x ?? -1) > (y ?? -1) }
            return a.offset < b.offset
        }.map(\.element)
        var rows: [Row] = []
        for (index, (plan, use)) in uses.enumerated() {
            var rank = use.value == nil ? "—" : "\(index + 1)"
            if index > 0, use.value != nil, uses[index - 1].1.value == use.value { rank = rows[index - 1].rank }
            let status = PaceStatus(rawValue: use.status) ?? .unknown
            rows.append(Row(rank: rank, plan: p.planLink(plan),
                            indicator: Link(href: use.page.map(p.href) ?? "", label: use.name),
                            target: use.target, actual: use.actual,
                            bar: p.bar(ratio: use.completion?.value, expected: use.expected?.value),
                            badge: p.badge(status), responsible: use.responsible.map(p.unitLinkHTML)))
        }
        let fields = [Field(label: p.s["standard.unit"], value: standard.unit.symbol),
                      Field(label: p.s["standard.plans"], value: "\(Set(uses.map(\.0.id)).count)")]
        let page = StandardPage(
            chrome: p.chrome(title: standard.name, crumbs: [(p.s["nav.indicators"], Routes.indicators), (standard.name, nil)],
                             sample: uses.contains { $0.0.sample }),
            t: p.t, fields: fields, rows: rows, hasRows: !rows.isEmpty)
        return PageSpec(path: path, template: .standard, context: page)
    }
}
