import Foundation
import XiezuoCore

/// Geometry for the charts, computed here and drawn by the templates as inline SVG, so that
/// pages need no script and no file from outside the site. Every chart has a text equivalent.
public struct ProgressBar: Sendable, Codable {
    /// The completion as shown, e.g. "135.0%".
    public let label: String
    /// Width of the filled part, 0…100 (a bar over 100 % is drawn full and marked over).
    public let fill: String
    public let over: Bool
    /// Where the calendar's expected share falls, 0…100, when it applies.
    public let expected: String?
    public let expectedLabel: String?

    init(ratio: Decimal?, expected: Decimal?) {
        let value = ratio ?? 0
        label = ratio.map(Display.percent) ?? "—"
        fill = Display.fixed(min(max(value, 0), 1).multipliedExactly(by: 100), places: 1)
        over = value.exactOrder(1) == .orderedDescending
        self.expected = expected.map { Display.fixed(min(max($0, 0), 1).multipliedExactly(by: 100), places: 1) }
        expectedLabel = expected.map(Display.percent)
    }
}

/// A line chart as its template draws it: the scale, target and points of this chart, and the
/// axes and month labels drawn once for every chart with the same ones (`partials/chart-frame`,
/// `partials/chart-labels`).
struct ChartView: Codable {
    let label: String
    let width: Int
    let height: Int
    let plotLeft: Int
    let plotRight: Int
    let plotTop: Int
    let yMax: String
    let targetY: String?
    let polyline: String
    /// The share the calendar called for at each month's end (序时进度), when drawn.
    let expected: String?
    let points: [LineChart.Point]
    let frame: HTML
    let labels: HTML
    /// What the vertical axis measures, with its unit: 完成率（%）, 人, 万元.
    let yTitle: String
    /// The key: one entry per line drawn, each with the words for it.
    let legend: [LegendEntry]

    struct LegendEntry: Codable {
        /// `series`, `expected` or `target`: the line's style.
        let kind: String
        let label: String
    }
}

/// A monthly line chart: actual values month by month against the target.
public struct LineChart: Sendable, Codable {
    public struct Point: Sendable, Codable {
        public let x: String
        public let y: String
        public let label: String
        public let value: String
    }

    public static let width = 600
    public static let height = 220
    static let left = 48, right = 36, top = 28, bottom = 32

    /// What the chart shows, read out by screen readers.
    public let label: String
    public let points: [Point]
    /// "x,y x,y …" for the polyline.
    public let polyline: String
    /// The expected share's line, one point per month, when there is one.
    public let expected: String?
    public let targetY: String?
    public let targetLabel: String?
    public let yMax: String
    // `var`, not `let`: a stored property with its value written in is decoded only when it
    // is a var, and templates are checked against the fields a view model decodes.
    public var width = LineChart.width
    public var height = LineChart.height
    public var plotLeft = LineChart.left
    public var plotRight = LineChart.width - LineChart.right
    public var plotBottom = LineChart.height - LineChart.bottom
    public var plotTop = LineChart.top
    public var labelY = LineChart.height - 10

    /// `series` in order of month; `target` drawn as a dashed line; `expected`, one value per
    /// month, as a dotted one.
    init(label: String, series: [(label: String, value: Decimal)], expected: [Decimal]? = nil, target: Decimal?,
         format: (Decimal) -> String) {
        self.label = label
        // The axis reaches the larger of the highest value and the target; 1 only when all are 0
        // (an indicator in 亿元 with a target of 0.3 must not be squashed under a floor of 1).
        let highest = max(series.map(\.value).max() ?? 0, target ?? 0, expected?.max() ?? 0)
        let maxValue = highest > 0 ? highest : 1
        let plotWidth = Decimal(Self.width - Self.left - Self.right)
        let plotHeight = Decimal(Self.height - Self.top - Self.bottom)
        // bottom − value ÷ max × height, and left + width × index ÷ (count − 1), each rounded
        // once from its exact quotient: over a common divisor, so that no division is cut short.
        let bottom = Decimal(Self.height - Self.bottom)
        func y(_ value: Decimal) -> String {
            Display.fixed(bottom.multipliedExactly(by: maxValue).subtractingExactly(value.multipliedExactly(by: plotHeight)),
                          over: maxValue, places: 1)
        }
        let intervals = Decimal(max(series.count - 1, 1))
        let points = series.enumerated().map { index, entry in
            let across = series.count > 1 ? plotWidth.multipliedExactly(by: Decimal(index)) : plotWidth.dividedExactly(by: 2)
            let x = Display.fixed(Decimal(Self.left).multipliedExactly(by: intervals).addingExactly(across), over: intervals, places: 1)
            return Point(x: x, y: y(entry.value), label: entry.label, value: format(entry.value))
        }
        self.points = points
        polyline = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        self.expected = expected.map { values in
            zip(points, values).map { point, value in "\(point.x),\(y(value))" }.joined(separator: " ")
        }
        targetY = target.map(y)
        targetLabel = target.map(format)
        yMax = format(maxValue)
    }
}
