import Foundation
import PropertyBased
import Testing
@testable import XiezuoCore

@Suite struct EnginePropertyTests {
    @Test func completionNeverDecreasesWhenTheActualGrows() async {
        await propertyCheck(input: Gen.int(in: 1...500), Gen.int(in: 0...600), Gen.int(in: 0...200)) { target, a, extra in
            let low = Decimal(a), high = Decimal(a + extra)
            func completion(_ actual: Decimal) -> Decimal? {
                let plan = Build.plan(tasks: [Build.task("1")],
                                      indicators: [Build.indicator("x", .atLeast(Decimal(target)), tasks: ["1"])],
                                      records: [Build.record("区教育局", "2022-06-30", values: ["x": actual])])
                return Build.evaluate(plan, asOf: "2022-07-01").indicator("x")?.completion
            }
            #expect(completion(high)! >= completion(low)!)
        }
    }

    /// A random plan: tasks with points, each measured by one indicator, owned by 1–3 of four
    /// units, with random actual values, evidence and false-data marks.
    static func randomPlan(rule: ScoringRule, points: [Int], targets: [Int], actuals: [Int], owners: [Int],
                           evidence: [Bool], falseData: [Bool]) -> PlanDraft {
        let unitNames = ["甲", "乙", "丙", "丁"]
        let count = min(points.count, targets.count, actuals.count, owners.count, evidence.count, falseData.count)
        let tasks = (0..<count).map { i in
            Build.task("\(i)", points: Decimal(points[i]),
                       units: Array(unitNames.prefix(1 + owners[i] % 3)), requirement: "提供照片")
        }
        let indicators = (0..<count).map { Build.indicator("i\($0)", .atLeast(Decimal(targets[$0])), tasks: ["\($0)"]) }
        let records = (0..<count).map { i in
            Build.record("甲", "2022-0\(1 + i % 9)-2\(i % 8)", values: ["i\(i)": Decimal(actuals[i])],
                         tasks: ["\(i)": .inProgress], evidence: evidence[i] ? [.photo] : [], falseData: falseData[i])
        }
        return Build.plan(rule: rule, tasks: tasks, indicators: indicators, records: records)
    }

    static let rules: [ScoringRule] = [
        ScoringRule(method: .proportional),
        ScoringRule(method: .allOrNothing, evidenceRequired: true),
        ScoringRule(method: .deduction(step: Decimal(string: "0.5")!, points: 2)),
        ScoringRule(method: .proportional, bonus: .init(perPercent: Decimal(string: "0.2")!, cap: 7),
                    falseDataPenalty: 3, falseDataPenaltyCap: 5),
    ]

    @Test func aScoreNeverExceedsThePointsAvailableExceptByADeclaredBonus() async {
        await propertyCheck(input: Gen.int(in: 0...3), Gen.int(in: 1...100).array(of: 1...8),
                            Gen.int(in: 1...50).array(of: 8...8), Gen.int(in: 0...120).array(of: 8...8),
                            Gen.bool.array(of: 8...8)) { ruleIndex, points, targets, actuals, flags in
            let rule = Self.rules[ruleIndex]
            let plan = Self.randomPlan(rule: rule, points: points, targets: targets, actuals: actuals,
                                       owners: actuals, evidence: flags, falseData: flags.map { !$0 })
            let result = Build.evaluate(plan, asOf: "2022-12-31")
            let cap = rule.bonus?.cap ?? 0
            #expect(result.score <= result.rollup.available + cap)
            #expect(result.bonus <= cap)
            for task in result.tasks {
                guard let score = task.score else { continue }
                #expect(score.earned <= score.available)
                #expect(score.earned >= 0)
            }
        }
    }

    @Test func theSumOfUnitScoresEqualsThePlanScore() async {
        await propertyCheck(input: Gen.int(in: 0...3), Gen.int(in: 1...100).array(of: 1...8),
                            Gen.int(in: 1...50).array(of: 8...8), Gen.int(in: 0...120).array(of: 8...8),
                            Gen.bool.array(of: 8...8)) { ruleIndex, points, targets, actuals, flags in
            let plan = Self.randomPlan(rule: Self.rules[ruleIndex], points: points, targets: targets, actuals: actuals,
                                       owners: targets, evidence: flags, falseData: flags.map { !$0 })
            let result = Build.evaluate(plan, asOf: "2022-12-31")
            #expect(result.units.map(\.rollup.earned).reduce(0, +) == result.score)
            #expect(result.units.map(\.rollup.available).reduce(0, +) == result.rollup.available)
        }
    }
}
