import Foundation
import Testing
@testable import XiezuoCore

/// Each scoring rule pinned with numbers worked out by hand. A task worth 100 points is
/// measured by one indicator with a target of 4.
@Suite struct ScoringEngineTests {
    static func plan(_ rule: ScoringRule, actual: Decimal, requirement: String? = nil,
                     evidence: [Evidence.Kind] = [], falseData: Bool = false) -> PlanDraft {
        Build.plan(rule: rule, tasks: [Build.task("1", points: 100, requirement: requirement)],
                   indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"])],
                   records: [Build.record("区教育局", "2022-06-30", values: ["x": actual], tasks: ["1": .inProgress],
                                          evidence: evidence, falseData: falseData)])
    }

    static func score(_ plan: PlanDraft) -> Decimal { Build.evaluate(plan, asOf: "2022-07-01").score }

    @Test func proportionalIsCappedAtFullMarks() {
        let rule = ScoringRule(method: .proportional)
        #expect(Self.score(Self.plan(rule, actual: 3)) == 75)   // 100 × 3/4
        #expect(Self.score(Self.plan(rule, actual: 6)) == 100)  // 150 %, no bonus declared
    }

    @Test func allOrNothing() {
        let rule = ScoringRule(method: .allOrNothing)
        #expect(Self.score(Self.plan(rule, actual: 3)) == 0)
        #expect(Self.score(Self.plan(rule, actual: 4)) == 100)
    }

    @Test func linearDeductionWithAFloor() {
        // 每减少0.1个百分点扣1分: 3.8 of 4 = 95 %, 5 points short = 50 steps → 100 − 50 = 50.
        let rule = ScoringRule(method: .deduction(step: Decimal(string: "0.1")!, points: 1))
        #expect(Self.score(Self.plan(rule, actual: Decimal(string: "3.8")!)) == 50)
        // 3 of 4 = 75 %: 250 steps, more than the points: 扣完为止, 0.
        #expect(Self.score(Self.plan(rule, actual: 3)) == 0)
        // 3.99 of 4 = 99.75 %: 0.25 points short = 2 whole steps → 98.
        #expect(Self.score(Self.plan(rule, actual: Decimal(string: "3.99")!)) == 98)
    }

    @Test func bonusAboveFullMarksUpToItsCap() {
        // 0.1 point per percent over 100, at most 10 for the plan: 150 % → 5, 180 % → 8; capped → 5 + 5.
        let rule = ScoringRule(method: .proportional, bonus: .init(perPercent: Decimal(string: "0.1")!, cap: 10))
        let plan = Build.plan(rule: rule, tasks: [Build.task("1", points: 100), Build.task("2", points: 100)],
                              indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"]),
                                           Build.indicator("y", .atLeast(5), tasks: ["2"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["x": 6, "y": 9])])
        let result = Build.evaluate(plan, asOf: "2022-07-01")
        #expect(result.task("1")?.score?.bonus == 5)
        #expect(result.task("2")?.score?.bonus == 5)
        #expect(result.task("2")?.score?.explanation.contains(.capped(cap: 10)) == true)
        #expect(result.score == 210)
        #expect(result.rollup.available == 200)
    }

    @Test func noCreditWithoutTheRequiredEvidence() {
        // The requirement asks for photos (照片); only a document was handed in.
        let rule = ScoringRule(method: .proportional, evidenceRequired: true)
        let missing = Build.evaluate(Self.plan(rule, actual: 4, requirement: "提供活动照片", evidence: [.document]),
                                     asOf: "2022-07-01")
        #expect(missing.score == 0)
        #expect(missing.task("1")?.missingEvidence == [.photo])
        #expect(missing.findings.contains(Finding(kind: .missingEvidence, subject: .task("1"), detail: "photo")))
        let complete = Build.evaluate(Self.plan(rule, actual: 4, requirement: "提供活动照片", evidence: [.photo]),
                                      asOf: "2022-07-01")
        #expect(complete.score == 100)
    }

