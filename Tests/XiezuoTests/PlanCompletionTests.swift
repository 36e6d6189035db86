import Foundation
import Testing
@testable import XiezuoCore

/// Which figures make up a plan's completion: every task, and every scored indicator linked to
/// no task, each once.
@Suite struct PlanCompletionTests {
    @Test func anIndicatorLinkedToNoTaskIsAnItemOfItsOwn() {
        // Task 1 reported done (100 %); indicator x, linked to no task, 2 of 4 (50 %): (100 + 50) ÷ 2 = 75 %.
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [Build.indicator("x", .atLeast(4), units: ["区教育局"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["x": 2], tasks: ["1": .done])])
        #expect(Build.evaluate(plan, asOf: "2022-07-01").completion == Decimal(string: "0.75"))
    }

    @Test func aTotalSplitIntoPartsCountsOnlyThroughItsParts() {
        // 12 = 2 + 4 + 6 (003 的专技人才 = 28 + 29 + 30). Parts reported 2, 2 and 6: 100 %, 50 %, 100 %.
        // The task is measured by the parts alone: (1 + 0.5 + 1) ÷ 3 = 5/6, not with the total's 10/12 beside them.
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [
            Build.indicator("total", .atLeast(12), tasks: ["1"], split: ["a", "b", "c"]),
            Build.indicator("a", .atLeast(2), tasks: ["1"]),
            Build.indicator("b", .atLeast(4), tasks: ["1"]),
            Build.indicator("c", .atLeast(6), tasks: ["1"]),
        ], records: [Build.record("区教育局", "2022-06-30", values: ["a": 2, "b": 2, "c": 6])])
        let result = Build.evaluate(plan, asOf: "2022-07-01")
        #expect(result.indicator("total")?.actual == 10)
        #expect(result.task("1")?.completion == Decimal(string: "2.5")! / 3)
        #expect(result.completion == Decimal(string: "2.5")! / 3)
        // Unlinked, the total is still no item of its own: the plan is its one task.
        let unlinked = Build.plan(tasks: [Build.task("1")], indicators: [
            Build.indicator("total", .atLeast(12), split: ["a", "b"], units: ["区教育局"]),
            Build.indicator("a", .atLeast(2), tasks: ["1"]),
            Build.indicator("b", .atLeast(10), tasks: ["1"]),
        ], records: [Build.record("区教育局", "2022-06-30", values: ["a": 2, "b": 5])])
        #expect(Build.evaluate(unlinked, asOf: "2022-07-01").completion == Decimal(string: "0.75"))
    }

    @Test func plan003MovesWhenIndicator5Changes() throws {
        // 普陀→万源 2021: 42 tasks and 24 scored table indicators linked to no task (of 28 such
        // rows, 19续 and 24续 have no target and 22, 23 只作统计): 66 items. Indicator 5
        // (农村劳动力到我省就业数, 1,400 人) is one of them: set to 0, the plan loses its share.
        let plan = Bundled.plan("putuo-wanyuan-2021")
        let asOf = Build.day("2021-12-31")
        let before = Engine.evaluate(plan, in: Bundled.content, asOf: asOf)
        let share = min(try #require(before.indicator("5")?.completion), 1)
        #expect(share > 0)
        var zeroed = plan
        zeroed.records = plan.records.map { record in
            ProgressRecord(RecordDraft(plan: record.plan, unit: record.unit, date: record.date,
                           values: record.values.map { $0.indicator == "5" ? ReportedValue(indicator: "5", value: 0, items: [:],
                                                                                           location: $0.location) : $0 },
                           tasks: record.tasks, note: record.note, sample: record.sample, location: record.location,
                           dateLocation: record.dateLocation), reporter: record.reporter)
        }
        let content = Content(shared: Bundled.content.shared, plans: [zeroed], units: Bundled.content.units)
        let after = Engine.evaluate(zeroed, in: content, asOf: asOf)
        #expect(after.indicator("5")?.actual == 0)
        #expect((before.completion - after.completion).rounded(scale: 20) == (share / 66).rounded(scale: 20))
    }
}

