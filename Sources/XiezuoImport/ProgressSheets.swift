import Foundation
import XiezuoCore

/// Monthly progress sheets: one per responsible unit listing its indicators and tasks with
/// empty columns to fill in (`xiezuo export sheets`: an Excel workbook, ProgressWorkbook, or
/// CSV), and the filled sheets read back into progress records (`xiezuo import progress`).
///
/// A sheet: three rows naming the plan, the unit and the date, a blank row, then a table (the
/// workbook puts a title and the due date above them).
///
///     方案,rushan-shizhong-2022,威海市乳山市—枣庄市市中区 2022 年协作帮扶工作方案
///     单位,组织部
///     截至日期,2022-09-30
///
///     类型,编号,分项,名称,计量单位,目标,上次累计,累计实际数,任务状态,佐证材料,说明
///     指标,挂职人员,,选派挂职锻炼人员,人,5,3,,,,
///     任务,2-1,,继续开展两地党政干部挂职交流……,,,,,,,
public enum ProgressSheets {
    static let header = ["类型", "编号", "分项", "名称", "计量单位", "目标", "上次累计", "累计实际数", "任务状态", "佐证材料", "说明"]
    static let states: [(String, TaskState)] = [("未开始", .notStarted), ("推进中", .inProgress), ("已完成", .done),
                                                ("not-started", .notStarted), ("in-progress", .inProgress), ("done", .done)]
    static let evidenceKinds: [(String, Evidence.Kind)] = [("文件", .document), ("照片", .photo), ("新闻报道", .news),
                                                           ("报道", .news), ("名单", .list), ("其他", .other)]

    /// One sheet per unit that owns something in the plan, for the month ending `date`.
    public static func export(_ plan: Plan, content: Content, month: Day) -> [ProgressSheet] {
        let date = Day.lastOfMonth(year: month.year, month: month.month)
        let directory = content.units
        var owners = Set(plan.allTasks.flatMap { directory.units(ofTask: $0.id, in: plan.id) })
        owners.formUnion(plan.indicators.flatMap { directory.units(ofIndicator: $0.id, in: plan.id) })
        if owners.isEmpty, let coordinator = directory.coordinators[plan.id] { owners.insert(coordinator) }
        let region = content.ownerRegion(of: plan)
        return owners.sorted().map { unit in
            let name = region?.units.first { $0.id == unit }?.name ?? unit.name
            let mine = { (ids: [UnitID]) in ids.contains(unit) || (ids.isEmpty && directory.coordinators[plan.id] == unit) }
            var lines: [ProgressSheet.Line] = []
            for indicator in plan.indicators where mine(directory.units(ofIndicator: indicator.id, in: plan.id)) {
                let last = lastValues(plan, unit: unit, indicator: indicator.id, before: date)
                if case .eachAtLeast(_, let items) = indicator.target {
                    for item in items {
                        lines.append(.indicator(indicator, item: item, last: last.items[item]))
                    }
                } else {
                    lines.append(.indicator(indicator, item: nil, last: last.value))
                }
            }
            for task in plan.allTasks where mine(directory.units(ofTask: task.id, in: plan.id)) {
                lines.append(.task(task))
            }
            let due = plan.reporting.flatMap { reporting in
                Day(year: date.year + (date.month == 12 ? 1 : 0), month: date.month % 12 + 1, day: reporting.dueDay)
            }
            return ProgressSheet(planID: plan.id, planTitle: plan.title, unit: name, date: date, due: due, lines: lines)
        }
    }

    /// The unit's latest reported value (and items) before `date`.
    static func lastValues(_ plan: Plan, unit: UnitID, indicator: String, before date: Day)
        -> (value: Decimal?, items: [String: Decimal]) {
        let latest = plan.records.filter { $0.reporter == unit && $0.date < date }
            .compactMap { record in record.values.first { $0.indicator == indicator } }.last
        return (latest?.value, latest?.items ?? [:])
    }

    /// A filled sheet read back: the record's file and text, or the rows that cannot be accepted.
    public struct Reading: Sendable {
        public let path: String?
        public let text: String?
        public let problems: [RowProblem]
    }

