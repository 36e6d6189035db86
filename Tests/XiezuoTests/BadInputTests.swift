import Foundation
import Testing
@testable import XiezuoCore

/// Each case breaks one file of a tiny valid site and names every error it must produce,
/// with file, line and column worked out from the fixture text.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        let errors: [String]
        var testDescription: String { name }
    }

    static let tasks = "content/plans/a-b-2022/tasks.yaml"
    static let indicators = "content/plans/a-b-2022/indicators.yaml"
    static let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"

    static func indicatorFile(_ first: String, extra: String = "") -> String {
        // Line 2 starts indicator 学校, line 7 indicator 医院.
        """
        indicators:
          - id: 学校
            name: 结对学校数
        \(first)
            tasks: ["1"]\(extra)
          - id: 医院
            name: 结对医院数
            unit: 个
            target: 2
            tasks: ["2"]
        """
    }

    static func recordFile(unit: String = "区教育局", date: String = "2022-06-30", indicator: String = "学校",
                           task: String = "\"1\"") -> String {
        """
        ---
        unit: \(unit)
        date: \(date)
        values:
          - indicator: \(indicator)
            value: 2
        tasks:
          - task: \(task)
            state: in-progress
        ---
        """
    }

    static let cases: [Case] = [
        Case(name: "unknown unit in a task, with did-you-mean",
             files: [tasks: TinySite.files[tasks]!.replacingOccurrences(of: "units: [区教育局]", with: "units: [区教育厅]")],
             errors: ["\(tasks):6:17: error: unknown unit '区教育厅'; did you mean '区教育局'? "
                      + "(the units of 甲区 are listed in content/regions/a.yaml)"]),
        Case(name: "record for an unknown indicator",
             files: [record: recordFile(indicator: "学习")],
             errors: ["\(record):5:5: error: unknown indicator '学习'; did you mean '学校'?"]),
        Case(name: "record for an unknown task",
             files: [record: recordFile(task: "\"7\"")],
             errors: ["\(record):8:5: error: unknown task '7'"]),
        Case(name: "record from a unit that owns nothing it reports",
             files: ["content/plans/a-b-2022/progress/2022-06-区卫健局.md": recordFile(unit: "区卫健局", date: "2022-06-29")],
             errors: ["content/plans/a-b-2022/progress/2022-06-区卫健局.md:5:5: error: '区卫健局' reports indicator '学校' "
                      + "but is not responsible for it; responsible: 区教育局",
                      "content/plans/a-b-2022/progress/2022-06-区卫健局.md:8:5: error: '区卫健局' reports task '1' "
                      + "but is not responsible for it; responsible: 区教育局"]),
        Case(name: "record dated outside its plan's year",
             files: [record: recordFile(date: "2023-01-05")],
             errors: ["\(record):3:7: error: record dated 2023-01-05 is outside the plan's year 2022; "
                      + "a record belongs to the plan of the year it reports on"]),
        Case(name: "impossible date",
             files: [record: recordFile(date: "2022-02-30")],
             errors: ["\(record):3:7: error: 'date' is '2022-02-30': month 2 of 2022 has 28 days; there is no day 30"]),
        // Each mistake of a record is listed in one run: its date cannot be read, yet its unit,
        // indicator and task are still checked (no progress is taken from it).
        Case(name: "impossible date with an unknown unit, indicator and task",
             files: [record: recordFile(unit: "区教育厅", date: "2022-02-30", indicator: "学习", task: "\"7\"")],
             errors: ["\(record):2:7: error: unknown unit '区教育厅'; did you mean '区教育局'? "
                      + "(the units of 甲区 are listed in content/regions/a.yaml)",
                      "\(record):3:7: error: 'date' is '2022-02-30': month 2 of 2022 has 28 days; there is no day 30"]),
        Case(name: "impossible date with an unknown indicator and task",
             files: [record: recordFile(date: "2022-02-30", indicator: "学习", task: "\"7\"")],
             errors: ["\(record):3:7: error: 'date' is '2022-02-30': month 2 of 2022 has 28 days; there is no day 30",
                      "\(record):5:5: error: unknown indicator '学习'; did you mean '学校'?",
                      "\(record):8:5: error: unknown task '7'"]),
        Case(name: "duplicate indicator id",
             files: [indicators: indicatorFile("    unit: 个\n    target: 4").replacingOccurrences(of: "id: 医院", with: "id: 学校")],
             errors: ["\(indicators):7:5: error: duplicate indicator id '学校'; the first is at line 2"]),
        Case(name: "unknown unit of measure",
             files: [indicators: indicatorFile("    unit: 个数\n    target: 4")],
             errors: ["\(indicators):4:11: error: unknown unit of measure '个数'; did you mean '个'? (known units: "
                      + MeasureUnit.known.map(\.symbol).joined(separator: " ") + ")"]),
        Case(name: "Chinese numerals are refused with a hint",
             files: [indicators: indicatorFile("    unit: 个\n    target: 十二")],
             errors: ["\(indicators):5:13: error: 'target': '十二' is written in Chinese numerals; "
                      + "write the number in digits (e.g. 十二 → 12)"]),
        Case(name: "approximate amounts are refused with a hint",
             files: [indicators: indicatorFile("    unit: 个\n    target: 约5个")],
             errors: ["\(indicators):5:13: error: 'target': '约5个' is approximate ('约'); "
                      + "write the exact number and put the wording in 'note'"]),
        Case(name: "misspelt field, and the target it leaves missing",
             files: [indicators: indicatorFile("    unit: 个\n    taget: 4")],
             errors: ["\(indicators):2:5: error: missing required field 'target'; write the number, or '-' when there is none",
                      "\(indicators):5:5: error: unknown field 'taget'; did you mean 'target'?"]),
        Case(name: "a part larger than its whole",
             files: [indicators: indicatorFile("    unit: 个\n    target: 4").replacingOccurrences(
                 of: "    target: 2\n", with: "    target: 5\n    part-of: 学校\n")],
             errors: ["\(indicators):7:5: error: part is larger than its whole: target 5 个 exceeds 4 个 of '学校' (结对学校数)"]),
        Case(name: "sub-targets that do not add up",
             files: [indicators: indicatorFile("    unit: 个\n    target: 4", extra: "\n    split: [医院]")],
             errors: ["\(indicators):2:5: error: sub-targets do not add up: 医院 = 2 个, but the target is 4 个"]),
        Case(name: "money in the wrong unit for a count",
             files: [indicators: indicatorFile("    unit: 个\n    target: 3万元")],
             errors: ["\(indicators):5:13: error: 'target': '3万元' is in 万元 but the indicator counts in 个"]),
        Case(name: "duplicate task id",
             files: [tasks: TinySite.files[tasks]!.replacingOccurrences(of: "id: \"2\"", with: "id: \"1\"")],
             errors: ["\(indicators):7:5: error: indicator '医院' names unknown task '2'",
                      "\(tasks):8:9: error: duplicate task id '1'; the first is at line 4"]),
        Case(name: "unknown region for a pairing side",
             files: ["content/pairings/a-b.md": "---\nkind: 东西部协作\nhelping: a\nhelped: bb\n---\n"],
             errors: ["content/pairings/a-b.md:2:1: error: unknown region 'bb' as the helped side; did you mean 'b'? "
                      + "(regions are the files in content/regions/)"]),
        Case(name: "unknown pairing kind lists the choices",
             files: ["content/pairings/a-b.md": "---\nkind: 东西协作\nhelping: a\nhelped: b\n---\n"],
             errors: ["content/pairings/a-b.md:2:7: error: 'kind' cannot be '东西协作'; did you mean '东西部协作'? "
                      + "(choose one of: 东西部协作, 省内协作帮扶, 对口协作, 区域性结对帮扶)"]),
        Case(name: "plan without front matter",
             files: ["content/plans/a-b-2022/plan.md": "# 测试方案\n"],
             errors: ["content/plans/a-b-2022/plan.md:1:1: error: missing front matter: the file must start with a line "
                      + "'---', then the fields, then '---'"]),
        Case(name: "front matter never closed",
             files: [record: "---\nunit: 区教育局\ndate: 2022-06-30\n"],
             errors: ["\(record):1:1: error: front matter is not closed: add a line '---' after the last field"]),
        Case(name: "duplicate YAML key",
             files: ["content/regions/b.yaml": "name: 乙县\nname: 丙县\nunits: []\n"],
             errors: ["content/regions/b.yaml:1:1: error: duplicate key 'name'; each key may appear once, "
                      + "remove or rename the repeat"]),
        Case(name: "a list where a single value belongs",
             files: ["content/regions/b.yaml": "name: [乙县]\nunits: []\n"],
             errors: ["content/regions/b.yaml:1:7: error: 'name' must be a single value, not a list"]),
        Case(name: "empty data file",
             files: ["content/regions/b.yaml": "  \n"],
             errors: ["content/regions/b.yaml:1:1: error: file is empty; see docs/content-format.md for what it should hold"]),
        Case(name: "a plan folder whose name cannot be a page address, reported once however many files it holds",
             files: ["content/plans/a b 2023/plan.md": "---\n---\n", "content/plans/a b 2023/tasks.yaml": "sections: []\n",
                     "content/plans/a b 2023/progress/1.md": "---\n---\n"],
             errors: ["content/plans/a b 2023:1:1: error: 'a b 2023' cannot be used as a name here: use letters, digits, '-' and '_' only"]),
        // Numbers and dates with a stated range: never an overflow or a silently cut value.
        Case(name: "a year beyond any plan",
             files: [plan: TinySite.files[plan]!.replacingOccurrences(of: "year: 2022", with: "year: 30000000000000000")],
             errors: ["\(plan):3:7: error: 'year': '30000000000000000' has more digits than any figure of a plan "
                      + "(at most 15 before the point and 10 after it); check the number"]),
        Case(name: "a year that is no year of this work",
             files: [plan: TinySite.files[plan]!.replacingOccurrences(of: "year: 2022", with: "year: 9999")],
             errors: ["\(plan):3:7: error: 'year' must be a year from 1990 to 2100, not 9999"]),
        Case(name: "a date with an empty part",
             files: [record: recordFile(date: "2022-06--1")],
             errors: ["\(record):3:7: error: 'date' must be a date written YYYY-MM-DD (e.g. 2022-07-23), not '2022-06--1'"]),
        Case(name: "a date outside the years of this work",
             files: [record: recordFile(date: "9022-06-30")],
             errors: ["\(record):3:7: error: 'date' must be a date from 1990 to 2100, not 9022-06-30"]),
        Case(name: "a value of 60 digits",
             files: [record: recordFile().replacingOccurrences(of: "value: 2", with: "value: " + String(repeating: "9", count: 60))],
             errors: ["\(record):6:12: error: '" + String(repeating: "9", count: 60) + "' has more digits than any figure of a "
                      + "plan (at most 15 before the point and 10 after it); check the number"]),
        Case(name: "a negative stock",
             files: [indicators: indicatorFile("    unit: 个\n    target: 4\n    stock: -3")],
             errors: ["\(indicators):6:12: error: 'stock' cannot be negative (-3): it is what earlier years left"]),
        Case(name: "a group that lists itself",
             files: ["content/regions/a.yaml": TinySite.files["content/regions/a.yaml"]!
                + "\n  - {name: 各单位, kind: group, members: [区教育局, 各单位]}"],
             errors: ["content/regions/a.yaml:6:5: error: group '各单位' lists itself among its members; a group holds other units"]),
        Case(name: "a file of comments only is not dropped",
             files: ["content/regions/b.yaml": "# 乙县，待补\n"],
             errors: ["content/regions/b.yaml:1:1: error: no fields here, only comments or blank lines; "
                      + "see docs/content-format.md for what this file should hold"]),
        // Two names, one page.
        Case(name: "two units whose names differ only in punctuation",
             files: ["content/regions/a.yaml": TinySite.files["content/regions/a.yaml"]!
                + "\n  - {name: 团区委, kind: organisation}\n  - {name: 团区委。, kind: organisation}"],
             errors: ["content/regions/a.yaml:7:5: error: unit '团区委。' and '团区委' (content/regions/a.yaml:6:5) would share "
                      + "the page units/a/团区委/: names that differ only in punctuation or spacing cannot both have a page; "
                      + "rename one"]),
    ]

    static let plan = "content/plans/a-b-2022/plan.md"

    @Test(arguments: cases)
    func reportsExactlyTheseErrors(_ testCase: Case) {
        let result = TinySite.load(replacing: testCase.files)
        #expect(result.errors.map(\.description) == testCase.errors)
    }

    @Test func theTinySiteItselfIsValid() {
        let result = TinySite.load()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.content.counts == Content.Counts(pairings: 1, plans: 1, sections: 1, tasks: 2, indicators: 2,
                                                        units: 3, records: 1))
    }

    @Test func filesThatAreNotContentAreNamedNotIgnored() {
        let result = TinySite.load(replacing: [
            "content/plans/a-b-2022/notes.txt": "草稿",
            "content/plans/a-b-2022/progress/old/2021-12-区教育局.md": "---\n---\n",
            "content/plans/a-b-2022/evidence/photo.jpg": "…",
            "content/plans/a-b-2022/plan.md.bak": "---\n---\n",
            "content/plans/a-b-2022/progress/说明.txt": "草稿",
            "content/readme.md": "说明",
        ])
        #expect(result.errors == [])
        #expect(result.warnings.map(\.location.file) == ["content/plans/a-b-2022/notes.txt",
                                                         "content/plans/a-b-2022/plan.md.bak",
                                                         "content/plans/a-b-2022/progress/old/2021-12-区教育局.md",
                                                         "content/plans/a-b-2022/progress/说明.txt",
                                                         "content/readme.md"])
        #expect(result.content.counts.records == 1)
    }

    @Test func allProblemsOfARunAreListedNotOnlyTheFirst() {
        let result = TinySite.load(replacing: [
            Self.indicators: Self.indicatorFile("    unit: 个\n    target: 十二"),
            Self.record: Self.recordFile(date: "2023-01-05"),
            "content/pairings/a-b.md": "---\nkind: 东西部协作\nhelping: a\nhelped: bb\n---\n",
        ])
        #expect(result.errors.count == 3)
        #expect(Set(result.errors.map(\.location.file)).count == 3)
    }
}

