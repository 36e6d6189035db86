import Foundation
import XiezuoCore

/// 003's shape: section rows (一、组织领导), a responsible unit that spans several rows, `-`
/// targets, a 只作统计，不作考核 cell spanning rows, unnumbered sub-rows (续建产业园区数), and
/// numbers with units or words around them. The number is the 序号 column's when the table has
/// one, else the start of the name (5.帮助…).
struct IndicatorTableReader {
    let table: Table
    let columns: Columns
    let region: Region

    func read(after headerRow: Int, problems: inout [RowProblem]) -> [Indicator] {
        var indicators: [Indicator] = []
        var group: String?
        var units: [String] = []
        var statisticsOnly = false
        var lastNumbered: String?
        var ids = Set<String>()
        func fail(_ row: Table.Row, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            problems.add(row, of: table, Message(key, arguments))
        }
        for row in table.rows where row.number > headerRow && !row.isEmpty && !columns.isHeader(row) {
            let here = SourceLocation(file: table.file, line: row.number)
            let nameCell = row.cell(columns.index["name"])
            let numberCell = row.cell(columns.index["number"]).trimmingCharacters(in: CharacterSet(charactersIn: ".．、 "))
            let others = [columns.index["measure"], columns.index["target"], columns.index["units"]].map { row.cell($0) }
            if others.allSatisfy(\.isEmpty) {
                // A section row: 一、组织领导 in the name (or in 序号, merged across the row), or 一
                // in 序号 and 组织领导 in the name.
                if let heading = row.heading {
                    group = heading
                    continue
                }
                if numberCell.range(of: "^[一二三四五六七八九十]+$", options: .regularExpression) != nil {
                    group = numberCell + "、" + nameCell
                    continue
                }
            }
            guard !nameCell.isEmpty else { fail(row, .emptyColumn, ["column": "指标名称"]); continue }
            // "5.帮助…" → id 5; an unnumbered row follows the numbered one above it: 19续.
            var id: String
            var name = nameCell
            if !numberCell.isEmpty {
                id = NumberReading.normalise(numberCell)
                // A number written in the name as well is the same number, not part of the name.
                if let match = nameCell.range(of: "^[0-9０-９]+[.．、]\\s*", options: .regularExpression) {
                    name = String(nameCell[match.upperBound...])
                }
                lastNumbered = id
            } else if let match = nameCell.range(of: "^[0-9０-９]+[.．、]\\s*", options: .regularExpression) {
                id = NumberReading.normalise(String(nameCell[match]).trimmingCharacters(in: CharacterSet(charactersIn: ".．、 ")))
                name = String(nameCell[match.upperBound...])
                lastNumbered = id
            } else if let previous = lastNumbered {
                id = previous + "续"
                var count = 2
                while ids.contains(id) { id = previous + "续\(count)"; count += 1 }
            } else {
                fail(row, columns.index["number"] == nil ? .firstIndicatorUnnumbered : .firstIndicatorNoNumber); continue
            }
            guard ids.insert(id).inserted else { fail(row, .secondIndicatorNumbered, ["id": .text(id)]); continue }

            let symbol = row.cell(columns.index["measure"])
            guard let unit = MeasureUnit.named(symbol) else {
                fail(row, .unknownStandardUnit, ["unit": .text(symbol), "suggestion": Suggestion.didYouMean(symbol, among: MeasureUnit.known.map(\.symbol))])
                continue
            }
            let targetCell = row.cell(columns.index["target"]).replacingOccurrences(of: " ", with: "")
            var note: String?
            let target: Indicator.Target
            if targetCell.contains("只作统计") {
                statisticsOnly = true
                target = .none
                note = "目标任务栏原文“\(targetCell)”。"
            } else if targetCell.isEmpty && statisticsOnly {
                target = .none
                note = "目标任务栏与上一行合并：只作统计，不作考核。"
            } else {
                statisticsOnly = false
                switch TargetText.read(targetCell, unit: unit, notes: columns.noteColumn) {
                case .target(let value): target = value
                case .problem(let message): fail(row, .cellProblem, ["column": "目标任务", "problem": .message(message)]); continue
                }
            }
            let unitsCell = row.cell(columns.index["units"])
            if !unitsCell.isEmpty {
                units = unitsCell.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" || $0 == "," || $0 == "\u{3000}" })
                    .map(String.init)
            }
            guard !units.isEmpty else { fail(row, .noUnitAbove); continue }
            var references: [UnitReference] = []
            var unknown: String?
            for written in units {
                guard let resolved = PlanTableImporter.resolve(written, in: region) else { unknown = written; break }
                references.append(UnitReference(text: resolved.name, location: here))
                if let unitNote = resolved.note { note = [note, unitNote].compactMap { $0 }.joined() }
            }
            if let unknown { problems.add(row, of: table, PlanTableImporter.unknownUnit(unknown, in: region)); continue }
            let partOf = name.hasPrefix("其中") ? indicators.last(where: { !$0.id.hasSuffix("续") && $0.id != id })?.id : nil
            note = [note, columns.note(row)].compactMap { $0 }.joined(separator: "；").nilIfEmpty
            indicators.append(Indicator(
                id: id, name: name, unit: unit, target: target,
                counting: name.contains("含存量") ? .runningTotal : .new, stock: nil,
                scored: !(targetCell.contains("只作统计") || (targetCell.isEmpty && statisticsOnly)),
                partOf: partOf, split: [], tasks: [], units: references, standard: nil, group: group, note: note,
                location: here))
        }
        return indicators
    }
}

/// A target cell as people write it: "1400", "1400人", "0.3亿元", "-", "不少于5", "15期以上", "不超过3".
enum TargetText {
    static let none: Set<String> = ["-", "－", "—", "——", "/", "无"]

    enum Reading {
        case target(Indicator.Target)
        case problem(Message)
    }

    static func read(_ text: String, unit: MeasureUnit, notes: NumberReading.Problem.Place = .cell(noteColumn: "备注")) -> Reading {
        if none.contains(text) { return .target(Indicator.Target.none) }
        var body = text
        var comparator = "at-least"
        for (words, kind) in [(["不少于", "不低于", "至少", "以上"], "at-least"), (["不超过", "不高于", "以内", "以下"], "at-most")] {
            for word in words where body.contains(word) {
                body = body.replacingOccurrences(of: word, with: "")
                comparator = kind
            }
        }
        switch NumberReading.amount(body, in: unit) {
        case .success(let value): return .target(comparator == "at-most" ? .atMost(value) : .atLeast(value))
        case .failure(let problem): return .problem(problem.message(for: text, in: notes))
        }
    }
}
