import Foundation
import Testing
@testable import XiezuoCore

/// Percentages and rates (资金使用率, 达标率, 工程进度): reported directly, or computed from two
/// indicators.
@Suite struct PercentIndicatorTests {
    @Test func aPercentageIsReadAndComparedInPercent() throws {
        // 达标率 at least 90 %; the unit reports "85%": 85 ÷ 90 = 94.4 % of the target.
        #expect(NumberReading.amount("85%", in: .percent) == .success(85))
        #expect(NumberReading.amount("85％", in: .percent) == .success(85))
        #expect(NumberReading.amount("85万元", in: .percent) == .failure(.wrongUnit(written: "万元", expected: "%")))
        let plan = Build.plan(tasks: [Build.task("1")],
                              indicators: [Build.indicator("达标率", .atLeast(90), unit: "%", tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["达标率": 85])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-07-01").indicator("达标率"))
        #expect(result.actual == 85)
        #expect(Display.percent(try #require(result.completion)) == "94.4%")
        #expect(result.met == .no)
    }

    static let ratio = Indicator.Ratio(numerator: "已使用", denominator: "到位")

    /// 资金使用率 (at least 90 %) = 已使用资金 ÷ 到位资金 × 100, with 2405.4 of 3244 万元 used.
    static let funds = Build.plan(tasks: [Build.task("1")], indicators: [
        Build.indicator("到位", .none, unit: "万元", units: ["区财政局"]),
        Build.indicator("已使用", .none, unit: "万元", units: ["区财政局"]),
        Build.indicator("使用率", .atLeast(90), unit: "%", tasks: ["1"], ratio: ratio),
    ], records: [Build.record("区财政局", "2022-06-30", values: ["到位": 3244, "已使用": Decimal(string: "2405.4")!])])

    @Test func aRateIsComputedFromTwoMoneyIndicators() throws {
        // 2405.4 ÷ 3244 × 100 = 74.149… ≈ 74.15 %.
        let ratio = Self.ratio
        let result = try #require(Build.evaluate(Self.funds, asOf: "2022-07-01").indicator("使用率"))
        let exact = Decimal(string: "2405.4")! / 3244 * 100
        #expect(result.actual == exact)
        #expect(Display.amount(result.actual, places: MeasureUnit.percent.displayPlaces) == "74.15")
        // The completion divides the exact terms, 240540 ÷ (3244 × 90), not the rounded quotient.
        let completion = Decimal(240540) / Decimal(291960)
        #expect(result.completion == completion)
        #expect(result.explanation.last == .completion(actual: exact, target: 90, ratio: completion))
        #expect(result.explanation.contains(.ratio(numerator: "指标已使用", numeratorValue: Decimal(string: "2405.4")!,
                                                   denominator: "指标到位", denominatorValue: 3244, value: exact)))
        // Money in different units is converted first: 0.3244 亿元 is 3244 万元.
        let mixed = Build.plan(tasks: [Build.task("1")], indicators: [
            Build.indicator("到位", .none, unit: "亿元", units: ["区财政局"]),
            Build.indicator("已使用", .none, unit: "万元", units: ["区财政局"]),
            Build.indicator("使用率", .atLeast(90), unit: "%", tasks: ["1"], ratio: ratio),
        ], records: [Build.record("区财政局", "2022-06-30", values: ["到位": Decimal(string: "0.3244")!,
                                                                   "已使用": Decimal(string: "2405.4")!])])
        #expect(Build.evaluate(mixed, asOf: "2022-07-01").indicator("使用率")?.actual == exact)
    }

    @Test func aComputedRateIsCheckedAndNeverReported() {
        let indicators = """
        indicators:
          - {id: 到位, name: 到位资金, unit: 万元, target: "-", units: [区教育局]}
          - {id: 已用, name: 已使用资金, unit: 万元, target: "-", units: [区教育局]}
          - {id: 学校, name: 结对学校数, unit: 个, target: 4, tasks: ["1"]}
          - {id: 医院, name: 结对医院数, unit: 个, target: 2, tasks: ["2"]}
          - {id: 使用率, name: 资金使用率, unit: 个, target: 90, ratio: {numerator: 已用, denominator: 到位资}, units: [区教育局]}
        """
        let record = """
        ---
        unit: 区教育局
        date: 2022-06-30
        values:
          - indicator: 使用率
            value: 80
        ---
        六月。
        """
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/indicators.yaml": indicators,
                                               "content/plans/a-b-2022/progress/2022-06-区教育局.md": record])
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/indicators.yaml:6:5: error: indicator '使用率' is computed from unknown indicator '到位资'; "
            + "did you mean '到位'?",
            "content/plans/a-b-2022/indicators.yaml:6:5: error: indicator '使用率' is computed with 'ratio' but counts in 个; "
            + "a ratio is a percentage: write 'unit: \"%\"'",
            "content/plans/a-b-2022/progress/2022-06-区教育局.md:5:5: error: indicator '使用率' is computed as '已用' ÷ '到位资'; "
            + "report those two instead",
        ])
    }
}