/// The YAML mistakes a Chinese input method makes easy, each named as such where it is (#14).
@Suite struct YAMLTypoTests {
    static let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"

    static func errors(_ change: (String) -> String) -> [String] {
        let text = change(TinySite.files[record]!)
        return TinySite.load(replacing: [record: text]).errors.map(\.description)
    }

    @Test func aFullWidthColonAfterAFieldName() {
        #expect(Self.errors { $0.replacingOccurrences(of: "unit: 区教育局", with: "unit：区教育局") }
                == ["\(Self.record):2:5: error: a full-width colon (：) after 'unit'; write an ordinary colon and a space: 'unit: …'"])
    }

    @Test func noSpaceAfterTheColon() {
        #expect(Self.errors { $0.replacingOccurrences(of: "date: 2022-06-30", with: "date:2022-06-30") }
                == ["\(Self.record):3:6: error: no space after the colon of 'date'; write 'date: 2022-06-30'"])
    }

    @Test func aTabOrAFullWidthSpaceInTheIndentation() {
        #expect(Self.errors { $0.replacingOccurrences(of: "  - indicator: 学校", with: "\t- indicator: 学校") }
                == ["\(Self.record):5:1: error: a Tab in the indentation; indent with spaces only"])
        #expect(Self.errors { $0.replacingOccurrences(of: "  - indicator: 学校", with: "\u{3000}- indicator: 学校") }
                == ["\(Self.record):5:1: error: a full-width space (全角空格) in the indentation; indent with ordinary spaces only"])
    }

    @Test func colonsInValuesAndAddressesAreNotMistakes() {
        #expect(YAMLTypos.find("note: 说明：见附件\nfile: http://example.org/a.pdf\n- http://example.org\ntime: 10:30\n") == [])
    }
}