    @Test func falseDataScoresZeroAndCostsMoreUpToTheCap() {
        // Two tasks with false data: 0 each, penalties 5 + 5 capped at 8; a third task earns 100.
        let rule = ScoringRule(method: .proportional, falseDataPenalty: 5, falseDataPenaltyCap: 8)
        let plan = Build.plan(rule: rule, tasks: [Build.task("1", points: 100, units: ["甲"]),
                                                  Build.task("2", points: 100, units: ["乙"]),
                                                  Build.task("3", points: 100, units: ["丙"])],
                              records: [Build.record("甲", "2022-06-30", tasks: ["1": .done], falseData: true),
                                        Build.record("乙", "2022-06-30", tasks: ["2": .done], falseData: true),
                                        Build.record("丙", "2022-06-30", tasks: ["3": .done])])
        let result = Build.evaluate(plan, asOf: "2022-07-01")
        #expect(result.task("1")?.score?.penalty == 5)
        #expect(result.task("2")?.score?.penalty == 3)
        #expect(result.score == 92)
        #expect(result.penalty == 8)
    }

    @Test func aTaskWithoutAnAnnualTargetLeavesTheTotal() {
        // 没有年度任务的按缺项考核计分: task 2's only indicator has no target.
        let plan = Build.plan(rule: ScoringRule(method: .proportional),
                              tasks: [Build.task("1", points: 60), Build.task("2", points: 40)],
                              indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"]),
                                           Build.indicator("y", .none, tasks: ["2"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["x": 2, "y": 7])])
        let result = Build.evaluate(plan, asOf: "2022-07-01")
        #expect(result.rollup.available == 60)
        #expect(result.score == 30)
        #expect(result.task("2")?.score?.applicable == false)
        #expect(result.rollup.percent == 50)
    }

    @Test func gradesComeFromThePlansBands() {
        let bands = [ScoringRule.GradeBand(minimum: 90, grade: "好"), .init(minimum: 75, grade: "较好"),
                     .init(minimum: 60, grade: "一般"), .init(minimum: 0, grade: "较差")]
        let rule = ScoringRule(method: .proportional, grades: bands)
        #expect(Build.evaluate(Self.plan(rule, actual: Decimal(string: "3.6")!), asOf: "2022-07-01").grade == "好")
        #expect(Build.evaluate(Self.plan(rule, actual: 3), asOf: "2022-07-01").grade == "较好")
        #expect(Build.evaluate(Self.plan(rule, actual: Decimal(string: "2.4")!), asOf: "2022-07-01").grade == "一般")
        #expect(Build.evaluate(Self.plan(rule, actual: 1), asOf: "2022-07-01").grade == "较差")
    }

    @Test func unitsAreRankedWithTiesSharingARank() {
        // 甲 100 %, 乙 and 丙 80 %, 丁 50 %: ranks 1, 2, 2, 4.
        let plan = Build.plan(rule: ScoringRule(method: .proportional), tasks: [
            Build.task("1", points: 10, units: ["甲"]), Build.task("2", points: 10, units: ["乙"]),
            Build.task("3", points: 10, units: ["丙"]), Build.task("4", points: 10, units: ["丁"]),
        ], indicators: [
            Build.indicator("a", .atLeast(10), tasks: ["1"]), Build.indicator("b", .atLeast(10), tasks: ["2"]),
            Build.indicator("c", .atLeast(10), tasks: ["3"]), Build.indicator("d", .atLeast(10), tasks: ["4"]),
        ], records: [
            Build.record("甲", "2022-06-30", values: ["a": 10]), Build.record("乙", "2022-06-30", values: ["b": 8]),
            Build.record("丙", "2022-06-30", values: ["c": 8]), Build.record("丁", "2022-06-30", values: ["d": 5]),
        ])
        let result = Build.evaluate(plan, asOf: "2022-07-01")
        #expect(["甲", "乙", "丙", "丁"].map { result.unit(Build.unit($0))?.rank } == [1, 2, 2, 4])
    }

