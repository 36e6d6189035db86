import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoImport
import XiezuoOffice

/// Sheets go out to the units, come back filled, and become the same records an author would write.
@Suite struct ProgressSheetTests {
    static let site = TinySite.load()
    static let plan = site.content.plan("a-b-2022")!

    /// The sheet of 区教育局 for July, with cells filled in as the unit would.
    static func filledSheet(value: String, state: String = "已完成",
                            evidence: String = "照片：结对仪式照片；协议文本") throws -> Table {
        let sheets = ProgressSheets.export(plan, content: site.content, month: Day(year: 2022, month: 7, day: 1)!)
        let sheet = try #require(sheets.first { $0.unit == "区教育局" })
        // Saved from Excel: cells as Excel shows them (="1-1" shows, and is saved, as 1-1).
        var rows = try Table.decode(sheet.csv, file: sheet.stem + ".csv").rows.map { $0.cells.map(Table.clean) }
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
        #expect(sheets.map(\.stem) == ["a-b-2022-2022-07-区卫健局", "a-b-2022-2022-07-区教育局"])
        let table = try Table.decode(sheets[1].csv, file: "s.csv")
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
        // The advice names the sheet's column for the wording, not a field of a content file.
        ("约3", "filled.csv:6: error: 累计实际数: '约3' is approximate ('约'); write the exact number and put the wording in the 说明 column"),
        ("3以上", "filled.csv:6: error: 累计实际数: '3以上' contains '以上'; write only the number here, and any wording in the 说明 column"),
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

    /// The workbook `export sheets` writes, filled in its open cells as a unit would and saved,
    /// read back by `import progress`: the record an author would write.
    @Test func aFilledWorkbookBecomesTheRecordAnAuthorWouldWrite() throws {
        let sheets = ProgressSheets.export(Self.plan, content: Self.site.content, month: Day(year: 2022, month: 7, day: 1)!)
        let sheet = try #require(sheets.first { $0.unit == "区教育局" })
        var workbook = ProgressWorkbook.workbook(sheet)
        var page = workbook.sheets[0]
        // Rows 8 and 9 of the sheet (0-based 7 and 8): the indicator 学校 and the task 1.
        #expect(page[7, 1].map { if case .text(let text) = $0.value { text } else { "" } } == "学校")
        #expect(page[8, 1].map { if case .text(let text) = $0.value { text } else { "" } } == "1")
        page[7, ProgressWorkbook.valueColumn]?.value = .number(3)
        page[8, ProgressWorkbook.stateColumn]?.value = .text("已完成")
        page[8, ProgressWorkbook.evidenceColumn]?.value = .text("照片：结对仪式照片；协议文本")
        workbook.sheets[0] = page
        let data = try WorkbookWriter.data(workbook)
        let read = try TableFile.read(data, file: "filled.xlsx")
        #expect(read.problems == [])
        let reading = ProgressSheets.read(read.tables[0], content: Self.site.content)
        #expect(reading.problems == [])
        let hand = try ProgressSheets.read(Self.filledSheet(value: "3"), content: Self.site.content)
        #expect(reading.path == hand.path)
        #expect(reading.text == hand.text)
    }

    /// A workbook put together in a folder given (a site build's staging area) has the same
    /// bytes as one put together in the system's temporary folder, and leaves nothing there.
    @Test func aWorkbookPutTogetherInAGivenFolderIsTheSameAndLeavesNothing() throws {
        let sheets = ProgressSheets.export(Self.plan, content: Self.site.content, month: Day(year: 2022, month: 7, day: 1)!)
        let workbook = ProgressWorkbook.workbook(try #require(sheets.first { $0.unit == "区教育局" }))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let there = try WorkbookWriter.data(workbook, temporaryFolder: folder)
        #expect(there == (try WorkbookWriter.data(workbook)))
        #expect(try TableFile.read(there, file: "sheet.xlsx").tables.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    /// What the workbook holds besides the cells: the due day in the title, the unit's cells
    /// open and the rest locked, the drop-down of states, number formats, A4 with the header
    /// repeated; the same bytes every time.
    @Test func theWorkbookLocksThePlanAndOffersTheStates() throws {
        let sheets = ProgressSheets.export(Self.plan, content: Self.site.content, month: Day(year: 2022, month: 7, day: 1)!)
        let sheet = try #require(sheets.first { $0.unit == "区教育局" })
        let page = ProgressWorkbook.workbook(sheet).sheets[0]
        #expect(page.protected)
        #expect(page.landscape)
        #expect(page.printTitleRows == 6...6)
        #expect(page[7, ProgressWorkbook.valueColumn]?.style.unlocked == true)
        #expect(page[7, ProgressWorkbook.valueColumn]?.style.numberFormat == "0")
        #expect(page[7, 5]?.style.unlocked == false)
        #expect(page[8, ProgressWorkbook.stateColumn]?.style.unlocked == true)
        let lists = page.rules.compactMap { if case .list(let choices) = $0.kind { choices } else { nil } }
        #expect(lists == [["未开始", "推进中", "已完成"]])
        // The tiny site's plan sets no reporting day; 正定→赞皇's asks for the 1st of the next month.
        func dueLine(_ page: Sheet) -> String? { if case .text(let note)? = page[1, 0]?.value { note } else { nil } }
        #expect(dueLine(page)?.hasPrefix("数据截至 2022年7月31日；请按方案要求的时间报送。") == true)
        let zanhuang = Bundled.plan("zhengding-zanhuang-2024")
        let other = try #require(ProgressSheets.export(zanhuang, content: Bundled.content, month: Day(year: 2024, month: 12, day: 1)!).first)
        #expect(dueLine(ProgressWorkbook.workbook(other).sheets[0])?.hasPrefix("数据截至 2024年12月31日；请于 2025年1月1日前报送。") == true)
        #expect(try ProgressWorkbook.data(sheet) == ProgressWorkbook.data(sheet))
    }
}
