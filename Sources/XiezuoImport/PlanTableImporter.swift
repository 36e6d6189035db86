import Foundation
import XiezuoCore

/// Reads a plan table into sections of tasks (the shape of 000's 工作清单) or groups of
/// indicators (the shape of 003's 指标分解表), whichever its header row says it is.
/// Every row it cannot map is reported with its number and why; nothing is guessed.
public struct PlanTableImporter {
    public enum Result: Sendable {
        case tasks([Section])
        case indicators([Indicator])
    }

    /// Unit names are checked against the region whose units own the plan.
    let region: Region
    /// The plan's year, for deadlines written without one (11月底前, 年底).
    let year: Int?

    public init(region: Region, year: Int? = nil) {
        self.region = region
        self.year = year
    }

    static let taskFields: [String: [String]] = [
        "number": ["序号"], "unit": ["责任单位", "牵头单位"], "item": ["列项", "项目"],
        "text": ["任务内容", "工作任务", "任务"], "points": ["分值", "分数"], "requirement": ["考核要求", "考核标准"],
        "deadline": ["完成时限", "时限", "期限"],
    ]
    static let indicatorFields: [String: [String]] = [
        "number": ["序号", "编号"], "name": ["指标名称", "指标"], "measure": ["单位", "计量单位"],
        "target": ["目标任务", "目标", "目标值"],
        "units": ["责任单位"],
    ]

    /// The row a task list's or an indicator table's header is on, if the table has one.
    static func headerRow(of table: Table) -> Table.Row? {
        table.rows.first { row in
            !row.isEmpty && (Columns(header: row, fields: taskFields).map { $0.index["text"] != nil } == true
                             || Columns(header: row, fields: indicatorFields).map { $0.index["name"] != nil } == true)
        }
    }

    /// Which layout the table is read in, and what in its header says so: said beside the rows
    /// that cannot be read, so that a clerk knows which rule a message applies.
    public static func layout(of table: Table) -> Message? {
        guard let row = headerRow(of: table) else { return nil }
        let number: Message.Argument = "\(row.number)"
        if let columns = Columns(header: row, fields: taskFields), columns.index["text"] != nil {
            return Message(columns.index["item"] != nil ? .layoutByUnit : .layoutByRow, ["row": number])
        }
        return Message(.layoutIndicators, ["row": number])
    }

    public func read(_ table: Table) -> (Result?, [RowProblem]) {
        var problems: [RowProblem] = []
        for row in table.rows where !row.isEmpty {
            if let columns = Columns(header: row, fields: Self.taskFields), columns.index["text"] != nil {
                // With 列项: rows grouped by unit (000). Without: a row per task, numbered in 序号.
                let sections = columns.index["item"] != nil
                    ? TaskListReader(table: table, columns: columns, region: region, year: year).read(after: row.number, problems: &problems)
                    : TaskRowsReader(table: table, columns: columns, region: region, year: year).read(after: row.number, problems: &problems)
                return (.tasks(sections), problems)
            }
            if let columns = Columns(header: row, fields: Self.indicatorFields), columns.index["name"] != nil {
                return (.indicators(IndicatorTableReader(table: table, columns: columns, region: region)
                    .read(after: row.number, problems: &problems)), problems)
            }
        }
        problems.append(RowProblem(file: table.file, row: 1, message: Message(.noHeaderRow)))
        return (nil, problems)
    }

    /// Looks a unit up in the region; "区慈善总会等" is read as 区慈善总会 with a note.
    static func resolve(_ name: String, in region: Region) -> (name: String, note: String?)? {
        if region.unit(named: name) != nil { return (name, nil) }
        if name.hasSuffix("等"), region.unit(named: String(name.dropLast())) != nil {
            return (String(name.dropLast()), "责任单位原文作“\(name)”。")
        }
        return nil
    }

    static func unknownUnit(_ name: String, in region: Region) -> Message {
        Message(.unknownUnitInTable, ["name": .text(name), "suggestion": Suggestion.didYouMean(name, among: region.unitNames),
                                      "file": "content/regions/\(region.id).yaml"])
    }
}

/// 000's shape: a unit's name stands on its first row (merged cells: copied out of Word, the
/// rows below are blank; read from .docx or .xlsx, each row repeats it), the header row
/// repeats at each page break, and each row is one 列项 (task).
struct TaskListReader {
    let table: Table
    let columns: Columns
    let region: Region
    let year: Int?

    func read(after headerRow: Int, problems: inout [RowProblem]) -> [Section] {
        var sections: [GatheredSection] = []
        var ids = Set<String>()
        var found: [RowProblem] = []
        func fail(_ row: Table.Row, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            found.add(row, of: table, Message(key, arguments))
        }
        for row in TaskCells.rows(of: table, after: headerRow, columns: columns) {
            let here = SourceLocation(file: table.file, line: row.number)
            let number = row.cell(columns.index["number"])
            let unit = row.cell(columns.index["unit"])
            let continues = sections.last.map { $0.number == number.nilIfEmpty && $0.title == unit } ?? false
            if (!number.isEmpty || !unit.isEmpty) && !continues {
                guard !unit.isEmpty else {
                    fail(row, .unitRowWithoutUnit, ["number": .text(number)]); continue
                }
                sections.append(GatheredSection(number: number.nilIfEmpty, title: unit, location: here))
            }
            guard let section = sections.last else {
                fail(row, .noUnitRowAbove)
                continue
            }
            let item = row.cell(columns.index["item"])
            let text = row.cell(columns.index["text"])
            guard !text.isEmpty else { fail(row, .emptyColumn, ["column": "任务内容"]); continue }
            guard !item.isEmpty else { fail(row, .emptyItemNumber); continue }
            // Every problem of the row at once: 分值 and 完成时限, then the unit.
            var (points, deadline, rowProblems) = TaskCells(columns: columns, year: year).pointsAndDeadline(row)
            let resolved = PlanTableImporter.resolve(section.title, in: region)
            if resolved == nil { rowProblems.append(PlanTableImporter.unknownUnit(section.title, in: region)) }
            guard rowProblems.isEmpty, let resolved else {
                for message in rowProblems { found.add(row, of: table, message) }
                continue
            }
            let id = "\(section.number ?? "\(sections.count)")-\(item)"
            guard ids.insert(id).inserted else {
                fail(row, .repeatedItemNumber, ["id": .text(id), "item": .text(item)]); continue
            }
            let note = [resolved.note, columns.note(row)].compactMap { $0 }.joined(separator: "；")
            sections[sections.count - 1].tasks.append(PlanTask(
                id: id, number: item, title: nil, text: text, units: [UnitReference(text: resolved.name, location: here)],
                points: points, requirement: row.cell(columns.index["requirement"]).nilIfEmpty, deadline: deadline,
                funding: [], note: note.nilIfEmpty, location: here))
        }
        problems += found
        return GatheredSection.sections(sections)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