    @Test func sharesOfATaskAddUpExactly() {
        #expect(ExactShare.split(100, among: 3) == [Decimal(string: "33.333334")!, Decimal(string: "33.333333")!,
                                                    Decimal(string: "33.333333")!])
        #expect(ExactShare.split(100, among: 3).reduce(0, +) == 100)
        #expect(ExactShare.split(25, among: 1) == [25])
    }

    @Test func expectedShareIsLinearOverTheYear() {
        // From 1 January to 2 July 182 of the 364 days to 31 December have passed: 50.0 %.
        let share = PaceRule.expected(start: Build.day("2022-01-01"), deadline: Build.day("2022-12-31"),
                                      asOf: Build.day("2022-07-02"))
        #expect(share.share == Decimal(182) / Decimal(364))
        #expect(Display.percent(share.share) == "50.0%")
        #expect(share.step == .expectedShare(elapsedDays: 182, totalDays: 364, share: Decimal(182) / Decimal(364)))
        // A deadline of 30 November: on 1 July 181 of 333 days have passed = 54.4 %.
        let toDeadline = PaceRule.expected(start: Build.day("2022-01-01"), deadline: Build.day("2022-11-30"),
                                           asOf: Build.day("2022-07-01"))
        #expect(Display.percent(toDeadline.share) == "54.4%")
        // Nothing on the start day, everything on the deadline and after it.
        #expect(PaceRule.expected(start: Build.day("2022-07-23"), deadline: Build.day("2022-12-31"),
                                  asOf: Build.day("2022-07-23")).share == 0)
        #expect(PaceRule.expected(start: Build.day("2022-07-23"), deadline: Build.day("2022-12-31"),
                                  asOf: Build.day("2022-12-31")).share == 1)
        #expect(PaceRule.expected(start: Build.day("2022-07-23"), deadline: Build.day("2022-12-31"),
                                  asOf: Build.day("2024-10-31")).share == 1)
    }

    @Test func aMissingMonthlyReportIsFlaggedOnceDue() {
        // 每月1日前上报, plan issued 4 March: March, April and June reported, May not.
        let plan = Build.plan(year: 2024, tasks: [Build.task("1")], records: [
            Build.record("区教育局", "2024-03-31", tasks: ["1": .inProgress]),
            Build.record("区教育局", "2024-04-30", tasks: ["1": .inProgress]),
            Build.record("区教育局", "2024-06-30", tasks: ["1": .inProgress]),
        ], deadline: Build.day("2024-11-30"), reporting: .init(dueDay: 1), issued: Build.day("2024-03-04"))
        // On 1 June May's report is not late yet; on 2 June it is.
        #expect(Build.evaluate(plan, asOf: "2024-06-01").unit(Build.unit("区教育局"))?.missingReports == [])
        #expect(Build.evaluate(plan, asOf: "2024-06-02").unit(Build.unit("区教育局"))?.missingReports == ["2024-05"])
        let july = Build.evaluate(plan, asOf: "2024-07-02")
        #expect(july.unit(Build.unit("区教育局"))?.missingReports == ["2024-05"])
        #expect(july.findings.contains(Finding(kind: .missingReport, subject: .unit(Build.unit("区教育局")),
                                               detail: "2024-05")))
    }

    @Test func aPlanWithNoRecordsIsZeroAndBehind() {
        let plan = Build.plan(rule: ScoringRule(method: .proportional), tasks: [Build.task("1", points: 100)],
                              indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"])])
        let result = Build.evaluate(plan, asOf: "2022-03-01")
        #expect(result.completion == 0)
        #expect(result.score == 0)
        // Never started with the calendar two months on: behind (yellow), an alert.
        #expect(result.tasks.allSatisfy { $0.pace.status == .behind })
        #expect(result.findings.contains(Finding(kind: .behind, subject: .task("1"), detail: nil)))
        #expect(result.latestData == nil)
        #expect(Engine.defaultAsOf(in: Build.content([plan])) == Build.day("2022-01-01"))
    }
}
