import Foundation
import XiezuoCore

/// Small pieces of presentation shared by all pages: links, status badges, layout chrome.
struct Link: Codable {
    let href: String
    let label: String
    var current = false
}

struct Badge: Codable {
    /// CSS class suffix, the status name: done, behind, overdue …
    let status: String
    /// The status in words: the badge never relies on colour alone.
    let label: String
    /// A shape that differs per status, for print in black and white.
    let symbol: String
}

/// A drawn progress bar, and how full it is (0…100) for sorting tables by it.
struct Bar: Codable {
    let html: HTML
    let fill: String
}

struct Field: Codable {
    let label: String
    let value: String
    var href: String? = nil
}

/// The layout's data: title, navigation, breadcrumbs, sample-data banner.
///
/// Templates read a view model's encoded fields, and are checked against its decoded ones
/// (TemplateName.model): every value a template uses is a stored property, never computed, and
/// one with its value written in is a `var` (a `let` with a value is not decoded).
struct Chrome: Codable {
    let lang: String
    let title: String
    let root: String
    /// The icon, stylesheet and script (`partials/head`): the same on every page at this depth.
    let head: HTML
    /// Skip link, site name and main navigation (`partials/header`).
    let header: HTML
    /// Each a `partials/crumb`.
    let breadcrumbs: [HTML]
    let hasBreadcrumbs: Bool
    let sample: Bool
    let canonical: String?

    /// The data of `partials/head` and `partials/header`.
    struct Frame: Codable {
        let t: TemplateStrings
        let root: String
        let nav: [Link]
        /// The search page, relative to the page; nil in a site without search.
        let search: String?
    }
}

struct Presenter {
    let site: SiteFrame
    /// The page being built: every link is relative to it.
    let path: SitePath

    var t: TemplateStrings { site.strings.templateStrings }
    var s: Strings { site.strings }

    func href(_ target: SitePath) -> String { path.link(to: target) }

    func chrome(title: String, crumbs: [(String, SitePath?)] = [], sample: Bool) -> Chrome {
        let nav = [(s["nav.home"], Routes.home), (s["nav.units"], Routes.units), (s["nav.indicators"], Routes.indicators)]
            .map { Link(href: href($0.1), label: $0.0, current: $0.1 == path) }
        let trail = ([(s["nav.home"], Routes.home as SitePath?)] + crumbs).map { label, target in
            Link(href: target.map(href) ?? "", label: label, current: target == nil)
        }
        let canonical = site.baseURL.map { base in
            (base.hasSuffix("/") ? base : base + "/") + path.encodedPath
        }
        let breadcrumbs = path == Routes.home ? [] : trail.map { crumb in
            site.components.html(.crumb(crumb.href, crumb.label, current: crumb.current), partial: .crumb) { crumb }
        }
        let frame = Chrome.Frame(t: t, root: path.root, nav: nav, search: site.search ? href(Routes.search) : nil)
        let current = nav.firstIndex { $0.current }
        return Chrome(lang: s.language, title: title, root: path.root,
                      head: site.components.html(.head(depth: path.depth), partial: .head) { frame },
                      header: site.components.html(.header(depth: path.depth, current: current), partial: .header) { frame },
                      breadcrumbs: breadcrumbs, hasBreadcrumbs: !breadcrumbs.isEmpty, sample: sample, canonical: canonical)
    }

    /// A status badge (`partials/badge`): words and a shape, never colour alone.
    func badge(_ status: PaceStatus) -> HTML {
        site.components.html(.badge(status), partial: .badge) {
            Badge(status: status.rawValue, label: s["status." + status.rawValue], symbol: Self.symbols[status] ?? "")
        }
    }

    /// A progress bar (`partials/bar`) of `ratio` against the share the calendar expects.
    func bar(ratio: Decimal?, expected: Decimal?) -> Bar {
        let bar = ProgressBar(ratio: ratio, expected: expected)
        let key = Components.Key.bar(label: bar.label, fill: bar.fill, over: bar.over, expected: bar.expected)
        return Bar(html: site.components.html(key, partial: .bar) { bar }, fill: bar.fill)
    }

