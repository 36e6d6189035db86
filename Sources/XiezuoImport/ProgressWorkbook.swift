import Foundation
import XiezuoCore
import XiezuoOffice

/// A unit's progress sheet as an Excel workbook, as `xiezuo export sheets` sends it out: the
/// month and the due day in the title, the plan's fields locked and the unit's cells open
/// (shaded), a drop-down of the three states, numbers formatted by their unit of measure, A4
/// landscape with the header row on every page. `import progress` reads it back.
public enum ProgressWorkbook {
    static let stateChoices = ["未开始", "推进中", "已完成"]
    /// The columns a unit fills in: 累计实际数, 任务状态, 佐证材料, 说明.
    static let valueColumn = 7, stateColumn = 8, evidenceColumn = 9, noteColumn = 10

    public static func workbook(_ sheet: ProgressSheet) -> Workbook {
        var page = Sheet(name: sheet.unit)
        var title = CellStyle()
        title.bold = true
        title.fontSize = 14
        var plain = CellStyle()
        plain.wrap = true
        var locked = CellStyle()
        locked.border = true
        locked.wrap = true
        var open = locked
        open.unlocked = true
        open.fill = 0xFFF4C8

        let month = "\(sheet.date.year)年\(sheet.date.month)月"
        page[0, 0] = .text("\(sheet.planTitle)　\(sheet.unit)　\(month)进展表", title)
        page.merges.append(Sheet.Range(Sheet.Position(0, 0), Sheet.Position(0, 10)))
        let due = sheet.due.map { "请于 \($0.year)年\($0.month)月\($0.day)日前报送" } ?? "请按方案要求的时间报送"
        page[1, 0] = .text("数据截至 \(sheet.date.year)年\(sheet.date.month)月\(sheet.date.day)日；\(due)。"
                           + "只填写浅黄色单元格：累计实际数填截至当月底的累计数，不是当月新增数。", plain)
        page.merges.append(Sheet.Range(Sheet.Position(1, 0), Sheet.Position(1, 10)))
        page.rowHeights[1] = 30
        // The rows `import progress` reads by their first cell.
        page[2, 0] = .text("方案"); page[2, 1] = .text(sheet.planID); page[2, 2] = .text(sheet.planTitle)
        page[3, 0] = .text("单位"); page[3, 1] = .text(sheet.unit)
        page[4, 0] = .text("截至日期"); page[4, 1] = .text(sheet.date.description)
        let headerRow = 6
        // The table's text, made once: each row's cells and its height are read from it.
        let rows = sheet.tableRows
        for (column, name) in ProgressSheets.header.enumerated() { page[headerRow, column] = .text(name, .columnHeader) }

        for (offset, line) in sheet.lines.enumerated() {
            let row = headerRow + 1 + offset
            let texts = rows[offset]
            for column in 0..<ProgressSheets.header.count { page[row, column] = .text(texts[column], locked) }
            page[row, evidenceColumn] = Cell(.blank, open)
            page[row, noteColumn] = Cell(.blank, open)
            switch line {
            case .indicator(let indicator, _, let last):
                var number = locked
                number.numberFormat = format(for: indicator.unit)
                if let target = indicator.target.amount { page[row, 5] = Cell(.number(NSDecimalNumber(decimal: target).doubleValue), number) }
                if let last { page[row, 6] = Cell(.number(NSDecimalNumber(decimal: last).doubleValue), number) }
                var input = open
                input.numberFormat = number.numberFormat
                page[row, valueColumn] = Cell(.blank, input)
                page.rules.append(Sheet.Rule(range: Sheet.Range(Sheet.Position(row, valueColumn), Sheet.Position(row, valueColumn)),
                                             kind: indicator.unit.dimension == .count ? .wholeNumberAtLeast(0) : .decimalAtLeast(0),
                                             errorTitle: "累计实际数", errorMessage: "请填写数字（不含单位和文字），如 12 或 0.5；说明写在“说明”列。"))
            case .task(let task):
                if let points = task.points {
                    page[row, 5] = Cell(.number(NSDecimalNumber(decimal: points).doubleValue), locked)
                }
                page[row, stateColumn] = Cell(.blank, open)
            }
        }
        let taskRows = sheet.lines.indices.filter { if case .task = sheet.lines[$0] { true } else { false } }.map { headerRow + 1 + $0 }
        if let first = taskRows.first, let last = taskRows.last {
            page.rules.append(Sheet.Rule(range: Sheet.Range(Sheet.Position(first, stateColumn), Sheet.Position(last, stateColumn)),
                                         kind: .list(stateChoices), errorTitle: "任务状态",
                                         errorMessage: "请从下拉列表中选择：未开始、推进中或已完成。"))
        }
        for (column, width) in widths.enumerated() { page.columnWidths[column] = width }
        // Excel does not grow a row to its wrapped text by itself when a file is written this
        // way: each row is given the lines its longest cell needs.
        for (offset, texts) in rows.enumerated() {
            let lines = texts.enumerated().map { Self.lines(of: $0.element, width: widths[$0.offset]) }.max() ?? 1
            if lines > 1 { page.rowHeights[headerRow + 1 + offset] = Double(lines) * 15 }
        }
        page.printTitleRows = headerRow...headerRow
        page.frozenRows = headerRow + 1
        page.landscape = true
        page.protected = true
        page.header = "\(sheet.planTitle) \(month)进展表"
        return Workbook(title: "\(sheet.planTitle) \(sheet.unit) \(month)进展表", createdOn: sheet.date, sheets: [page])
    }

    static let widths: [Double] = [6, 12, 8, 44, 8, 9, 9, 11, 10, 24, 24]

    /// The lines `text` takes in a column `width` characters wide.
    static func lines(of text: String, width: Double) -> Int {
        max(1, Int((Double(Sheet.width(of: text)) / max(1, width - 1)).rounded(.up)))
    }

    /// Excel number formats by unit of measure: whole counts, money to the fen, percentages
    /// with their sign (90 means 90 %: the format adds the sign and does not multiply).
    static func format(for unit: MeasureUnit) -> String {
        switch unit.dimension {
        case .count: return "0"
        case .money: return "#,##0.00"
        case .ratio: return "0.0\"%\""
        }
    }

    public static func data(_ sheet: ProgressSheet) throws -> Data {
        try WorkbookWriter.data(workbook(sheet))
    }
}