    public static func read(_ table: Table, content: Content) -> Reading {
        var problems: [RowProblem] = []
        func fail(_ row: Int, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            problems.append(RowProblem(file: table.file, row: row, message: Message(key, arguments)))
        }
        func field(_ label: String) -> (row: Int, value: String)? {
            table.rows.first { $0.cell(0) == label }.map { ($0.number, $0.cell(1)) }
        }
        guard let planRow = field("方案"), let plan = content.plan(planRow.value) else {
            fail(field("方案")?.row ?? 1, .sheetWithoutPlan)
            return Reading(path: nil, text: nil, problems: problems)
        }
        guard let unitRow = field("单位"), let region = content.ownerRegion(of: plan),
              let unit = region.unit(named: unitRow.value) else {
            let name = field("单位")?.value ?? ""
            fail(field("单位")?.row ?? 2, .unknownSheetUnit, ["name": .text(name),
                 "suggestion": Suggestion.didYouMean(name, among: content.ownerRegion(of: plan)?.unitNames ?? [])])
            return Reading(path: nil, text: nil, problems: problems)
        }
        guard let dateRow = field("截至日期"), let date = try? DateReading.read(dateRow.value, year: plan.year).get(),
              date.year == plan.year else {
            fail(field("截至日期")?.row ?? 3, .sheetDate, ["year": "\(plan.year)"])
            return Reading(path: nil, text: nil, problems: problems)
        }
        guard let headerRow = table.rows.first(where: { $0.cell(0) == "类型" }) else {
            fail(1, .sheetWithoutHeader)
            return Reading(path: nil, text: nil, problems: problems)
        }
        let column = Dictionary(uniqueKeysWithValues: headerRow.cells.enumerated().map { (Table.clean($0.element), $0.offset) })
        var values: [(id: String, value: Decimal?, items: [(String, Decimal)])] = []
        var tasks: [(id: String, state: TaskState, evidence: [Evidence])] = []
        var notes: [String] = []
        for row in table.rows where row.number > headerRow.number && !row.isEmpty {
            let kind = row.cell(column["类型"])
            let id = row.cell(column["编号"])
            let note = row.cell(column["说明"])
            if !note.isEmpty { notes.append(kind == "任务" || kind == "指标" ? "\(kind) \(id)：\(note)" : note) }
            switch kind {
            case "指标":
                let text = row.cell(column["累计实际数"])
                guard !text.isEmpty else { continue }
                guard let indicator = plan.indicator(id) else {
                    fail(row.number, .unknownIndicator, ["id": .text(id), "suggestion": Suggestion.didYouMean(id, among: plan.indicators.map(\.id))])
                    continue
                }
                let value: Decimal
                switch NumberReading.amount(text, in: indicator.unit) {
                case .success(let amount): value = amount
                case .failure(let problem):
                    fail(row.number, .cellProblem, ["column": "累计实际数",
                                                    "problem": .message(problem.message(for: text, in: .cell(noteColumn: "说明")))])
                    continue
                }
                let item = row.cell(column["分项"])
                let last = lastValues(plan, unit: unit.id, indicator: id, before: date)
                let previous = item.isEmpty ? last.value : last.items[item]
                if let previous, value < previous {
                    fail(row.number, .sheetValueDecreased, ["value": .text(value.plainString), "previous": .text(previous.plainString)])
                    continue
                }
                if item.isEmpty {
                    values.append((id, value, []))
                } else if let index = values.firstIndex(where: { $0.id == id }) {
                    values[index].items.append((item, value))
                } else {
                    values.append((id, nil, [(item, value)]))
                }
            case "任务":
                let stateText = row.cell(column["任务状态"])
                guard !stateText.isEmpty else { continue }
                guard plan.task(id) != nil else {
                    fail(row.number, .unknownTask, ["id": .text(id), "suggestion": Suggestion.didYouMean(id, among: plan.allTasks.map(\.id))])
                    continue
                }
                guard let state = states.first(where: { $0.0 == stateText })?.1 else {
                    fail(row.number, .notATaskState, ["text": .text(stateText)])
                    continue
                }
                tasks.append((id, state, evidence(row.cell(column["佐证材料"]))))
            case "":
                continue
            default:
                fail(row.number, .notARowKind, ["text": .text(kind)])
            }
        }
        guard problems.isEmpty else { return Reading(path: nil, text: nil, problems: problems) }
        let path = "content/plans/\(plan.id)/progress/\(date.monthKey)-\(Slug.make(unit.name)).md"
        return Reading(path: path, text: recordText(unit: unit.name, date: date, values: values, tasks: tasks,
                                                    note: notes.joined(separator: "\n\n")),
                       problems: [])
    }

    /// "照片：活动照片；文件：通知" → a photo and a document.
    static func evidence(_ cell: String) -> [Evidence] {
        cell.split(whereSeparator: { $0 == "；" || $0 == ";" || $0 == "\n" }).compactMap { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            for (label, kind) in evidenceKinds {
                for separator in ["：", ":"] where text.hasPrefix(label + separator) {
                    return Evidence(title: String(text.dropFirst(label.count + 1)), kind: kind, file: nil)
                }
            }
            return Evidence(title: text, kind: .document, file: nil)
        }
    }

    static func recordText(unit: String, date: Day, values: [(id: String, value: Decimal?, items: [(String, Decimal)])],
                           tasks: [(id: String, state: TaskState, evidence: [Evidence])], note: String) -> String {
        let c = ContentYAML.self
        let front = c.mapping([
            ("unit", c.scalar(unit)),
            ("date", c.scalar(date.description)),
            ("values", values.isEmpty ? nil : .init(values.map { entry in
                c.mapping([("indicator", c.scalar(entry.id)),
                           ("value", entry.value.map { c.scalar($0.plainString) }),
                           ("items", entry.items.isEmpty ? nil : c.mapping(entry.items.map { ($0.0, c.scalar($0.1.plainString)) }))])
            })),
            ("tasks", tasks.isEmpty ? nil : .init(tasks.map { task in
                c.mapping([("task", c.scalar(task.id)), ("state", c.scalar(task.state.rawValue)),
                           ("evidence", task.evidence.isEmpty ? nil : .init(task.evidence.map { item in
                               c.mapping([("title", c.scalar(item.title)), ("kind", c.scalar(item.kind.rawValue))])
                           }))])
            })),
        ])
        return c.text(front, header: "---\n# Imported by xiezuo import progress from a filled progress sheet.\n") + "---\n" + note
            + (note.isEmpty ? "" : "\n")
    }
}
