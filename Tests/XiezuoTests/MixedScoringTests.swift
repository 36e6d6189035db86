import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// One plan mixing the rules real assessment rules mix: a method per section or task, points
/// off per case, bonus items within a cap, and monthly reporting as a scored item. Every
/// number worked out by hand.
@Suite struct MixedScoringTests {
    static let rule = ScoringRule(method: .proportional, bonus: .init(perPercent: nil, cap: 10),
                                  reporting: .init(points: 10, perMissing: 1))

    static let plan = Build.plan(rule: rule, tasks: [
        // 15 points, all or nothing: 3 of 4 is not done → 0.
        Build.task("a", points: 15, method: .allOrNothing),
        // 20 points by the plan's rule, proportional: 3 of 4 → 15.
        Build.task("b", points: 20),
        // 12 points, 4 off per case (每户扣4分，扣完为止): 2 cases → 4.
        Build.task("c", points: 12, method: .perCase(points: 4)),
        // A bonus item (加分项) of 5, reported done → +5, within the cap of 10.
        Build.task("d", bonus: 5),
    ], indicators: [
        Build.indicator("a-x", .atLeast(4), tasks: ["a"]),
        Build.indicator("b-x", .atLeast(4), tasks: ["b"]),
        Build.indicator("返贫户数", .atMost(0), unit: "户", tasks: ["c"]),
    ], records: [
        Build.record("区教育局", "2022-03-31", values: ["a-x": 3, "b-x": 3, "返贫户数": 2], tasks: ["d": .done]),
    ], reporting: .init(dueDay: 1))

    @Test func mixedMethodsAddUpAsWorkedOutByHand() throws {
        // On 2 April January's, February's and March's reports are due; only March's came: 2
        // missing → the reporting item earns 10 − 2 × 1 = 8.
        let result = Build.evaluate(Self.plan, asOf: "2022-04-02")
        #expect(result.task("a")?.score?.total == 0)
        #expect(result.task("b")?.score?.total == 15)
        #expect(result.task("c")?.score?.total == 4)
        #expect(result.task("c")?.score?.explanation == [.pointsPerCase(points: 12, cases: 2, perCase: 4, score: 4)])
        #expect(result.task("d")?.score?.available == 0)
        #expect(result.task("d")?.score?.bonus == 5)
        let unit = try #require(result.unit(Build.unit("区教育局")))
        #expect(unit.missingReports == ["2022-01", "2022-02"])
        #expect(unit.reportingScore?.total == 8)
        // Available 15 + 20 + 12 + 10 = 57; earned 0 + 15 + 4 + 8 + bonus 5 = 32.
        #expect(result.rollup.available == 57)
        #expect(result.score == 32)
        #expect(result.bonus == 5)
        #expect(unit.rollup.available == 57 && unit.rollup.earned == 32)
    }

