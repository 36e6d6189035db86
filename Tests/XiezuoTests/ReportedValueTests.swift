import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// What a unit reports beside its numbers: running totals that may only fall as a stated
/// correction, and the words it wrote beside a number.
@Suite struct ReportedValueTests {
    static let july = "content/plans/a-b-2022/progress/2022-07-区教育局.md"

    static func record(_ value: String, extra: String = "") -> String {
        "---\nunit: 区教育局\ndate: 2022-07-31\nvalues:\n  - indicator: 学校\n    value: \(value)\n\(extra)---\n七月。\n"
    }

    @Test func aFallingRunningTotalIsAnErrorNamingBothRecords() {
        // June reported 2 schools (TinySite); July reports 1.
        let result = TinySite.load(replacing: [Self.july: Self.record("1")])
        #expect(result.errors.map(\.description) == [
            "\(Self.july):5:5: error: '区教育局' reports 1 for indicator '学校' on 2022-07-31, less than the 2 it reported "
            + "on 2022-06-30 (content/plans/a-b-2022/progress/2022-06-区教育局.md:5:5); a value is the running total to "
            + "the record's date: write the total so far, or, if this figure corrects the earlier one, say why in 'correction'",
        ])
        // The same total again, or more, is fine.
        #expect(TinySite.load(replacing: [Self.july: Self.record("2")]).errors == [])
    }

    /// One record a unit a day: a second one on the same day names the first; another day is fine.
    @Test func aSecondRecordOfAUnitOnOneDayIsAnErrorNamingTheFirst() {
        let second = "content/plans/a-b-2022/progress/2022-06-区教育局-补报.md"
        let record = { (date: String) in "---\nunit: 区教育局\ndate: \(date)\nvalues:\n  - indicator: 学校\n    value: 2\n---\n补报。\n" }
        let result = TinySite.load(replacing: [second: record("2022-06-30")])
        // Files are read in name order: "-补报" sorts before ".md", so it is the first.
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/progress/2022-06-区教育局.md:2:1: error: a second record by '区教育局' dated 2022-06-30; "
            + "the first is \(second); merge them into one",
        ])
        #expect(TinySite.load(replacing: [second: record("2022-06-29")]).errors == [])
    }

    @Test func aStatedCorrectionIsAcceptedAndShownWithTheValue() throws {
        let result = TinySite.load(replacing: [Self.july: Self.record("1", extra: "    correction: 6月误将意向学校计入\n")])
        #expect(result.errors == [])
        let plan = try #require(result.content.plan("a-b-2022"))
        let indicator = try #require(Engine.evaluate(plan, in: result.content, asOf: Build.day("2022-07-31")).indicator("学校"))
        #expect(indicator.actual == 1)
        #expect(indicator.explanation.contains(.correction(unit: "区教育局", date: Build.day("2022-07-31"),
                                                           reason: "6月误将意向学校计入")))
    }

    @Test func theUnitsOwnWordsBesideANumberAreKept() throws {
        let result = TinySite.load(replacing: [Self.july: Self.record("3", extra: "    note: 3所以上\n")])
        #expect(result.errors == [])
        let plan = try #require(result.content.plan("a-b-2022"))
        let indicator = try #require(Engine.evaluate(plan, in: result.content, asOf: Build.day("2022-07-31")).indicator("学校"))
        #expect(indicator.actual == 3)
        #expect(indicator.explanation.contains(.valueNote(unit: "区教育局", note: "3所以上")))
    }

    @Test func sampleDataIsMarkedPerRecordAndWordsStayWithTheirNumber() throws {
        // June's record is sample data, July's is real and says "3所以上".
        let june = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let files = [
            june: TinySite.files[june]!.replacingOccurrences(of: "date: 2022-06-30\n", with: "date: 2022-06-30\nsample: true\n"),
            Self.july: Self.record("3", extra: "    note: 3所以上\n"),
        ]
        let result = TinySite.load(replacing: files)
        #expect(result.errors == [])
        let site = BundledSite.build(TinySite.source(replacing: files))
        let path = try #require(Routes(content: result.content, taskPages: TaskPage.deserved)
            .unit(UnitID(region: "a", name: "区教育局")))
        let page = try #require(site.files[path].flatMap { String(data: $0, encoding: .utf8) })
        #expect(page.components(separatedBy: "class=\"tag tag-sample\"").count - 1 == 1)
        #expect(page.contains("2022-06-30</strong> <span class=\"tag tag-sample\">示例</span>"))
        #expect(page.contains("结对学校数 3 个（3所以上）"))
    }
}
