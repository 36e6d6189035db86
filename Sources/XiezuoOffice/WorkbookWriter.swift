import CXlsxWriter
import Foundation
import XiezuoCore

/// Writes a `Workbook` as .xlsx with libxlsxwriter. The library writes to a file, so the
/// bytes go through a temporary file that is removed at once.
public enum WorkbookWriter {
    /// `temporaryFolder`: where the workbook file and the library's own temporary files (one
    /// per part of the workbook) go; the system's temporary folder when nil. A site build gives
    /// a folder of its staging area: the files are then on the output's file system, and one
    /// left by a build cut off is removed with the staging area.
    public static func data(_ workbook: Workbook, temporaryFolder: URL? = nil) throws(OfficeProblem) -> Data {
        let folder = temporaryFolder ?? FileManager.default.temporaryDirectory
        let path = folder.appendingPathComponent("xiezuo-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        var strings = CStrings()
        defer { strings.free() }
        var options = lxw_workbook_options()
        options.tmpdir = strings.make(folder.path)
        guard let book = workbook_new_opt(path, &options) else { throw failure("workbook_new_opt") }
        var properties = lxw_doc_properties()
        properties.title = strings.make(workbook.title)
        properties.author = strings.make("xiezuo")
        properties.created = time_t(workbook.created.timeIntervalSince1970)
        workbook_set_properties(book, &properties)
        var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
            if let made = formats[style] { return made }
            guard let made = workbook_add_format(book) else { return nil }
            if style.bold { format_set_bold(made) }
            if let size = style.fontSize { format_set_font_size(made, size) }
            if let fill = style.fill {
                format_set_pattern(made, UInt8(LXW_PATTERN_SOLID.rawValue))
                format_set_bg_color(made, fill)
            }
            if let color = style.fontColor { format_set_font_color(made, color) }
            if let code = style.numberFormat { format_set_num_format(made, strings.make(code)) }
            if style.unlocked { format_set_unlocked(made) }
            if style.wrap { format_set_text_wrap(made) }
            if style.border { format_set_border(made, UInt8(LXW_BORDER_THIN.rawValue)) }
            format_set_align(made, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            if style.centred { format_set_align(made, UInt8(LXW_ALIGN_CENTER.rawValue)) }
            formats[style] = made
            return made
        }
        var used = Set<String>()
        for sheet in workbook.sheets {
            let name = sheetName(sheet.name, avoiding: used)
            used.insert(name)
            guard let page = workbook_add_worksheet(book, strings.make(name)) else { throw failure("workbook_add_worksheet") }
            for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
                worksheet_set_column(page, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
                worksheet_set_row(page, lxw_row_t(row), height, nil)
            }
            var merged = Set<Sheet.Position>()
            for range in sheet.merges {
                let cell = sheet.cells[range.first]
                let text: String
                if case .text(let value)? = cell?.value { text = value } else { text = "" }
                worksheet_merge_range(page, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                      lxw_row_t(range.last.row), lxw_col_t(range.last.column), strings.make(text),
                                      format(cell?.style ?? CellStyle()))
                merged.insert(range.first)
            }
            for (position, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) where !merged.contains(position) {
                let row = lxw_row_t(position.row), column = lxw_col_t(position.column)
                switch cell.value {
                case .text(let text): worksheet_write_string(page, row, column, strings.make(text), format(cell.style))
                case .number(let number): worksheet_write_number(page, row, column, number, format(cell.style))
                case .blank: worksheet_write_blank(page, row, column, format(cell.style))
                }
            }
            for rule in sheet.rules {
                var validation = lxw_data_validation()
                switch rule.kind {
                case .list(let choices):
                    validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                    validation.value_list = strings.list(choices)
                case .wholeNumberAtLeast(let minimum), .decimalAtLeast(let minimum):
                    if case .wholeNumberAtLeast = rule.kind {
                        validation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
                    } else {
                        validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                    }
                    validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
                    validation.value_number = minimum
                }
                validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
                validation.error_title = strings.make(rule.errorTitle)
                validation.error_message = strings.make(rule.errorMessage)
                worksheet_data_validation_range(page, lxw_row_t(rule.range.first.row), lxw_col_t(rule.range.first.column),
                                                lxw_row_t(rule.range.last.row), lxw_col_t(rule.range.last.column), &validation)
            }
            if let rows = sheet.printTitleRows { worksheet_repeat_rows(page, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)) }
            if sheet.frozenRows > 0 { worksheet_freeze_panes(page, lxw_row_t(sheet.frozenRows), 0) }
            worksheet_set_paper(page, 9)  // A4
            if sheet.landscape { worksheet_set_landscape(page) }
            worksheet_fit_to_pages(page, 1, 0)
            if let header = sheet.header {
                worksheet_set_header(page, strings.make("&C" + header.replacingOccurrences(of: "&", with: "&&")))
            }
            if sheet.protected {
                var protection = lxw_protection()
                protection.format_columns = 1
                protection.format_rows = 1
                worksheet_protect(page, nil, &protection)
            }
        }
        let closed = workbook_close(book)
        guard closed == LXW_NO_ERROR else { throw failure(String(cString: lxw_strerror(closed))) }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("no file") }
        return data
    }

    /// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique.
    static func sheetName(_ wanted: String, avoiding used: Set<String>) -> String {
        let cleaned = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        var name = cleaned.isEmpty ? "Sheet" : cleaned
        var count = 2
        while used.contains(name) {
            let suffix = "(\(count))"
            name = String(cleaned.prefix(31 - suffix.count)) + suffix
            count += 1
        }
        return name
    }

    private static func failure(_ reason: String) -> OfficeProblem {
        OfficeProblem(file: "", message: Message(.workbookNotWritten, ["reason": .text(reason)]))
    }
}

/// C strings handed to libxlsxwriter, freed together once the workbook is closed (the library
/// keeps some of the pointers until then).
private struct CStrings {
    private var owned: [UnsafeMutablePointer<CChar>] = []
    private var lists: [UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>] = []

    mutating func make(_ text: String) -> UnsafeMutablePointer<CChar> {
        let copy = strdup(text)!
        owned.append(copy)
        return copy
    }

    /// A NULL-terminated array of C strings.
    mutating func list(_ texts: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: texts.count + 1)
        for (index, text) in texts.enumerated() { array[index] = make(text) }
        array[texts.count] = nil
        lists.append(array)
        return array
    }

    func free() {
        owned.forEach { Foundation.free($0) }
        lists.forEach { $0.deallocate() }
    }
}
