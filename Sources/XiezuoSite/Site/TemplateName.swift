/// The templates the program draws with, by name: pages and the pieces drawn once and reused.
/// Each must load (TemplateSet checks them all), so a page can never be drawn with a template
/// that is not there.
enum TemplateName: String, CaseIterable, Sendable {
    case layout, home, pairing, plan, briefing, unit, units, region, indicator, indicators, task, standard, search
    case head = "partials/head", header = "partials/header", crumb = "partials/crumb", badge = "partials/badge"
    case bar = "partials/bar", reportCell = "partials/report-cell", chartFrame = "partials/chart-frame"
    case chartLabels = "partials/chart-labels", unitLink = "partials/unit-link", taskRow = "partials/task-row"
    case indicatorRow = "partials/indicator-row"
}
