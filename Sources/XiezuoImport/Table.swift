import CSV
import Foundation
import XiezuoCore

/// A table as officials have it: pasted from Word or Excel (TSV) or saved from Excel (CSV),
/// in UTF-8 with or without a byte order mark, or GB18030 as older Chinese Excel writes it.
public struct Table: Sendable {
    public struct Row: Sendable {
        /// 1-based, as a spreadsheet numbers it.
        public let number: Int
        public let cells: [String]

        public func cell(_ index: Int?) -> String {
            guard let index, index < cells.count else { return "" }
            return Table.clean(cells[index])
        }

        public var isEmpty: Bool { cells.allSatisfy { Table.clean($0).isEmpty } }

        /// A section heading across the row (一、组织领导): the row's only text, in whichever
        /// column a merged cell left it (Word puts a heading merged across the table in the
        /// first column).
        var heading: String? {
            let texts = cells.map(Table.clean).filter { !$0.isEmpty }
            guard texts.count == 1, let text = texts.first,
                  text.range(of: "^[一二三四五六七八九十]+、.", options: .regularExpression) != nil else { return nil }
            return text
        }
    }

    public let file: String
    public let rows: [Row]

    public enum Problem: Error, CustomStringConvertible {
        case encoding(String)
        case syntax(String, String)
        case unclosedQuote(String, line: Int)

        /// As the command line prints it: the file (and line), then what to do.
        public func line(in language: Language) -> String {
            switch self {
            case .encoding(let file): return "\(file): " + Message(.tableEncoding).text(in: language)
            case .syntax(let file, let reason): return "\(file): " + Message(.tableSyntax, ["reason": .text(reason)]).text(in: language)
            case .unclosedQuote(let file, let line):
                return RowProblem(file: file, row: line, message: Message(.tableUnclosedQuote)).line(in: language)
            }
        }

        public var description: String { line(in: .english) }
    }

    /// GB18030, as Foundation names it (kCFStringEncodingGB_18030_2000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data, file: String) throws -> Table {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: gb18030) else {
            throw Problem.encoding(file)
        }
        return try parse(text, file: file)
    }

    /// Tab-separated when the first line holds a tab, comma-separated otherwise.
    public static func parse(_ text: String, file: String) throws -> Table {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let firstLine = unified.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        let delimiter: UnicodeScalar = firstLine.contains("\t") ? "\t" : ","
        if let line = unclosedQuote(in: unified, delimiter: delimiter) { throw Problem.unclosedQuote(file, line: line) }
        do {
            let reader = try CSVReader(string: unified, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
            var rows: [Row] = []
            var number = 0
            while let cells = reader.next() {
                number += 1
                rows.append(Row(number: number, cells: cells))
            }
            return Table(file: file, rows: rows)
        } catch {
            throw Problem.syntax(file, "\(error)")
        }
    }

    /// The line where a quoted cell opens and never closes: the CSV reader would read every row
    /// after it into that one cell (27 rows became 12 tasks). Quotes count as they do in CSV: a
    /// cell that starts with `"` runs to the next `"` not doubled.
    static func unclosedQuote(in text: String, delimiter: UnicodeScalar) -> Int? {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), separator = UInt8(delimiter.value)
        var line = 1, opened = 0
        var atCellStart = true, quoted = false
        var bytes = text.utf8.makeIterator()
        var pending: UInt8?
        while let byte = pending ?? bytes.next() {
            pending = nil
            if quoted {
                if byte == quote {
                    let next = bytes.next()
                    if next == quote { continue }  // "" inside a quoted cell
                    quoted = false
                    pending = next
                    continue
                }
                if byte == newline { line += 1 }
                continue
            }
            if byte == quote && atCellStart {
                quoted = true
                opened = line
                atCellStart = false
                continue
            }
            if byte == newline { line += 1 }
            atCellStart = byte == separator || byte == newline
        }
        return quoted ? opened : nil
    }

    /// A cell as written, without HTML left by a converter (<b>…</b>), surrounding spaces or
    /// line breaks inside a merged cell.
    static func clean(_ text: String) -> String {
        let cleaned = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\n", with: "")
            .trimmingCharacters(in: .whitespaces)
        // ="1-1": a code written so that Excel keeps it text (CSV.textField), read before Excel saved it.
        if cleaned.hasPrefix("=\""), cleaned.hasSuffix("\""), cleaned.count >= 3 {
            return String(cleaned.dropFirst(2).dropLast())
        }
        return cleaned
    }
}

/// A problem with one row of an imported table, reported with its row number.
public struct RowProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let row: Int
    public let message: Message

    /// `file:row: 错误：message`, the row as the spreadsheet numbers it.
    public func line(in language: Language) -> String {
        Diagnostic.line(at: "\(file):\(row)", .error, message, in: language)
    }

    public var description: String { line(in: .english) }

    public init(file: String, row: Int, message: Message) {
        self.file = file
        self.row = row
        self.message = message
    }
}

extension Array where Element == RowProblem {
    /// A problem of a table's row, as the table readers report them.
    mutating func add(_ row: Table.Row, of table: Table, _ message: Message) {
        append(RowProblem(file: table.file, row: row.number, message: message))
    }
}

/// Finds columns by their header names, in any order.
struct Columns {
    let index: [String: Int]
    let header: [String]
    /// Columns no field claims: kept as notes, never dropped.
    let extra: [(name: String, index: Int)]

    /// Where a plan table's wording goes: its 备注 column, which the table may not have yet
    /// (any column no field claims is kept as the row's note).
    var noteColumn: NumberReading.Problem.Place {
        .cell(noteColumn: "备注", present: header.contains("备注"))
    }

    /// `fields` maps a field to the header names that stand for it.
    init?(header row: Table.Row, fields: [String: [String]]) {
        let names = row.cells.map(Table.clean)
        var index: [String: Int] = [:]
        for (field, aliases) in fields {
            if let column = names.firstIndex(where: { aliases.contains($0) }) { index[field] = column }
        }
        guard index.count >= 2 else { return nil }
        self.index = index
        header = names
        let claimed = Set(index.values)
        extra = names.enumerated().filter { !claimed.contains($0.offset) && !$0.element.isEmpty }
            .map { (name: $0.element, index: $0.offset) }
    }

    func isHeader(_ row: Table.Row) -> Bool { row.cells.map(Table.clean) == header }

    /// "列名：值" for every unclaimed column with a value.
    func note(_ row: Table.Row) -> String? {
        let parts = extra.compactMap { column -> String? in
            let value = row.cell(column.index)
            return value.isEmpty ? nil : "\(column.name)：\(value)"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "；")
    }
}
