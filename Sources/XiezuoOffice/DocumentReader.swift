import Foundation
import XiezuoCore

/// Reads a .docx file (Word, WPS): its paragraphs and tables in document order.
public struct DocumentReader {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A table's rows, each cell's text by the table's grid columns. A cell merged down rows
        /// (vMerge) gives its text to each row it covers: a unit named once beside its tasks is
        /// the unit of each. A cell merged across columns (gridSpan) fills its first column
        /// and leaves the others empty: a section heading across the table stays one heading.
        case table([[String]])
    }

    public let file: String
    public let blocks: [Block]

    public init(data: Data, file: String) throws(OfficeProblem) {
        self.file = file
        let archive = try OfficeArchive(data: data, file: file)
        guard archive.has("word/document.xml") else { throw OfficeProblem(file: file, message: Message(.notADocument)) }
        guard let body = try archive.xml("word/document.xml")?.child("body") else {
            throw OfficeProblem(file: file, message: Message(.notADocument))
        }
        blocks = body.children.compactMap { node -> Block? in
            switch node.name {
            case "p": return .paragraph(Self.text(of: node))
            case "tbl": return .table(Self.rows(of: node))
            default: return nil
            }
        }
    }

    public var tables: [[[String]]] {
        blocks.compactMap { if case .table(let rows) = $0 { rows } else { nil } }
    }

    public var paragraphs: [String] {
        blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
    }

    /// A paragraph's text: its runs' text, tabs and line breaks; deleted text (w:del) is not read.
    static func text(of paragraph: XMLNode) -> String {
        var text = ""
        func walk(_ node: XMLNode) {
            switch node.name {
            case "t": text += node.text
            case "tab": text += "\t"
            case "br", "cr": text += "\n"
            case "del", "delText", "instrText": return
            default: node.children.forEach(walk)
            }
        }
        walk(paragraph)
        return text
    }

    private static func rows(of table: XMLNode) -> [[String]] {
        var result: [[String]] = []
        for row in table.children("tr") {
            var cells: [String] = []
            for cell in row.children("tc") {
                let properties = cell.child("tcPr")
                // Word tables have at most 63 columns; a larger span is a damaged file, not a wide table.
                let span = min(max(1, properties?.child("gridSpan")?["val"].flatMap(Int.init) ?? 1), 63)
                let paragraphs = cell.children.flatMap { child -> [String] in
                    switch child.name {
                    case "p": return [Self.text(of: child)]
                    case "tbl": return Self.rows(of: child).map { $0.joined(separator: "\t") }
                    default: return []
                    }
                }
                var content = paragraphs.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                // vMerge without "restart" continues the cell above: its text is that cell's.
                if let merge = properties?.child("vMerge"), merge["val"] != "restart", let above = result.last,
                   cells.count < above.count {
                    content = above[cells.count]
                }
                cells += [content] + Array(repeating: "", count: span - 1)
            }
            result.append(cells)
        }
        return result
    }
}