    @Test func theUnitPageSaysHowItsReportingWasScored() throws {
        // The tiny site with reports due by the 1st and reporting worth 10 points, 1 off per
        // month missed. On 2 July January to June are due; 区教育局 filed June's only: 5
        // missing → 10 − 5 × 1 = 5.
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "scoring:\n  method: proportional\n",
                                  with: "reporting: {due-day: 1}\nscoring:\n  method: proportional\n  reporting: {points: 10, per-missing: 1}\n")
        let site = BundledSite.build(TinySite.source(replacing: ["content/plans/a-b-2022/plan.md": plan]), asOf: Build.day("2022-07-02"))
        let page = try #require(site.files[SitePath.page("units", "a", "区教育局")].flatMap { String(data: $0, encoding: .utf8) })
        #expect(page.contains("日常报送得分 5.00 / 10.00：日常报送 10.00 分：缺报 5 次 × 每次 1.00 分，得 5.00 分（扣完为止）"))
    }

    @Test func pointsPerCaseStopAtZeroAndBonusItemsAtTheCap() throws {
        // 4 cases × 4 = 16 off 12 points: 0, never below. Two bonus items of 6 within a cap of
        // 10: 6, then 4.
        let plan = Build.plan(rule: Self.rule, tasks: [
            Build.task("c", points: 12, method: .perCase(points: 4)),
            Build.task("d", bonus: 6), Build.task("e", bonus: 6),
        ], indicators: [Build.indicator("返贫户数", .atMost(0), unit: "户", tasks: ["c"])],
           records: [Build.record("区教育局", "2022-03-31", values: ["返贫户数": 4], tasks: ["d": .done, "e": .done])],
           reporting: .init(dueDay: 1))
        let result = Build.evaluate(plan, asOf: "2022-04-01")
        #expect(result.task("c")?.score?.total == 0)
        #expect(result.task("d")?.score?.bonus == 6)
        #expect(result.task("e")?.score?.bonus == 4)
        #expect(result.task("e")?.score?.explanation.contains(.capped(cap: 10)) == true)
    }

    @Test func anIndicatorMetIsABonusItemForItsUnitsWithinTheCap() throws {
        // Task bonus 6, then indicator 表彰 (获省级表彰 1 次, bonus 6) met: 6 + 4 within the cap of 10;
        // the indicator's 4 go to its unit 区卫健局, the plan's bonus is 10.
        let indicator = Indicator(id: "表彰", name: "获省级表彰", unit: Build.measure("次"), target: .atLeast(1),
                                  counting: .new, stock: nil, scored: true, partOf: nil, split: [], bonus: 6, tasks: [],
                                  units: [UnitReference(text: "区卫健局", location: Build.here)], standard: nil, group: nil,
                                  note: nil, location: Build.here)
        let plan = Build.plan(rule: ScoringRule(method: .proportional, bonus: .init(perPercent: nil, cap: 10)),
                              tasks: [Build.task("1", points: 10), Build.task("2", bonus: 6)], indicators: [indicator],
                              records: [Build.record("区教育局", "2022-06-30", tasks: ["1": .done, "2": .done]),
                                        Build.record("区卫健局", "2022-06-30", values: ["表彰": 1])])
        let result = Build.evaluate(plan, asOf: "2022-07-01")
        #expect(result.bonusItems["表彰"]?.bonus == 4)
        #expect(result.bonus == 10)
        #expect(result.score == 20)
        #expect(result.unit(Build.unit("区卫健局"))?.rollup.earned == 4)
        #expect(result.unit(Build.unit("区教育局"))?.rollup.earned == 16)
    }

    @Test func aSectionsMethodIsTakenByItsTasksUnlessOneSaysOtherwise() throws {
        let tasks = """
        sections:
          - title: 教育
            scoring: {method: all-or-nothing}
            tasks:
              - {id: "1", text: 结对学校, units: [区教育局], points: 10}
              - {id: "2", text: 结对医院, units: [区卫健局], points: 10, scoring: {method: deduction, step: 10, points-per-step: 2}}
        """
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/tasks.yaml": tasks])
        #expect(result.errors == [])
        let plan = try #require(result.content.plan("a-b-2022"))
        #expect(plan.task("1")?.method == .allOrNothing)
        #expect(plan.task("2")?.method == .deduction(step: 10, points: 2))
        // 学校 2 of 4: all or nothing → 0 (the plan's own rule, proportional, would give 5).
        let scored = Engine.evaluate(plan, in: result.content, asOf: Build.day("2022-07-01"))
        #expect(scored.task("1")?.score?.total == 0)
    }

    @Test func rulesThePlanCannotApplyAreErrors() {
        let tasks = """
        sections:
          - title: 教育
            tasks:
              - {id: "1", text: 结对学校, units: [区教育局], points: 10}
              - {id: "2", text: 结对医院, units: [区卫健局], points: 10}
              - {id: "3", text: 加分, units: [区卫健局], bonus: 5}
              - {id: "4", text: 返贫, units: [区卫健局], points: 10, scoring: {method: per-case, points-per-case: 1}}
        """
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/tasks.yaml": tasks])
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/tasks.yaml:6:9: error: task '3' is a bonus item but the plan's scoring sets no bonus cap; "
            + "add 'bonus: {cap: 10}' (加分最多10分) to 'scoring' in plan.md",
            "content/plans/a-b-2022/tasks.yaml:7:9: error: task '4' loses points per case, but no indicator counts its cases; "
            + "link one with 'tasks: [\"4\"]' in indicators.yaml",
        ])
    }
}
