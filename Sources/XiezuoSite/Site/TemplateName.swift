import XiezuoMustache

/// The templates the program draws with, by name: pages and the pieces drawn once and reused.
/// Each must load (TemplateSet checks them all), so a page can never be drawn with a template
/// that is not there.
enum TemplateName: String, CaseIterable, Sendable {
    case layout, home, pairing, plan, briefing, unit, units, region, indicator, indicators, task, standard, search
    case head = "partials/head", header = "partials/header", crumb = "partials/crumb", badge = "partials/badge"
    case bar = "partials/bar", reportCell = "partials/report-cell", chartFrame = "partials/chart-frame"
    case chartLabels = "partials/chart-labels", unitLink = "partials/unit-link", taskRow = "partials/task-row"
    case indicatorRow = "partials/indicator-row"

    /// The data the template draws; nil for the layout, which draws each page's data. Every
    /// name in a template must be in its data (TemplateSet checks when the templates load), and
    /// a page or piece is drawn from a value of this type only (TemplateSet.render).
    var model: (any Decodable.Type)? {
        switch self {
        case .layout: nil
        case .home: HomePage.self
        case .pairing: PairingPage.self
        case .plan: PlanPage.self
        case .briefing: BriefingPage.self
        case .unit: UnitPage.self
        case .units: UnitsIndexPage.self
        case .region: RegionPage.self
        case .indicator: IndicatorPage.self
        case .indicators: IndicatorsIndexPage.self
        case .task: TaskPage.self
        case .standard: StandardPage.self
        case .search: SearchPage.self
        case .head, .header: Chrome.Frame.self
        case .crumb, .unitLink: Link.self
        case .badge: Badge.self
        case .bar: ProgressBar.self
        case .reportCell: PlanPage.ReportCell.self
        case .chartFrame, .chartLabels: LineChart.self
        case .taskRow: TaskRow.self
        case .indicatorRow: IndicatorRow.self
        }
    }

    /// The shapes of the templates' data, read once from their types.
    static let shapes: [TemplateName: MustacheShape] = Dictionary(uniqueKeysWithValues: allCases.compactMap { name in
        name.model.map { model in
            do {
                return (name, try MustacheShape.of(model))
            } catch {
                preconditionFailure("the data of template '\(name.rawValue)' has no shape: \(error)")
            }
        }
    })
}
