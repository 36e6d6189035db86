import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoImport

/// The two tables of the seeds, kept as TSV in Fixtures/, imported and compared field by field
/// with the hand-transcribed plans.
@Suite struct PlanImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func table(_ name: String) throws -> Table {
        try Table.decode(Data(contentsOf: fixtures.appendingPathComponent(name)), file: name)
    }

    /// The bundled content with one plan's tasks.yaml or indicators.yaml replaced by `files`,
    /// and without that plan's sample records (which also report quantities from the plan's text
    /// that the table does not hold).
    static func loadWith(_ files: [(path: String, text: String)], replacing plan: String) -> LoadResult {
        let disk = DiskContentSource(root: Bundled.root)
        var contents: [String: Data] = [:]
        for path in disk.files(under: "content").files where !path.hasPrefix("content/plans/\(plan)/progress/") {
            if case .data(let data) = disk.read(path, limit: 1 << 22) { contents[path] = data }
        }
        for (path, text) in files { contents[path] = Data(text.utf8) }
        return ContentLoader.load(from: MemoryContentSource(data: contents))
    }

    @Test func aQuoteNeverClosedIsAnErrorAtItsRowNotRowsSwallowed() throws {
        // The seed's task list with a quote opened in row 5's text and never closed.
        let text = String(decoding: try Data(contentsOf: Self.fixtures.appendingPathComponent("000-tasks.tsv")), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[4] = lines[4].replacingOccurrences(of: "\t", with: "\t\"", options: [], range: lines[4].range(of: "\t"))
        #expect {
            try Table.parse(lines.joined(separator: "\n"), file: "t.tsv")
        } throws: { error in
            (error as? Table.Problem)?.description == "t.tsv:5: error: a cell opens a quote (\") here that is never closed, "
                + "so every row below would be read into it; close the quote, or remove it"
        }
        // Quotes as Excel writes them, a doubled quote inside and a line break in a cell, are fine.
        let table = try Table.parse("序号\t任务内容\n1\t\"说\"\"好\"\"的\n第二行\"\n2\t其他\n", file: "t.tsv")
        #expect(table.rows.map(\.cells) == [["序号", "任务内容"], ["1", "说\"好\"的\n第二行"], ["2", "其他"]])
    }

    @Test func theOwningSideIsFoundFromTheUnitsAndAWrongOneIsNamed() throws {
        // 000's task list names units of 枣庄市市中区, the helped side of 乳山→市中区.
        let pairing = try #require(Bundled.content.pairing("rushan-shizhong"))
        let table = try Self.table("000-tasks.tsv")
        let found = PlanImport(pairing: pairing, year: 2022, owner: nil, title: nil)
            .run(table, content: Bundled.content, existing: { $0.hasSuffix("plan.md") })
        #expect(found.problems == [])
        #expect(found.owner == .helped)
        #expect(found.tasks == 44)
        // Told the helping side, it says whose units they are, once, instead of a row per unit.
        let wrong = PlanImport(pairing: pairing, year: 2022, owner: .helping, title: nil)
            .run(table, content: Bundled.content, existing: { $0.hasSuffix("plan.md") })
        #expect(wrong.problems.map(\.message.description) == [
            "the units in this table are units of 枣庄市市中区, the helped side of pairing rushan-shizhong, not of 乳山市: "
            + "run again with --owner helped",
        ])
    }

    /// Both regions have a 区教育局: without `--owner`, the side that carried the pairing's
    /// 2022 plan (helping) carries the 2023 one; with no earlier plan, the import asks.
    @Test func aTieBetweenTheSidesIsSettledByTheEarlierPlans() throws {
        let bothSides = TinySite.load(replacing: ["content/regions/b.yaml": "name: 乙县\nunits:\n  - {name: 区教育局, kind: bureau}\n"])
        #expect(bothSides.errors.map(\.description) == [])
        let pairing = try #require(bothSides.content.pairing("a-b"))
        let table = try Table.parse("序号\t任务内容\t责任单位\n1\t召开联席会议。\t区教育局\n", file: "t.tsv")
        let settled = PlanImport(pairing: pairing, year: 2023, owner: nil, title: nil)
            .run(table, content: bothSides.content, existing: { _ in false })
        #expect(settled.problems == [])
        #expect(settled.owner == .helping)
        // Imported for 2022, the pairing's only plan is that year's own: nothing earlier settles it.
        let asked = PlanImport(pairing: pairing, year: 2022, owner: nil, title: nil)
            .run(table, content: bothSides.content, existing: { _ in false })
        #expect(asked.problems.map(\.message.key) == [.ownerTie])
    }

    /// A row with several mistakes is told all of them at once, each unknown unit among them.
    @Test func everyProblemOfARowIsListed() throws {
        let text = "序号\t任务内容\t责任单位\t分值\t完成时限\n1\t召开联席会议。\t组织布、商务投资局\t约20\t2022年13月1日\n"
        let (_, problems) = PlanTableImporter(region: Bundled.content.region("shizhong")!, year: 2022).read(try Table.parse(text, file: "t.tsv"))
        #expect(problems.map { $0.line(in: .chinese) } == [
            "t.tsv:2: 错误：未知单位“组织布”；是否应为“组织部”？（请把它加入 content/regions/shizhong.yaml，或改正表格）",
            "t.tsv:2: 错误：未知单位“商务投资局”（请把它加入 content/regions/shizhong.yaml，或改正表格）",
            "t.tsv:2: 错误：分值：“约20”是约数（“约”）；请写确切的数，说明写在“备注”列（表中还没有这一列，可以加上）",
            "t.tsv:2: 错误：完成时限“2022年13月1日”：没有这个日期：月份是 1 至 12，日不超过当月的天数",
        ])
    }

    /// Beside the rows it cannot read, the import says which layout it read the table in and why.
    @Test func theLayoutAssumedIsNamedWithItsReason() throws {
        func layout(_ text: String) throws -> String? {
            PlanTableImporter.layout(of: try Table.parse(text, file: "t.tsv"))?.text(in: .chinese)
        }
        #expect(try layout("工作清单\t\n序号\t责任单位\t列项\t任务内容\n")?.hasPrefix("按“按单位排列的任务清单”读取：第 2 行的表头有“列项”") == true)
        #expect(try layout("序号\t任务内容\t责任单位\n")?.hasPrefix("按“每行一项任务”的清单读取：第 1 行的表头有“任务内容”而没有“列项”") == true)
        #expect(try layout("指标名称\t单位\t目标任务\n")?.hasPrefix("按指标表读取：第 1 行的表头有“指标名称”") == true)
        #expect(try layout("甲\t乙\n") == nil)
    }

    @Test func aTaskListWithARowPerTaskIsReadToo() throws {
        // No 列项: each row a task numbered in 序号, several units in one cell, a merged 责任单位
        // cell left empty, section rows with a numeral in 序号, a deadline as written in plans.
        let text = "序号\t任务内容\t责任单位\t完成时限\n一\t组织领导\t\t\n"
            + "1\t召开联席会议。\t组织部、商务和投资促进局\t11月底前\n2\t开展调研。\t\t年底\n二\t产业协作\t\t\n"
            + "3\t引导企业投资。\t商务和投资促进局\t\n"
        let (result, problems) = PlanTableImporter(region: Bundled.content.region("shizhong")!, year: 2022)
            .read(try Table.parse(text, file: "t.tsv"))
        #expect(problems == [])
        guard case .tasks(let sections) = result else { Issue.record("not read as tasks"); return }
        #expect(sections.map(\.heading) == ["一、组织领导", "二、产业协作"])
        #expect(sections.flatMap(\.tasks).map(\.id) == ["1", "2", "3"])
        #expect(sections[0].tasks[0].units.map(\.text) == ["组织部", "商务和投资促进局"])
        #expect(sections[0].tasks[1].units.map(\.text) == ["组织部", "商务和投资促进局"])
        #expect(sections[0].tasks[0].deadline == Day(year: 2022, month: 11, day: 30))
        #expect(sections[0].tasks[1].deadline == Day(year: 2022, month: 12, day: 31))
    }

    /// Word tables merge a section heading across the row, which leaves it in the first column,
    /// 序号: read as the section (tasks) or the group (indicators), as when it stands in its own column.
    @Test func aHeadingMergedAcrossTheRowIsASection() throws {
        let tasks = "序号\t任务内容\t责任单位\n一、组织领导\t\t\n1\t召开联席会议。\t组织部\n二、产业协作\t\t\n2\t引导企业投资。\t商务和投资促进局\n"
        let (result, problems) = PlanTableImporter(region: Bundled.content.region("shizhong")!, year: 2022)
            .read(try Table.parse(tasks, file: "t.tsv"))
        #expect(problems == [])
        guard case .tasks(let sections) = result else { Issue.record("not read as tasks"); return }
        #expect(sections.map(\.heading) == ["一、组织领导", "二、产业协作"])
        #expect(sections.map { $0.tasks.map(\.id) } == [["1"], ["2"]])
        let indicators = "序号\t指标名称\t单位\t目标任务\t责任单位\n一、组织领导\t\t\t\t\n1\t召开区级高层联席会议情况\t次\t1\t区委办\n"
        let (read, found) = PlanTableImporter(region: Bundled.content.region("putuo")!).read(try Table.parse(indicators, file: "t.tsv"))
        #expect(found == [])
        guard case .indicators(let list) = read else { Issue.record("not read as indicators"); return }
        #expect(list.map(\.group) == ["一、组织领导"])
    }

    @Test func anIndicatorTablesNumberColumnNumbersItsRows() throws {
        // As Word and Excel tables are often laid out: 序号 in its own column, section rows with
        // the section's numeral in it, an unnumbered follow-on row.
        let text = "序号\t指标名称\t单位\t目标任务\t责任单位\n一\t组织领导\t\t\t\n"
            + "1\t区党政负责同志到受帮扶县（区）调研情况\t次\t1\t区委办 区政府办\n2\t召开区级高层联席会议情况\t次\t1\t\n"
            + "\t续开区级高层联席会议情况\t次\t-\t\n"
        let (result, problems) = PlanTableImporter(region: Bundled.content.region("putuo")!).read(try Table.parse(text, file: "t.tsv"))
        #expect(problems == [])
        guard case .indicators(let list) = result else { Issue.record("not read as indicators"); return }
        #expect(list.map(\.id) == ["1", "2", "2续"])
        #expect(list.map(\.name) == ["区党政负责同志到受帮扶县（区）调研情况", "召开区级高层联席会议情况", "续开区级高层联席会议情况"])
        #expect(list.allSatisfy { $0.group == "一、组织领导" })
        #expect(list[1].units.map(\.text) == ["区委办", "区政府办"])
    }

    @Test func taskListOf000MatchesTheHandTranscription() throws {
        let pairing = try #require(Bundled.content.pairing("rushan-shizhong"))
        let output = PlanImport(pairing: pairing, year: 2022, owner: .helped, title: nil)
            .run(try Self.table("000-tasks.tsv"), content: Bundled.content, existing: { $0.hasSuffix("plan.md") })
        #expect(output.problems == [])
        #expect(output.tasks == 44)
        #expect(output.files.map(\.path) == ["content/plans/rushan-shizhong-2022/tasks.yaml"])
        // The written file loads and passes check in place of the hand-written one.
        let loaded = Self.loadWith(output.files, replacing: "rushan-shizhong-2022")
        #expect(loaded.errors.map(\.description) == [])
        let imported = try #require(loaded.content.plan("rushan-shizhong-2022"))
        let hand = Bundled.plan("rushan-shizhong-2022")
        #expect(imported.sections.map(\.heading) == hand.sections.map(\.heading))
        #expect(imported.allTasks.count == hand.allTasks.count)
        for (a, b) in zip(imported.allTasks, hand.allTasks) {
            #expect(a.id == b.id)
            #expect(a.number == b.number, "\(a.id)")
            #expect(a.text == b.text, "\(a.id)")
            #expect(a.units.map(\.text) == b.units.map(\.text), "\(a.id)")
            #expect(a.points == b.points, "\(a.id)")
            #expect(a.requirement == b.requirement, "\(a.id)")
        }
    }

    @Test func indicatorTableOf003MatchesTheHandTranscription() throws {
        let pairing = try #require(Bundled.content.pairing("putuo-wanyuan"))
        let output = PlanImport(pairing: pairing, year: 2021, owner: .helping, title: nil)
            .run(try Self.table("003-indicators.tsv"), content: Bundled.content, existing: { $0.hasSuffix("plan.md") })
        #expect(output.problems == [])
        #expect(output.indicators == 38)
        let loaded = Self.loadWith(output.files, replacing: "putuo-wanyuan-2021")
        #expect(loaded.errors.map(\.description) == [])
        let imported = try #require(loaded.content.plan("putuo-wanyuan-2021")).indicators
        let hand = Bundled.plan("putuo-wanyuan-2021").indicators.filter { $0.group != "任务书正文中的数量要求" }
        #expect(imported.map(\.id) == hand.map(\.id))
        for (a, b) in zip(imported, hand) {
            #expect(a.name == b.name, "\(a.id)")
            #expect(a.unit == b.unit, "\(a.id)")
            #expect(a.target == b.target, "\(a.id)")
            #expect(a.scored == b.scored, "\(a.id)")
            #expect(a.counting == b.counting, "\(a.id)")
            #expect(a.partOf == b.partOf, "\(a.id)")
            #expect(a.group == b.group, "\(a.id)")
            #expect(a.units.map(\.text) == b.units.map(\.text), "\(a.id)")
        }
    }

    @Test func gb18030AndCommasAreReadToo() throws {
        let tsv = try String(contentsOf: Self.fixtures.appendingPathComponent("000-tasks.tsv"), encoding: .utf8)
        let csv = tsv.split(separator: "\n").map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { CSV.field(String($0)) }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let gb = try #require(csv.data(using: Table.gb18030))
        let table = try Table.decode(gb, file: "000.csv")
        let pairing = try #require(Bundled.content.pairing("rushan-shizhong"))
        let output = PlanImport(pairing: pairing, year: 2022, owner: .helped, title: nil)
            .run(table, content: Bundled.content, existing: { _ in false })
        #expect(output.problems == [])
        #expect(output.tasks == 44)
        // plan.md is written when missing, and says what still has to be filled in.
        #expect(output.files.first?.path == "content/plans/rushan-shizhong-2022/plan.md")
        #expect(output.files.first?.text.contains("method: none") == true)
    }

    @Test func anUnknownColumnIsKeptAsANote() throws {
        let text = "序号\t责任单位\t列项\t任务内容\t分值\t备注\n1\t乡村振兴局\t1\t召开联席会议。\t50\t上半年完成\n"
        let (result, problems) = PlanTableImporter(region: Bundled.content.region("shizhong")!)
            .read(try Table.parse(text, file: "t.tsv"))
        #expect(problems == [])
        guard case .tasks(let sections) = result else { Issue.record("not read as tasks"); return }
        #expect(sections.first?.tasks.first?.note == "备注：上半年完成")
    }

    static let header = "序号\t责任单位\t列项\t任务内容\t分值\t考核要求\n"
    static let indicatorHeader = "指标名称\t单位\t目标任务\t责任单位\n"

    @Test(arguments: [
        (header + "1\t乡村振兴局\t1\t召开联席会议。\t五十\t提供通知。\n",
         "t.tsv:2: error: 分值: '五十' is written in Chinese numerals; write the number in digits (e.g. 十二 → 12)"),
        (header + "1\t乡村振兴厅\t1\t召开联席会议。\t50\t提供通知。\n",
         "t.tsv:2: error: unknown unit '乡村振兴厅'; did you mean '乡村振兴局'? (add it to content/regions/shizhong.yaml, or correct the table)"),
        (header + "\t\t1\t召开联席会议。\t50\t提供通知。\n",
         "t.tsv:2: error: no 责任单位 above this row: the first row of a unit must name it"),
        (header + "1\t乡村振兴局\t1\t召开联席会议。\t50\t\n\t\t2\t\t50\t\n",
         "t.tsv:3: error: 任务内容 is empty"),
        (header + "1\t乡村振兴局\t\t召开联席会议。\t50\t\n",
         "t.tsv:2: error: 列项 is empty: number each task of a unit (1, 2, …)"),
        (header + "1\t乡村振兴局\t1\t召开联席会议。\t50\t\n\t\t1\t再次召开。\t50\t\n",
         "t.tsv:3: error: a second task 1-1: 列项 1 repeats under the same 序号"),
        ("名称\t说明\n甲\t乙\n",
         "t.tsv:1: error: no header row found: a task list needs 序号, 责任单位 and 任务内容 (with 列项 when a unit's "
            + "tasks are numbered under it; 分值, 考核要求, 完成时限 when there are); an indicator table needs 指标名称, 单位, "
            + "目标任务, 责任单位 (序号)"),
    ])
    func badTaskRowsAreReportedWithTheirRow(_ text: String, _ expected: String) throws {
        let (_, problems) = PlanTableImporter(region: Bundled.content.region("shizhong")!).read(try Table.parse(text, file: "t.tsv"))
        #expect(problems.map(\.description) == [expected])
    }

    @Test(arguments: [
        (indicatorHeader + "1.结对学校数\t所们\t4\t区教育局\n", "t.tsv:2: error: unknown unit of measure '所们'; did you mean '所'?"),
        (indicatorHeader + "1.结对学校数\t个\t约4\t区教育局\n",
         "t.tsv:2: error: 目标任务: '约4' is approximate ('约'); write the exact number and put the wording in the 备注 column "
         + "(the table has none yet: add it)"),
        // With a 备注 column, the advice sends the wording there and no more.
        ("指标名称\t单位\t目标任务\t责任单位\t备注\n" + "1.结对学校数\t个\t约4\t区教育局\t\n",
         "t.tsv:2: error: 目标任务: '约4' is approximate ('约'); write the exact number and put the wording in the 备注 column"),
        (indicatorHeader + "结对学校数\t个\t4\t区教育局\n", "t.tsv:2: error: the first indicator has no number; give the table a 序号 column, or write the name as '1.指标名称'"),
        (indicatorHeader + "1.结对学校数\t个\t4\t\n", "t.tsv:2: error: 责任单位 is empty and no row above names one"),
        (indicatorHeader + "1.结对学校数\t个\t4\t区教育局\n1.结对医院数\t个\t3\t区卫健局\n", "t.tsv:3: error: a second indicator numbered 1"),
    ])
    func badIndicatorRowsAreReportedWithTheirRow(_ text: String, _ expected: String) throws {
        let (_, problems) = PlanTableImporter(region: Bundled.content.region("putuo")!).read(try Table.parse(text, file: "t.tsv"))
        #expect(problems.map(\.description) == [expected])
    }

    @Test func wordsAroundNumbersAreRead() {
        let person = MeasureUnit.named("人")!
        guard case .target(let atLeast) = TargetText.read("不少于5人", unit: person),
              case .target(let above) = TargetText.read("15人以上", unit: person),
              case .target(let atMost) = TargetText.read("不超过3人", unit: person),
              case .target(let dash) = TargetText.read("-", unit: person) else {
            Issue.record("a target was not read")
            return
        }
        #expect(atLeast == .atLeast(5))
        #expect(above == .atLeast(15))
        #expect(atMost == .atMost(3))
        #expect(dash == Indicator.Target.none)
    }
}
