import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

@Suite struct ReportOutputTests {
    static let plan = Bundled.plan("putuo-wanyuan-2021")
    static let result = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2021, month: 12, day: 31)!)

    @Test func jsonKeepsExactDecimalsAsStrings() throws {
        let data = ResultsJSON(results: [(Self.plan, Self.result)]).json()
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

    @Test func jsonGivesRatiosRoundedWithTheirExactTerms() throws {
        // 资金使用率 = 2405.4 ÷ 3244 × 100 = 74.149198520345 25… %, target 90 %: neither quotient
        // terminates, so each is given to 12 places beside the exact numbers it divides.
        let content = Build.content([PercentIndicatorTests.funds])
        let plan = try #require(content.plan("p"))
        let data = ResultsJSON(results: [(plan, Engine.evaluate(plan, in: content, asOf: Build.day("2022-07-02")))]).json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entry = try #require((object["plans"] as? [[String: Any]])?.first)
        let rate = try #require((entry["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "使用率" })
        #expect(rate["actual"] as? String == "74.149198520345")
        #expect(rate["actualOf"] as? [String: String] == ["numerator": "240540", "denominator": "3244"])
        #expect(rate["completion"] as? String == "0.823879983559")
        #expect(rate["completionOf"] as? [String: String] == ["numerator": "240540", "denominator": "291960"])
        // 1 January to 2 July: 182 of 364 days.
        #expect(entry["expected"] as? String == "0.5")
        #expect(entry["expectedOf"] as? [String: String] == ["numerator": "182", "denominator": "364"])
        // No ratio string is longer than its 12 places.
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.range(of: "\\.[0-9]{13,}\"", options: .regularExpression) == nil)
    }

    @Test func jsonIsByteStable() {
        let a = ResultsJSON(results: [(Self.plan, Self.result)]).json()
        let b = ResultsJSON(results: [(Self.plan, Engine.evaluate(Self.plan, in: Bundled.content,
                                                                      asOf: Day(year: 2021, month: 12, day: 31)!))]).json()
        #expect(a == b)
    }

    @Test func textReportListsScoreGradeAndFindings() {
        let plan = Bundled.plan("rushan-shizhong-2022")
        let result = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2022, month: 11, day: 30)!)
        let text = ResultsText.render([(plan, result)], content: Bundled.content, language: .english)
        #expect(text.contains("score 1750.79 / 2250.00 (77.8%)  grade 较好"))
        #expect(text.contains("[sample data]"))
        // Eight tasks and 孟庄镇's 衔接推进区 funds (150 of 200 万元 = 75 % against 130 of 161 days = 80.7 %).
        #expect(text.contains("behind (9): task 8-1;"))
        // The same in Chinese, the default.
        let chinese = ResultsText.render([(plan, result)], content: Bundled.content)
        #expect(chinese.contains("得分 1750.79 / 2250.00 (77.8%)  等次 较好"))
        #expect(chinese.contains("［示例数据］"))
        #expect(chinese.contains("滞后（9）：任务 8-1；"))
    }
}
