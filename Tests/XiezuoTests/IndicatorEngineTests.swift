import Foundation
import Testing
@testable import XiezuoCore

/// Actual values, completion and "met", with numbers worked out by hand.
@Suite struct IndicatorEngineTests {
    /// 区教育局 reports 1 school by 31 March and 3 by 30 June; the target is at least 4.
    static let schools = Build.plan(
        tasks: [Build.task("1")],
        indicators: [Build.indicator("学校", .atLeast(4), tasks: ["1"])],
        records: [Build.record("区教育局", "2022-03-31", values: ["学校": 1]),
                  Build.record("区教育局", "2022-06-30", values: ["学校": 3])])

    @Test func beforeTheFirstRecordNothingIsReportedAndItIsBehindOnceTheCalendarCallsForWork() throws {
        // 1 February: 31 of 364 days gone, nothing reported: behind (yellow), not merely "not started".
        let result = try #require(Build.evaluate(Self.schools, asOf: "2022-02-01").indicator("学校"))
        #expect(result.actual == 0)
        #expect(result.reported == false)
        #expect(result.completion == 0)
        #expect(result.pace.status == .behind)
        #expect(result.explanation.first == .noRecord)
        // On the first day nothing is called for yet: not started.
        #expect(Build.evaluate(Self.schools, asOf: "2022-01-01").indicator("学校")?.pace.status == .notStarted)
    }

