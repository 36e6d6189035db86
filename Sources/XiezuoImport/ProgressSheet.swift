import Foundation
import XiezuoCore

/// One unit's progress sheet for a month: what it reports on, before it is written as a
/// workbook (ProgressWorkbook) or as CSV.
public struct ProgressSheet: Sendable {
    public enum Line: Sendable {
        /// An indicator (or one item of it), with the running total the unit last reported.
        case indicator(Indicator, item: String?, last: Decimal?)
        case task(PlanTask)
    }

    public let planID: String
    public let planTitle: String
    public let unit: String
    /// The last day of the month reported on.
    public let date: Day
    /// The day the report is due, when the plan sets a reporting day.
    public let due: Day?
    public let lines: [Line]

    /// `plan-YYYY-MM-unit`, without the extension.
    public var stem: String { "\(planID)-\(date.monthKey)-\(Slug.make(unit))" }

    /// The table's cells, as text, row by row (the columns of ProgressSheets.header).
    var tableRows: [[String]] {
        lines.map { line in
            switch line {
            case .indicator(let indicator, let item, let last):
                return ["指标", indicator.id, item ?? "", indicator.name, indicator.unit.symbol,
                        indicator.target.amount.map { $0.plainString } ?? "-", last?.plainString ?? "", "", "", "", ""]
            case .task(let task):
                return ["任务", task.id, "", task.text, "", task.points.map { $0.plainString } ?? "", "", "", "", "", ""]
            }
        }
    }

    /// The sheet as CSV for Excel (UTF-8 with its byte order mark), 编号 kept text.
    public var csv: Data {
        let rows: [[String]] = [["单位", unit], ["截至日期", date.description], [], ProgressSheets.header] + tableRows
        return CSV.make(header: ["方案", planID, planTitle], rows: rows, text: [1])
    }
}
