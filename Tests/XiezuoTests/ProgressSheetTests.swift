import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoImport

/// Sheets go out to the units, come back filled, and become the same records an author would write.
@Suite struct ProgressSheetTests {
    static let site = TinySite.load()
    static let plan = site.content.plan("a-b-2022")!

    /// The sheet of 区教育局 for July, with cells filled in as the unit would.
    static func filledSheet(value: String, state: String = "已完成",
                            evidence: String = "照片：结对仪式照片；协议文本") throws -> Table {
        let sheets = ProgressSheets.export(plan, content: site.content, month: Day(year: 2022, month: 7, day: 1)!)
        let sheet = try #require(sheets.first { $0.name.contains("区教育局") })
        // Saved from Excel: cells as Excel shows them (="1-1" shows, and is saved, as 1-1).
        var rows = try Table.decode(sheet.data, file: sheet.name).rows.map { $0.cells.map(Table.clean) }
        for index in rows.indices where rows[index].first == "指标" { rows[index][7] = value }
        for index in rows.indices where rows[index].first == "任务" {
            rows[index][8] = state
            rows[index][9] = evidence
        }
        let data = CSV.make(header: rows[0], rows: Array(rows.dropFirst()))
        return try Table.decode(data, file: "filled.csv")
    }

    @Test func exportWritesOneSheetPerResponsibleUnit() throws {
        let sheets = ProgressSheets.export(Self.plan, content: Self.site.content, month: Day(year: 2022, month: 7, day: 1)!)
        #expect(sheets.map(\.name) == ["a-b-2022-2022-07-区卫健局.csv", "a-b-2022-2022-07-区教育局.csv"])
        let table = try Table.decode(sheets[1].data, file: "s.csv")
        #expect(table.rows[0].cells == ["方案", "a-b-2022", "测试方案"])
        // Codes and dates in the 编号 column are written so that Excel keeps them text.
        #expect(table.rows[2].cells.prefix(2) == ["截至日期", "=\"2022-07-31\""])
        // Its indicator, with June's 2 as the last running total, and its task, ready to fill.
        #expect(table.rows.contains { $0.cells == ["指标", "学校", "", "结对学校数", "个", "4", "2", "", "", "", ""] })
        #expect(table.rows.contains { $0.cells.prefix(2) == ["任务", "=\"1\""] })
        // Read back before Excel saved it, the code is the code.
        #expect(table.rows.contains { $0.cell(0) == "任务" && $0.cell(1) == "1" })
    }

    @Test func aFilledSheetBecomesTheRecordAnAuthorWouldWrite() throws {
        let reading = ProgressSheets.read(try Self.filledSheet(value: "3"), content: Self.site.content)
        #expect(reading.problems == [])
        let path = try #require(reading.path)
        #expect(path == "content/plans/a-b-2022/progress/2022-07-区教育局.md")
        let handWritten = """
        ---
        unit: 区教育局
        date: 2022-07-31
        values:
          - indicator: 学校
            value: 3
        tasks:
          - task: "1"
            state: done
            evidence:
              - {title: 结对仪式照片, kind: photo}
              - {title: 协议文本, kind: document}
        ---
        """
        let fromSheet = TinySite.load(replacing: [path: try #require(reading.text)])
        let byHand = TinySite.load(replacing: [path: handWritten])
        #expect(fromSheet.errors.isEmpty)
        #expect(byHand.errors.isEmpty)
        let a = try #require(fromSheet.content.plans.first?.records.first { $0.date.month == 7 })
        let b = try #require(byHand.content.plans.first?.records.first { $0.date.month == 7 })
        #expect(a.reporter == b.reporter)
        #expect(a.date == b.date)
        #expect(a.values.map(\.indicator) == b.values.map(\.indicator))
        #expect(a.values.map(\.value) == b.values.map(\.value))
        #expect(a.tasks.map(\.task) == b.tasks.map(\.task))
        #expect(a.tasks.map(\.state) == b.tasks.map(\.state))
        #expect(a.tasks.map(\.evidence) == b.tasks.map(\.evidence))
    }

    @Test(arguments: [
        ("1", "filled.csv:6: error: 累计实际数 1 is lower than the 2 reported before; the sheet asks for the running total to date, not this month's amount"),
        ("三", "filled.csv:6: error: 累计实际数: '三' is written in Chinese numerals; write the number in digits (e.g. 十二 → 12)"),
    ])
    func badValuesAreReportedWithFileAndRow(_ value: String, _ expected: String) throws {
        let reading = ProgressSheets.read(try Self.filledSheet(value: value), content: Self.site.content)
        #expect(reading.problems.map(\.description) == [expected])
        #expect(reading.text == nil)
    }

    @Test func anUnknownStateOrIndicatorIsReported() throws {
        let reading = ProgressSheets.read(try Self.filledSheet(value: "3", state: "差不多"), content: Self.site.content)
        #expect(reading.problems.map(\.description) == ["filled.csv:7: error: 任务状态 '差不多' is not one of 未开始, 推进中, 已完成"])
        let text = "方案,a-b-2022\n单位,区教育局\n截至日期,2022-07-31\n\n类型,编号,分项,名称,计量单位,目标,上次累计,累计实际数,任务状态,佐证材料,说明\n指标,学习,,,,,,3,,,\n"
        let unknown = ProgressSheets.read(try Table.parse(text, file: "u.csv"), content: Self.site.content)
        #expect(unknown.problems.map(\.description) == ["u.csv:6: error: unknown indicator '学习'; did you mean '学校'?"])
    }
}
