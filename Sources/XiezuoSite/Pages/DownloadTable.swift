import Foundation
import XiezuoCore
import XiezuoOffice

/// A table the site offers for download: as CSV, and as a sheet of the plan's workbook. Each
/// column says what it holds, so that the workbook keeps numbers as numbers and codes as text,
/// and colours a status cell with its light.
struct DownloadTable {
    enum Kind {
        /// Text as written.
        case text
        /// A code Excel must not read as a number or a date (1-1): text in both forms.
        case code
        /// A date, YYYY-MM-DD: as written in CSV, text in the workbook.
        case date
        /// A number as `Display` writes it (1,400.5 or 50).
        case number
        /// A percentage as `Display.percent` writes it (75.0%).
        case percent
        /// A light's name; the row's status colours it.
        case status
    }

    let sheetName: String
    let header: [String]
    let kinds: [Kind]
    let rows: [[String]]
    /// Each row's light, for its status column.
    let statuses: [PaceStatus?]

    var csv: Data {
        CSV.make(header: header, rows: rows, text: Set(kinds.indices.filter { kinds[$0] == .code }))
    }

    /// The lights as supervision offices colour them: red overdue, yellow behind, blue deadline
    /// near, green done; the light tints of the site's own colours, so that text stays legible.
    static func fill(_ status: PaceStatus) -> UInt32? {
        switch status {
        case .overdue: return 0xF6C9C4
        case .behind, .notReported: return 0xFBE7A6
        case .deadlineNear: return 0xC8DBF6
        case .done: return 0xC4E6CC
        default: return nil
        }
    }

    /// The table as a sheet: a title with the as-of date, the header, then the rows.
    func sheet(title: String) -> Sheet {
        var page = Sheet(name: sheetName)
        // Room for every cell at once: the table grew and was rehashed a dozen times a sheet.
        page.cells.reserveCapacity(1 + header.count + rows.reduce(0) { $0 + $1.count })
        var heading = CellStyle()
        heading.bold = true
        heading.fontSize = 13
        page[0, 0] = .text(title, heading)
        for (column, name) in header.enumerated() { page[2, column] = .text(name, .columnHeader) }
        var body = CellStyle()
        body.border = true
        for (index, row) in rows.enumerated() {
            for (column, text) in row.enumerated() {
                var style = body
                let value: Cell.Value
                switch kinds[column] {
                case .number:
                    // Byte searches: Foundation's string search here was 0.3 % of a site build.
                    if let number = Double(text.utf8.contains(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: "") : text) {
                        value = .number(number)
                        style.numberFormat = text.utf8.contains(UInt8(ascii: ".")) ? "#,##0." + String(repeating: "0", count: text.split(separator: ".").last?.count ?? 0) : "#,##0"
                    } else {
                        value = .text(text)
                    }
                case .percent:
                    if text.hasSuffix("%"), let number = Double(text.dropLast()) {
                        value = .number(number / 100)
                        style.numberFormat = "0.0%"
                    } else {
                        value = .text(text)
                    }
                case .status:
                    value = .text(text)
                    style.fill = statuses[index].flatMap(Self.fill)
                case .text, .code, .date:
                    value = .text(text)
                }
                page[3 + index, column] = Cell(value, style)
            }
        }
        for (column, kind) in kinds.enumerated() {
            let texts: [String] = [header[column]] + rows.map { $0[column] }
            let longest: Int = texts.map(Sheet.width(of:)).max() ?? 8
            page.columnWidths[column] = kind == .text ? Double(min(max(longest, 8), 50)) : Double(min(max(longest, 6), 16) + 1)
        }
        page.printTitleRows = 2...2
        page.frozenRows = 3
        page.landscape = true
        page.header = title
        return page
    }
}