    /// A line chart, its frame and month labels drawn once for all charts that share them.
    /// `yTitle`: what the vertical axis measures; `legend`: the words for the actual line and the
    /// target line (the expected line's are the same everywhere).
    func chart(_ chart: LineChart, yTitle: String, series: String, target: String?) -> ChartView {
        let frame = site.components.html(.chartFrame, partial: .chartFrame) { chart }
        let labels = site.components.html(.chartLabels(chart.points.map { $0.x + " " + $0.label }),
                                          partial: .chartLabels) { chart }
        return ChartView(label: chart.label, width: chart.width, height: chart.height, plotLeft: chart.plotLeft,
                         plotRight: chart.plotRight, plotTop: chart.plotTop, yMax: chart.yMax, targetY: chart.targetY,
                         polyline: chart.polyline, expected: chart.expected, points: chart.points, frame: frame, labels: labels,
                         yTitle: yTitle,
                         legend: [ChartView.LegendEntry(kind: "series", label: series)]
                            + (chart.expected == nil ? [] : [ChartView.LegendEntry(kind: "expected", label: s["chart.expected"])])
                            + (chart.targetY == nil ? [] : target.map { [ChartView.LegendEntry(kind: "target", label: $0)] } ?? []))
    }

    /// A unit's name linking to its page (`partials/unit-link`).
    func unitLinkHTML(_ id: UnitID) -> HTML {
        site.components.html(.unitLink(id, depth: path.depth), partial: .unitLink) { unitLink(id) }
    }

    private static let symbols: [PaceStatus: String] = [.done: "✓", .onPace: "○", .deadlineNear: "◆", .notStarted: "–",
                                                        .behind: "▲", .overdue: "✕", .notReported: "□", .notScored: "·",
                                                        .unknown: "?"]

    func unitLink(_ id: UnitID) -> Link {
        let name = site.unit(id)?.name ?? id.name
        return Link(href: site.routes.unit(id).map(href) ?? "", label: name)
    }

    func planLink(_ plan: Plan) -> Link { planLink(id: plan.id, year: plan.year, title: plan.title) }
    func planLink(_ plan: PlanSummary) -> Link { planLink(id: plan.id, year: plan.year, title: plan.title) }

    func planLink(id: String, year: Int, title: String) -> Link {
        Link(href: site.routes.plan(id).map(href) ?? "", label: "\(year) · \(title)")
    }

    func amount(_ value: Decimal?, unit: String) -> String {
        value.map { "\(Display.amount($0, places: MeasureUnit.named(unit)?.displayPlaces ?? 4)) \(unit)" } ?? "—"
    }

    func targetText(_ indicator: Indicator, result: IndicatorResult) -> String {
        let unit = indicator.unit.symbol
        switch indicator.target {
        case .atLeast(let v) where indicator.perMember:
            return s.format("target.each-member", ["value": Display.amount(v), "unit": unit])
        case .atLeast(let v): return s.format("target.at-least", ["value": Display.amount(v), "unit": unit])
        case .exactly(let v): return s.format("target.exactly", ["value": Display.amount(v), "unit": unit])
        case .atMost(let v): return s.format("target.at-most", ["value": Display.amount(v), "unit": unit])
        case .eachAtLeast(let v, let items):
            return s.format("target.each", ["value": Display.amount(v), "unit": unit,
                                            "items": items.joined(separator: "、")])
        case .notLowerThanLastYear:
            return result.target.map { s.format("target.last-year-known", ["value": Display.amount($0), "unit": unit]) }
                ?? s["target.last-year-unknown"]
        case .none: return s["target.none"]
        }
    }

    func score(_ value: Decimal, of available: Decimal) -> String {
        "\(Display.points(value)) / \(Display.points(available))"
    }

