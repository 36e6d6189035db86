import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

@Suite struct ReportOutputTests {
    static let plan = Bundled.plan("putuo-wanyuan-2021")
    static let result = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2021, month: 12, day: 31)!)

    @Test func jsonKeepsExactDecimalsAsStrings() throws {
        let data = ReportDocument(results: [(Self.plan, Self.result)]).json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "xiezuo-report/1")
        let plans = try #require(object["plans"] as? [[String: Any]])
        let indicators = try #require(plans.first?["indicators"] as? [[String: Any]])
        let consumption = try #require(indicators.first { $0["id"] as? String == "14" })
        // 0.3 亿元 stays "0.3", not 0.29999999999999999.
        #expect(consumption["target"] as? String == "0.3")
        #expect(consumption["unit"] as? String == "亿元")
        #expect(consumption["responsible"] as? [String] == ["putuo/区商务局", "putuo/区供销社"])
        // An unscored plan has no "score" field.
        #expect(plans.first?.keys.contains("score") == false)
    }

    @Test func jsonIsByteStable() {
        let a = ReportDocument(results: [(Self.plan, Self.result)]).json()
        let b = ReportDocument(results: [(Self.plan, Engine.evaluate(Self.plan, in: Bundled.content,
                                                                      asOf: Day(year: 2021, month: 12, day: 31)!))]).json()
        #expect(a == b)
    }

    @Test func textReportListsScoreGradeAndFindings() {
        let plan = Bundled.plan("rushan-shizhong-2022")
        let result = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2022, month: 11, day: 30)!)
        let text = TextReport.render([(plan, result)], content: Bundled.content)
        #expect(text.contains("score 1750.79 / 2250.00 (77.8%)  grade 较好"))
        #expect(text.contains("[sample data]"))
        #expect(text.contains("behind (8): task 8-1;"))
    }
}
