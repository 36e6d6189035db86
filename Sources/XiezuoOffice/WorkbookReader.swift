import Foundation
import XiezuoCore

/// Reads the sheets of an .xlsx file (Office Open XML, as Excel and WPS save it).
public struct WorkbookReader {
    public let file: String
    /// The sheets' names, in the workbook's order.
    public let sheetNames: [String]
    private let archive: OfficeArchive
    private let sheetPaths: [String: String]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    /// Styles that show a value × 100 with a % sign: 0.95 is read as 95%, as the cell shows it.
    private let percentStyles: Set<Int>
    private let uses1904: Bool

    public init(data: Data, file: String) throws(OfficeProblem) {
        self.file = file
        archive = try OfficeArchive(data: data, file: file)
        guard let workbook = try archive.xml("xl/workbook.xml") else { throw OfficeProblem(file: file, message: Message(.notAWorkbook)) }
        let relations = try archive.xml("xl/_rels/workbook.xml.rels")?.children("Relationship") ?? []
        var targets: [String: String] = [:]
        for relation in relations {
            guard let id = relation["Id"], let target = relation["Target"] else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        var names: [String] = []
        var paths: [String: String] = [:]
        for sheet in workbook.descendants("sheet") {
            guard let name = sheet["name"], let id = sheet["id"], let path = targets[id] else { continue }
            names.append(name)
            paths[name] = path
        }
        sheetNames = names
        sheetPaths = paths
        uses1904 = workbook.child("workbookPr").flatMap { $0["date1904"] }.map { $0 == "1" || $0 == "true" } ?? false
        sharedStrings = try archive.xml("xl/sharedStrings.xml", required: false).map(Self.strings) ?? []
        let styles = try archive.xml("xl/styles.xml", required: false)
        dateStyles = styles.map { Self.styles($0, where: NumberFormat.builtInDates.contains, NumberFormat.isDate) } ?? []
        percentStyles = styles.map { Self.styles($0, where: NumberFormat.builtInPercentages.contains, NumberFormat.isPercentage) } ?? []
    }

    /// The sheet called `name`, or the first sheet.
    public func sheet(named name: String? = nil) throws(OfficeProblem) -> SheetGrid {
        guard let chosen = name ?? sheetNames.first else { throw OfficeProblem(file: file, message: Message(.noSheets)) }
        guard let path = sheetPaths[chosen] else {
            throw OfficeProblem(file: file, message: Message(.noSuchSheet, ["name": .text(chosen), "names": .quoted(sheetNames)]))
        }
        guard let root = try archive.xml(path) else { throw OfficeProblem(file: file, message: Message(.missingPart, ["part": .text(path)])) }
        return grid(root, name: chosen)
    }

    private func grid(_ root: XMLNode, name: String) -> SheetGrid {
        var cells: [Int: [Int: String]] = [:]
        var problems: [SheetGrid.CellProblem] = []
        var nextRow = 1
        for row in root.child("sheetData")?.children("row") ?? [] {
            let number = row["r"].flatMap(Int.init) ?? nextRow
            nextRow = number + 1
            var nextColumn = 0
            for cell in row.children("c") {
                let reference = cell["r"].flatMap(CellReference.init) ?? CellReference(column: nextColumn, row: number)
                nextColumn = reference.column + 1
                // A plan's table is a few dozen columns wide; a value far to the right is named,
                // not read into rows thousands of cells long.
                guard reference.column < Self.columnLimit else {
                    if value(of: cell, at: reference).isText {
                        problems.append(.init(row: number, message: Message(.cellBeyondColumns, ["cell": .text(reference.name),
                                                                                               "limit": "\(Self.columnLimit)"])))
                    }
                    continue
                }
                switch value(of: cell, at: reference) {
                case .text(let text): if !text.isEmpty { cells[number, default: [:]][reference.column] = text }
                case .problem(let message): problems.append(.init(row: number, message: message))
                }
            }
        }
        // A merged range's value belongs to each of its rows, in its first column: the rows that
        // hold anything (a range may run to the sheet's last row, 1,048,576).
        let filled = cells.keys.sorted()
        for merge in root.child("mergeCells")?.children("mergeCell") ?? [] {
            guard let (first, last) = merge["ref"].flatMap(CellReference.range), let text = cells[first.row]?[first.column] else { continue }
            let lower = filled.partitionPoint { $0 < first.row }
            for row in filled[lower...].prefix(while: { $0 <= last.row }) where cells[row]?[first.column] == nil {
                cells[row, default: [:]][first.column] = text
            }
        }
        let rows = cells.keys.sorted().map { number -> SheetGrid.Row in
            let line = cells[number]!
            let width = (line.keys.max() ?? -1) + 1
            return SheetGrid.Row(number: number, cells: (0..<width).map { line[$0] ?? "" })
        }
        return SheetGrid(name: name, rows: rows, problems: problems)
    }

    /// Columns read: a plan's table is a few dozen wide (Excel's A to IV).
    static let columnLimit = 256

    private enum CellValue {
        case text(String), problem(Message)
        var isText: Bool { if case .text(let text) = self { !text.isEmpty } else { false } }
    }

    private func value(of cell: XMLNode, at position: CellReference) -> CellValue {
        let reference = Message.Argument.text(position.name)
        let raw = cell.child("v")?.text
        switch cell["t"] {
        case "s":
            guard let index = raw.flatMap(Int.init), sharedStrings.indices.contains(index) else { return .text("") }
            return .text(sharedStrings[index])
        case "inlineStr": return .text(cell.child("is").map(Self.text(ofString:)) ?? "")
        case "str": return raw.map(CellValue.text) ?? uncomputed(cell, reference)
        case "b": return .text(raw == "1" ? "TRUE" : "FALSE")
        case "e": return .problem(Message(.cellFormulaError, ["cell": reference, "error": .text(raw ?? "")]))
        case "d": return .text(String((raw ?? "").prefix(10)))
        default:
            guard let raw, !raw.isEmpty else { return cell.child("f") != nil ? uncomputed(cell, reference) : .text("") }
            if let style = cell["s"].flatMap(Int.init), dateStyles.contains(style), let serial = Double(raw),
               let day = ExcelDate.day(serial: serial, uses1904: uses1904) {
                return .text(day)
            }
            if let style = cell["s"].flatMap(Int.init), percentStyles.contains(style), let value = Decimal(string: raw) {
                return .text(Self.plainNumber("\(value * 100)") + "%")
            }
            return .text(Self.plainNumber(raw))
        }
    }

    private func uncomputed(_ cell: XMLNode, _ reference: Message.Argument) -> CellValue {
        .problem(Message(.cellFormulaUncomputed, ["cell": reference]))
    }

    /// A number as Excel shows it, to its 15 significant digits, and as a person writes it:
    /// 12 rather than 12.0, 0.3 for the 0.30000000000000004 a sum of 0.1 and 0.2 leaves.
    static func plainNumber(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shown = String(format: "%.15g", value)
        guard shown.contains("e") else { return shown }
        return NSDecimalNumber(string: shown).stringValue
    }

    /// Shared strings: each `si` is plain (`t`) or rich text (runs `r`, each with its `t`);
    /// phonetic guides (`rPh`) are not part of the text.
    private static func strings(_ root: XMLNode) -> [String] {
        root.children("si").map(text(ofString:))
    }

    private static func text(ofString node: XMLNode) -> String {
        if let plain = node.child("t") { return plain.text }
        return node.children("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// The cell styles (indexes of cellXfs) whose number format is a built-in one `builtIn`
    /// accepts or a custom code `custom` accepts.
    private static func styles(_ root: XMLNode, where builtIn: (Int) -> Bool, _ custom: (String) -> Bool) -> Set<Int> {
        var codes: [Int: String] = [:]
        for format in root.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format["numFmtId"].flatMap(Int.init), let code = format["formatCode"] { codes[id] = code }
        }
        var styles = Set<Int>()
        for (index, style) in (root.child("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = style["numFmtId"].flatMap(Int.init) else { continue }
            if builtIn(id) || codes[id].map(custom) == true { styles.insert(index) }
        }
        return styles
    }
}
