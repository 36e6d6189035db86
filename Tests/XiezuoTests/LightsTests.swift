import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// One status per item, one light: red overdue, yellow behind, blue deadline near, green done,
/// and counts that add up.
@Suite struct LightsTests {
    static func plan(deadline: String, window: Int = 15, reported: Decimal) -> PlanDraft {
        let plan = Build.plan(tasks: [Build.task("1", deadline: Build.day(deadline))],
                              indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-06-30", values: ["x": reported])])
        return PlanDraft(plan: Plan(id: plan.id, pairing: plan.pairing, year: plan.year, title: plan.title, number: nil, issuer: nil,
                    issued: nil, scheme: nil, owner: plan.owner, coordinator: nil, deadline: nil, reporting: nil,
                    deadlineNearDays: window, scoring: plan.scoring, narrative: "", note: nil, sections: plan.sections,
                    indicators: plan.indicators, records: [], location: plan.location),
                         records: plan.records)
    }

    @Test func aDeadlineWithinTheWindowIsBlueUnlessTheItemIsBehind() throws {
        // Deadline 10 July, on 1 July: 9 days left, but 3 of 4 is 75 % against 181 of 190 days
        // = 95.3 %: behind (yellow) beats blue.
        #expect(Build.evaluate(Self.plan(deadline: "2022-07-10", reported: 3), asOf: "2022-07-01").task("1")?.pace.status == .behind)
        // Deadline 31 August, on 20 August (11 days left): 3.9 of 4 is 97.5 % against 231 of 242
        // days = 95.5 %, on pace by the calendar, and near its deadline: blue.
        let near = Build.evaluate(Self.plan(deadline: "2022-08-31", reported: Decimal(string: "3.9")!), asOf: "2022-08-20")
        #expect(near.task("1")?.pace.status == .deadlineNear)
        #expect(near.findings.contains(Finding(kind: .dueSoon, subject: .task("1"), detail: "2022-08-31")))
        // With a window of 5 days, 11 days left is not near yet: on pace.
        let window = Build.evaluate(Self.plan(deadline: "2022-08-31", window: 5, reported: Decimal(string: "3.9")!), asOf: "2022-08-20")
        #expect(window.task("1")?.pace.status == .onPace)
        // Past the deadline unfinished: red.
        #expect(Build.evaluate(Self.plan(deadline: "2022-08-31", reported: 3), asOf: "2022-09-01").task("1")?.pace.status == .overdue)
    }

    @Test func theWindowIsDeclaredInPlanMd() {
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
        let five = TinySite.load(replacing: ["content/plans/a-b-2022/plan.md": plan.replacingOccurrences(of: "year: 2022\n",
                                                                                                    with: "year: 2022\ndeadline-near-days: 5\n")])
        #expect(five.content.plan("a-b-2022")?.deadlineNearDays == 5)
        #expect(TinySite.load().content.plan("a-b-2022")?.deadlineNearDays == 15)
        let wrong = TinySite.load(replacing: ["content/plans/a-b-2022/plan.md": plan.replacingOccurrences(of: "year: 2022\n",
                                                                                                     with: "year: 2022\ndeadline-near-days: 400\n")])
        #expect(wrong.errors.map(\.message.description) == ["'deadline-near-days' must be from 0 to 90 days, not 400"])
    }

    @Test func theCountsOfEverySummaryAddUpToItsTotal() {
        for plan in Bundled.content.plans {
            for asOf in [plan.startDay, Day(year: plan.year, month: 9, day: 30)!, Engine.defaultAsOf(in: Bundled.content)] {
                let result = Engine.evaluate(plan, in: Bundled.content, asOf: asOf)
                for rollup in [result.rollup] + result.sections.map(\.rollup) + result.units.map(\.rollup) {
                    #expect(rollup.done + rollup.onPace + rollup.deadlineNear + rollup.notStarted + rollup.behind + rollup.overdue
                            == rollup.tasks, "\(plan.id) \(asOf)")
                }
            }
        }
    }

