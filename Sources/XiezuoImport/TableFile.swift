import Foundation
import XiezuoCore
import XiezuoOffice

/// A table file as officials have it, read by its kind: an Excel workbook (.xlsx: the first
/// sheet, or the one named), a Word document (.docx: its tables, and its paragraphs for the
/// plan's text), or text saved or pasted from either (CSV, TSV).
public struct TableFile {
    /// The tables, in the file's order: one for a sheet or a text file, each of a document's.
    public let tables: [Table]
    /// A document's paragraphs, blank ones left out; empty for other kinds.
    public let paragraphs: [String]
    /// Cells that hold nothing to read (a formula never computed), by row.
    public let problems: [RowProblem]

    public static func read(_ data: Data, file: String, sheet: String? = nil) throws -> TableFile {
        switch (file as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm":
            let grid = try WorkbookReader(data: data, file: file).sheet(named: sheet)
            let name = "\(file)[\(grid.name)]"
            return TableFile(tables: [Table(file: name, rows: grid.rows.map { Table.Row(number: $0.number, cells: $0.cells) })],
                             paragraphs: [],
                             problems: grid.problems.map { RowProblem(file: name, row: $0.row, message: $0.message) })
        case "docx":
            let document = try DocumentReader(data: data, file: file)
            let tables = document.tables.enumerated().map { index, rows in
                Table(file: "\(file)[表\(index + 1)]", rows: rows.enumerated().map { Table.Row(number: $0.offset + 1, cells: $0.element) })
            }
            let paragraphs = document.paragraphs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return TableFile(tables: tables, paragraphs: paragraphs, problems: [])
        case "xls", "doc", "et", "wps":
            throw OfficeProblem(file: file, message: Message(.oldOfficeFormat))
        default:
            return TableFile(tables: [try Table.decode(data, file: file)], paragraphs: [], problems: [])
        }
    }

    /// The plan table among the file's tables: the one numbered `index` (1-based), or the first
    /// with a task list's or an indicator table's header, with the tables after it that repeat
    /// that header (a table Word split at a page break).
    public func planTable(number index: Int? = nil) -> Table? {
        if let index { return tables.indices.contains(index - 1) ? tables[index - 1] : nil }
        guard let first = tables.firstIndex(where: { PlanTableImporter.headerRow(of: $0) != nil }) else { return nil }
        var joined = tables[first]
        let header = PlanTableImporter.headerRow(of: joined)?.cells.map(Table.clean)
        for next in tables[(first + 1)...] {
            guard PlanTableImporter.headerRow(of: next)?.cells.map(Table.clean) == header else { break }
            let offset = (joined.rows.last?.number ?? 0)
            joined = Table(file: joined.file, rows: joined.rows + next.rows.map { Table.Row(number: offset + $0.number, cells: $0.cells) })
        }
        return joined
    }
}
