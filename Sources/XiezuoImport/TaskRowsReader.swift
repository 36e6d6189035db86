import Foundation
import XiezuoCore

/// The other common task list: one row per task, numbered in 序号, its responsible units
/// (one or several: 区教育局、区卫健局) in 责任单位, with no 列项 column. A row whose 序号 is a
/// Chinese numeral (一, 二、) and whose other cells are empty starts a section titled by its
/// text; a 责任单位 left empty is the one above (a merged cell).
struct TaskRowsReader {
    let table: Table
    let columns: Columns
    let region: Region
    let year: Int?

    func read(after headerRow: Int, problems: inout [RowProblem]) -> [Section] {
        var sections: [GatheredSection] = []
        var ids = Set<String>()
        var units: [String] = []
        func fail(_ row: Table.Row, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            problems.add(row, of: table, Message(key, arguments))
        }
        for row in TaskCells.rows(of: table, after: headerRow, columns: columns) {
            let here = SourceLocation(file: table.file, line: row.number)
            let number = row.cell(columns.index["number"]).trimmingCharacters(in: CharacterSet(charactersIn: ".．、 "))
            let text = row.cell(columns.index["text"])
            let rest = [columns.index["unit"], columns.index["points"], columns.index["requirement"], columns.index["deadline"]]
                .map { row.cell($0) }
            if let heading = row.heading, let mark = heading.firstIndex(of: "、") {
                sections.append(GatheredSection(number: String(heading[...mark]), title: String(heading[heading.index(after: mark)...]),
                                                location: here))
                continue
            }
            if number.range(of: "^[一二三四五六七八九十]+$", options: .regularExpression) != nil, rest.allSatisfy(\.isEmpty) {
                sections.append(GatheredSection(number: number + "、", title: text, location: here))
                continue
            }
            if sections.isEmpty { sections.append(GatheredSection(number: nil, title: "工作任务", location: here)) }
            guard !number.isEmpty else { fail(row, .emptyTaskNumber); continue }
            guard !text.isEmpty else { fail(row, .emptyColumn, ["column": "任务内容"]); continue }
            let id = NumberReading.normalise(number)
            guard ids.insert(id).inserted else { fail(row, .secondTaskNumbered, ["id": .text(id)]); continue }
            let unitCell = row.cell(columns.index["unit"])
            if !unitCell.isEmpty {
                units = unitCell.split(whereSeparator: { " 、，,；;\u{3000}".contains($0) }).map(String.init)
            }
            guard !units.isEmpty else { fail(row, .noUnitAbove); continue }
            var references: [UnitReference] = []
            var notes: [String] = []
            // Every problem of the row at once: each unknown unit, then 分值 and 完成时限.
            var rowProblems: [Message] = []
            for written in units {
                guard let resolved = PlanTableImporter.resolve(written, in: region) else {
                    rowProblems.append(PlanTableImporter.unknownUnit(written, in: region))
                    continue
                }
                references.append(UnitReference(text: resolved.name, location: here))
                if let note = resolved.note { notes.append(note) }
            }
            let (points, deadline, cellProblems) = TaskCells(columns: columns, year: year).pointsAndDeadline(row)
            rowProblems += cellProblems
            guard rowProblems.isEmpty else {
                for message in rowProblems { problems.add(row, of: table, message) }
                continue
            }
            let note = (notes + [columns.note(row)].compactMap { $0 }).joined(separator: "；")
            sections[sections.count - 1].tasks.append(PlanTask(
                id: id, number: number, title: nil, text: text, units: references, points: points,
                requirement: row.cell(columns.index["requirement"]).nilIfEmpty, deadline: deadline, funding: [],
                note: note.nilIfEmpty, location: here))
        }
        return GatheredSection.sections(sections)
    }
}