    @Test func eachUnitHasItsLightsItsWorstLightAndLastMonthsRank() throws {
        // 乳山→市中 2022 as of 30 November, ranks against those of 31 October.
        let plan = Bundled.plan("rushan-shizhong-2022")
        let now = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2022, month: 11, day: 30)!)
        let before = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2022, month: 10, day: 31)!)
        for unit in now.units {
            #expect(unit.previousRank == before.unit(unit.unit)?.rank, "\(unit.unit)")
            let statuses = unit.tasks.compactMap { now.task($0)?.pace.status } + unit.indicators.compactMap { now.indicator($0)?.pace.status }
            #expect(unit.lights.overdue == statuses.filter { $0 == .overdue }.count)
            #expect(unit.lights.behind == statuses.filter { $0 == .behind }.count)
            #expect(unit.lights.done == statuses.filter { $0 == .done }.count)
            #expect(unit.lights.notReported == unit.missingReports.count)
            #expect(unit.status == (statuses.min() ?? .notScored) || unit.status == .notReported || statuses.isEmpty)
        }
        #expect(now.units.contains { $0.rank != $0.previousRank })
    }

    @Test func thePlanPageOpensWithTheLightsBoardWorstFirst() throws {
        let html = try #require(BundledSite.html("pairings/zhengding-zanhuang/2024/index.html"))
        let board = try #require(html.range(of: "<section id=\"board\""))
        let summary = try #require(html.range(of: "<section class=\"summary\""))
        #expect(board.lowerBound < summary.lowerBound)
        // 正定→赞皇 as of 2024-10-31: units with a yellow light come before those without; a lit
        // count is coloured, a 0 is not.
        let rows = HTML.text(String(html[board.lowerBound..<summary.lowerBound]))
        let behind = try #require(rows.range(of: "三里屯街道办事处 ▲ 滞后 0 2 0 6 0 89.3%"))
        let done = try #require(rows.range(of: "县乡村振兴局 ✓ 已完成 0 0 0 11 0 100.0%"))
        #expect(behind.lowerBound < done.lowerBound)
        #expect(html.contains("<td class=\"num light-yellow\">2</td>"))
        #expect(!html.contains("light-red\">0<"))
    }
    @Test func theRegionPageCountsEachUnitsLightsOverAllItsPlansWorstFirst() throws {
        let html = try #require(BundledSite.html("units/zhengding/index.html"))
        let board = try #require(html.range(of: "board-table"))
        let rows = HTML.text(String(html[board.lowerBound...]))
        // 正定 in 正定→赞皇 2024 as of 2024-10-31: 县供销总社 has 2 yellow (behind) items and
        // 1 green; 县教育局 owes its October report (grey); 县乡村振兴局 has all 11 done.
        let behind = try #require(rows.range(of: "县供销总社 ▲ 滞后 0 2 0 1 0"))
        let missing = try #require(rows.range(of: "县教育局 □ 未报送 0 0 0 1 1"))
        let done = try #require(rows.range(of: "县乡村振兴局 ✓ 已完成 0 0 0 11 0"))
        #expect(behind.lowerBound < missing.lowerBound && missing.lowerBound < done.lowerBound)
        // Summing is per light, over every plan the unit is in.
        var a = Lights(), b = Lights(), sum = Lights()
        (a.overdue, a.behind, a.done, a.notReported) = (1, 2, 3, 2)
        (b.behind, b.deadlineNear, b.notStarted, b.notReported) = (1, 4, 5, 1)
        (sum.overdue, sum.behind, sum.deadlineNear, sum.done, sum.notStarted, sum.notReported) = (1, 3, 4, 3, 5, 3)
        #expect(a + b == sum)
        #expect((a + b).status == .overdue)
    }
}

/// The lights board of 003 (普陀→万源 2021) on 31 December 2021, the plan's last day: the calendar
/// calls for 100 %, so whatever is not done is yellow (red only from the next day).
@Suite struct PutuoBoardTests {
    static let result = Engine.evaluate(Bundled.plan("putuo-wanyuan-2021"), in: Bundled.content,
                                        asOf: Day(year: 2021, month: 12, day: 31)!)

    @Test func theCommerceBureauHasThreeYellowLightsAndIsThirtyFivePercentDone() throws {
        // 区商务局 owns tasks 11-1 and 11-2. 11-1 is measured by indicator 14 (消费帮扶, 0.3 亿元,
        // shared with 区供销社): 0.21 reported on 31 December = 70 %. 11-2 has no indicator and
        // is reported in progress: 0 %. Indicator 14 itself is lit too: 70 % of its target.
        let unit = try #require(Self.result.unit(UnitID(region: "putuo", name: "区商务局")))
        #expect(unit.lights.overdue == 0 && unit.lights.behind == 3 && unit.lights.done == 0)
        #expect(unit.tasks == ["11-1", "11-2"] && unit.indicators == ["14"])
        // Its completion counts its tasks (14 measures 11-1, so it is no item of its own): (70 % + 0 %) ÷ 2.
        #expect(unit.completion == Decimal(string: "0.35"))
        #expect(unit.status == .behind)
    }

    @Test func theEducationBureauIsGreenAndTheBoardPutsYellowFirst() throws {
        // 区教育局: tasks 6-1 and 6-2 reported done, with indicators 3 (4 schools) and 13 measuring them.
        let unit = try #require(Self.result.unit(UnitID(region: "putuo", name: "区教育局")))
        #expect(unit.lights.done == 4 && unit.lights.behind == 0 && unit.completion == 1)
        let ordered = Self.result.units.sorted { Lights.worstFirst($0.lights, $1.lights) ?? ($0.unit < $1.unit) }
        let firstGreen = try #require(ordered.firstIndex { $0.status == .done })
        #expect(ordered[..<firstGreen].allSatisfy { $0.lights.behind > 0 })
        #expect(ordered.first?.lights.behind == 3)
        // Every unit's counts add up to what it owns that is lit.
        for unit in Self.result.units {
            let lit = unit.tasks.count + unit.indicators.filter { id in
                Self.result.indicator(id).map { ![.notScored, .unknown].contains($0.pace.status) } ?? false
            }.count
            #expect(unit.lights.overdue + unit.lights.behind + unit.lights.deadlineNear + unit.lights.done + unit.lights.onPace
                    + unit.lights.notStarted == lit, "\(unit.unit)")
        }
    }
}