    func findingLabel(_ finding: Finding, plan: Plan, limit: Int = 40) -> Link {
        let link = subjectLink(finding.subject, plan: plan, limit: limit)
        return Link(href: link.href, label: link.label + (finding.detail.map { " · " + detail(finding.kind, $0) } ?? ""))
    }

    /// A task as every page names it: its number (the same everywhere: section and task, as the
    /// plan's tasks.yaml numbers it) and its title, else the start of its text up to the first
    /// full stop, at most 40 characters.
    func taskName(_ task: PlanTask, in plan: Plan, limit: Int = 40) -> String {
        site.components.taskName(.init(plan: plan.id, task: task.id, limit: limit)) {
            s.format("task.title", ["id": task.id, "text": Self.opening(task.title ?? task.text, limit: limit)])
        }
    }

    /// The first sentence of `text` when it is short enough, else its first `limit` characters
    /// and "…"; never past the first line. One pass, that stops at the sentence's end or at the
    /// character after the `limit`th: a task's text can be long, and counting all of it
    /// (characters are found by grapheme rules) was most of the cost.
    static func opening(_ text: String, limit: Int) -> String {
        var end = text.startIndex
        var count = 0
        for character in text {
            let scalar = onlyScalar(of: character)
            if scalar == "\n" || endsSentence(scalar) { break }
            if count == limit { return String(text[..<end]) + "…" }
            count += 1
            end = text.utf8.index(end, offsetBy: character.utf8.count)
        }
        return String(text[..<end])
    }

    /// A full stop or semicolon, full-width or plain.
    private static func endsSentence(_ scalar: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "。", "；", ";": true
        default: false
        }
    }

    /// The scalar a character is made of, nil when it has more than one. Comparing it gives the
    /// same answer as `==` on Characters for a character that is canonically equal to no other
    /// text (a line end, 。；;), and `==` normalized both sides of every comparison of Chinese.
    private static func onlyScalar(of character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }

    /// A link to a finding's task, indicator or unit.
    /// `limit`: the most characters of a task's name (a briefing's lists name many tasks in little room).
    func subjectLink(_ subject: Finding.Subject, plan: Plan, limit: Int = 40) -> Link {
        switch subject {
        case .task(let id):
            let label = plan.task(id).map { taskName($0, in: plan, limit: limit) } ?? s.format("task.title", ["id": id, "text": ""])
            // A task without a page of its own is found by its row on the plan page.
            let href = site.routes.task(plan.id, id).map(href)
                ?? (site.routes.plan(plan.id).map(href) ?? "") + "#task-\(Slug.make(id))"
            return Link(href: href, label: label)
        case .indicator(let id):
            return Link(href: site.routes.indicator(plan.id, id).map(href) ?? "", label: plan.indicator(id)?.name ?? id)
        case .unit(let unit):
            return unitLink(unit)
        }
    }

    private func detail(_ kind: Finding.Kind, _ text: String) -> String {
        switch kind {
        case .missingEvidence:
            return text.split(separator: ",").map { s["evidence." + $0] }.joined(separator: "、")
        case .overdue, .dueSoon: return s.format("finding.deadline", ["date": text])
        case .missingReport: return s.format("finding.month", ["month": text])
        case .periodMissed: return s.periodLabel(text)
        default: return text
        }
    }

    /// Groups of findings, worst kind first, for the alert lists of a plan.
    func findingGroups(_ result: PlanResult, plan: Plan) -> [FindingGroup] {
        Finding.Kind.allCases.compactMap { kind in
            let items = result.findings.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            return FindingGroup(kind: kind.rawValue, label: s["finding." + kind.rawValue], count: items.count,
                                items: items.map { findingLabel($0, plan: plan) })
        }
    }
}

struct FindingGroup: Codable {
    let kind: String
    let label: String
    let count: Int
    let items: [Link]
}
