import Foundation
import XiezuoCore
import XiezuoMustache

/// HTML drawn by one template and placed by another with `{{{name}}}` (never escaped twice).
struct HTML: Codable, Hashable, Sendable, MustacheShaped {
    let text: String

    init(text: String) { self.text = text }

    init(from decoder: Decoder) throws { text = try decoder.singleValueContainer().decode(String.self) }

    static let mustacheShape = MustacheShape.value
    static let mustacheSample = HTML(text: "")

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Pieces of pages that appear on many pages — the page head's links and the site header, a
/// breadcrumb, a status badge, a progress bar, a unit's link, a task's or an indicator's table
/// row — each drawn by a partial template of its own (`partials/head`, `partials/header`,
/// `partials/crumb`, `partials/badge`, `partials/bar`, `partials/report-cell`, `partials/chart-frame`,
/// `partials/chart-labels`, `partials/unit-link`,
/// `partials/task-row`, `partials/indicator-row`) once, then reused, as Hugo's `partialCached`
/// does. A plan's task
/// row stands on the plan's page, on each of its units' pages and on its indicators' pages;
/// with links made through the site's root (SitePath.link), a piece drawn for one page is the
/// same on every page at the same depth, which is part of its key.
///
/// One per group of pages being rendered: kept pieces go when the group is done.
final class Components: @unchecked Sendable {
    /// A page's depth stands for its way up to the root (`../` that many times), which is all
    /// that a piece's links depend on besides the piece.
    enum Key: Hashable {
        case head(depth: Int)
        case header(depth: Int, current: Int?)
        case crumb(String, String, current: Bool)
        case badge(PaceStatus)
        case reportCell(String)
        /// The axes, the same for every chart.
        case chartFrame
        case chartLabels([String])
        case bar(label: String, fill: String, over: Bool, expected: String?)
        case unitLink(UnitID, depth: Int)
        case taskRow(plan: String, task: String, depth: Int)
        case indicatorRow(plan: String, indicator: String, depth: Int, showPlan: Bool)
    }

    private let templates: TemplateSet
    private let lock = NSLock()
    private var drawn: [Key: HTML] = [:]
    private var taskNames: [TaskNameKey: String] = [:]

    struct TaskNameKey: Hashable {
        let plan: String
        let task: String
        let limit: Int
    }

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// A task's name as lists show it (Presenter.taskName), worked out the first time: the
    /// same task is named in every month's briefing and on several units' pages, and cutting a
    /// long text at a character count walks it Character by Character.
    func taskName(_ key: TaskNameKey, _ make: () -> String) -> String {
        if let kept = lock.withLock({ taskNames[key] }) { return kept }
        let name = make()
        lock.withLock { taskNames[key] = name }
        return name
    }

    /// The piece for `key`, drawn by `partial` from `model()` the first time it is asked for.
    func html(_ key: Key, partial: TemplateName, _ model: () -> some Encodable) -> HTML {
        if let kept = lock.withLock({ drawn[key] }) { return kept }
        // Drawn outside the lock; two cores drawing the same piece draw the same bytes.
        let html = HTML(text: templates.render(model(), with: partial))
        lock.withLock { drawn[key] = html }
        return html
    }
}