    @Test func onARecordsDateThatRecordCounts() throws {
        let result = try #require(Build.evaluate(Self.schools, asOf: "2022-03-31").indicator("学校"))
        #expect(result.actual == 1)
        #expect(result.completion == Decimal(string: "0.25"))
        #expect(result.explanation.first == .latestRecord(unit: "区教育局", date: Build.day("2022-03-31"), value: 1,
                                                          file: "content/plans/p/progress/2022-03-31-区教育局.md"))
    }

    @Test func betweenRecordsTheEarlierOneStands() throws {
        let result = try #require(Build.evaluate(Self.schools, asOf: "2022-05-15").indicator("学校"))
        #expect(result.actual == 1)
        // 1 ÷ 4 = 25 %; the calendar calls for 134 of the 364 days from 1 January to 31
        // December = 36.8 %: behind.
        #expect(result.pace.status == .behind)
        #expect(Display.percent(result.pace.expected) == "36.8%")
    }

    @Test func afterThePlanYearAnUnmetTargetIsOverdue() throws {
        let result = try #require(Build.evaluate(Self.schools, asOf: "2023-02-01").indicator("学校"))
        #expect(result.actual == 3)
        #expect(result.completion == Decimal(string: "0.75"))
        #expect(result.met == .no)
        #expect(result.pace.status == .overdue)
        #expect(result.history == [MonthValue(month: "2022-03", value: 1), MonthValue(month: "2022-06", value: 3)])
    }

    @Test func unitsValuesAreSummedAndCompletionIsNotCapped() throws {
        // 区教育局 3 + 区卫健局 2 = 5 of 4 = 125 %.
        let plan = Build.plan(
            tasks: [Build.task("1", units: ["区教育局", "区卫健局"])],
            indicators: [Build.indicator("学校", .atLeast(4), tasks: ["1"])],
            records: [Build.record("区教育局", "2022-03-31", values: ["学校": 1]),
                      Build.record("区教育局", "2022-06-30", values: ["学校": 3]),
                      Build.record("区卫健局", "2022-05-31", values: ["学校": 2])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-07-01").indicator("学校"))
        #expect(result.actual == 5)
        #expect(result.completion == Decimal(string: "1.25"))
        #expect(Display.percent(result.completion!) == "125.0%")
        #expect(result.met == .yes)
        #expect(result.pace.status == .done)
    }

    @Test func perItemTargetsNeedEveryItem() throws {
        // 至少各1次: A 1, B 2, C 0 → (1 + 1 + 0) ÷ 3 = 66.7 %, not met; then C 1 → met.
        let indicator = Build.indicator("会议", .eachAtLeast(1, items: ["A", "B", "C"]), unit: "次", tasks: ["1"])
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [indicator], records: [
            Build.record("区教育局", "2022-04-30", items: ["会议": ["A": 1, "B": 2]]),
            Build.record("区教育局", "2022-08-31", items: ["会议": ["A": 1, "B": 2, "C": 1]]),
        ])
        let april = try #require(Build.evaluate(plan, asOf: "2022-05-01").indicator("会议"))
        #expect(Display.percent(april.completion!) == "66.7%")
        #expect(april.met == .no)
        let august = try #require(Build.evaluate(plan, asOf: "2022-09-01").indicator("会议"))
        #expect(august.completion == 1)
        #expect(august.met == .yes)
    }

    @Test func notLowerThanLastYearIsUnknownWithoutLastYear() throws {
        let plan = Build.plan(year: 2022, tasks: [Build.task("1")],
                              indicators: [Build.indicator("选派", .notLowerThanLastYear, unit: "人次", tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["选派": 6])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-07-01").indicator("选派"))
        #expect(result.target == nil)
        #expect(result.met == .unknown)
        #expect(result.completion == nil)
        #expect(result.pace.status == .unknown)
        #expect(result.explanation.contains(.lastYearUnknown))
    }

    @Test func notLowerThanLastYearComparesWithThePreviousPlan() throws {
        // 2021 ended at 5; 2022 has 6 by June: 6 ÷ 5 = 120 %, met.
        let last = Build.plan("p2021", year: 2021, tasks: [Build.task("1")],
                              indicators: [Build.indicator("选派", .atLeast(4), unit: "人次", tasks: ["1"])],
                              records: [Build.record("区教育局", "2021-12-31", values: ["选派": 5], plan: "p2021")])
        let plan = Build.plan(year: 2022, tasks: [Build.task("1")],
                              indicators: [Build.indicator("选派", .notLowerThanLastYear, unit: "人次", tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["选派": 6])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-07-01", also: [last]).indicator("选派"))
        #expect(result.target == 5)
        #expect(result.completion == Decimal(string: "1.2"))
        #expect(result.met == .yes)
        #expect(result.explanation.contains(.lastYear(plan: "p2021", value: 5)))
    }

    @Test func atMostIsMetAtOrBelowTheLimit() throws {
        // 12 against at most 10: not met, 10 ÷ 12 = 83.3 %.
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [Build.indicator("x", .atMost(10), tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["x": 12])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-07-01").indicator("x"))
        #expect(result.met == .no)
        #expect(Display.percent(result.completion!) == "83.3%")
    }

    @Test func exactlyMustBeHitExactly() throws {
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [Build.indicator("x", .exactly(3), tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["x": 4])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-07-01").indicator("x"))
        #expect(result.met == .no)
        #expect(result.completion == Decimal(4) / Decimal(3))
    }

    @Test func aRunningTotalCarriesLastYearForward() throws {
        // 含存量: 2021 closed at 40 and 2022 has no record yet: the actual is 40.
        let last = Build.plan("p2021", year: 2021, tasks: [Build.task("1")],
                              indicators: [Build.indicator("车间", .atLeast(50), tasks: ["1"], counting: .runningTotal)],
                              records: [Build.record("区教育局", "2021-12-31", values: ["车间": 40], plan: "p2021")])
        let plan = Build.plan(year: 2022, tasks: [Build.task("1")],
                              indicators: [Build.indicator("车间", .atLeast(60), tasks: ["1"], counting: .runningTotal)])
        let result = try #require(Build.evaluate(plan, asOf: "2022-03-01", also: [last]).indicator("车间"))
        #expect(result.actual == 40)
        #expect(result.explanation == [.carriedForward(plan: "p2021", value: 40),
                                       .completion(actual: 40, target: 60, ratio: Decimal(40) / Decimal(60))])
        // Without a previous plan, the stated stock stands in.
        let alone = Build.plan(tasks: [Build.task("1")],
                               indicators: [Build.indicator("车间", .atLeast(60), tasks: ["1"], counting: .runningTotal, stock: 30)])
        #expect(Build.evaluate(alone, asOf: "2022-03-01").indicator("车间")?.actual == 30)
    }

    @Test func aSplitIndicatorAddsUpItsParts() throws {
        // 12 talents = 2 + 4 + 6; reported 2, 3 and 6 → 11 of 12.
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [
            Build.indicator("专技", .atLeast(12), unit: "人", tasks: ["1"], split: ["28", "29", "30"]),
            Build.indicator("28", .atLeast(2), unit: "人", tasks: ["1"]),
            Build.indicator("29", .atLeast(4), unit: "人", tasks: ["1"]),
            Build.indicator("30", .atLeast(6), unit: "人", tasks: ["1"]),
        ], records: [Build.record("区教育局", "2022-09-30", values: ["28": 2, "29": 3, "30": 6])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-10-01").indicator("专技"))
        #expect(result.actual == 11)
        #expect(result.met == .no)
    }

    @Test func aPartLargerThanItsWholeIsFlagged() throws {
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [
            Build.indicator("26", .atLeast(75), unit: "人", tasks: ["1"]),
            Build.indicator("27", .atLeast(50), unit: "人", tasks: ["1"], partOf: "26"),
        ], records: [Build.record("区教育局", "2022-09-30", values: ["26": 40, "27": 45])])
        let result = Build.evaluate(plan, asOf: "2022-10-01")
        #expect(result.indicator("27")?.exceedsWhole == true)
        #expect(result.indicator("26")?.exceedsWhole == false)
        #expect(result.findings.contains(Finding(kind: .partExceedsWhole, subject: .indicator("27"), detail: nil)))
    }

    @Test func trackedNotScoredIndicatorsAreNotJudged() throws {
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [
            Build.indicator("22", .none, unit: "人", tasks: ["1"], scored: false),
        ], records: [Build.record("区教育局", "2022-09-30", values: ["22": 40])])
        let result = try #require(Build.evaluate(plan, asOf: "2022-10-01").indicator("22"))
        #expect(result.actual == 40)
        #expect(result.scored == false)
        #expect(result.pace.status == .notScored)
    }

    @Test func moneyIsNormalisedBeforeComparison() throws {
        // The indicator counts in 亿元; a unit writes 3000万元 = 0.3 亿元: target met exactly.
        let indicators = """
        indicators:
          - id: 学校
            name: 消费帮扶
            unit: 亿元
            target: 0.3
            tasks: ["1"]
          - id: 医院
            name: 结对医院数
            unit: 个
            target: 2
            tasks: ["2"]
        """
        let record = """
        ---
        unit: 区教育局
        date: 2022-06-30
        values:
          - indicator: 学校
            value: 3000万元
        ---
        """
        let loaded = TinySite.load(replacing: ["content/plans/a-b-2022/indicators.yaml": indicators,
                                               "content/plans/a-b-2022/progress/2022-06-区教育局.md": record])
        #expect(loaded.errors.isEmpty)
        let plan = try #require(loaded.content.plans.first)
        let result = try #require(Engine.evaluate(plan, in: loaded.content, asOf: Build.day("2022-07-01")).indicator("学校"))
        #expect(result.actual == Decimal(string: "0.3"))
        #expect(result.met == .yes)
        #expect(result.completion == 1)
    }
}
