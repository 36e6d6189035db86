import Foundation
import Testing
@testable import XiezuoCore

/// Targets met in shares: period by period (每季度推送一次) and member by member (各结对镇…不少于3家).
@Suite struct SharedTargetTests {
    // MARK: Periods

    @Test func calendarPeriodsRunFromTheStartToTheDeadline() {
        let start = Build.day("2024-03-04"), deadline = Build.day("2024-11-30")
        #expect(CalendarPeriod.periods(.quarterly, from: start, through: deadline).map(\.key)
                == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
        #expect(CalendarPeriod.periods(.quarterly, from: start, through: deadline).last?.due == deadline)
        #expect(CalendarPeriod.periods(.halfYearly, from: start, through: deadline)
                == [CalendarPeriod(key: "2024-H1", due: Build.day("2024-06-30")), CalendarPeriod(key: "2024-H2", due: deadline)])
        #expect(CalendarPeriod.periods(.monthly, from: start, through: Build.day("2024-05-15")).map(\.key)
                == ["2024-03", "2024-04", "2024-05"])
    }

    @Test func seedPlan004sQuarterlyPushIsOnPaceOnceTheFirstQuarterIsDone() throws {
        // 每季度向赞皇县进行一次岗位信息推送: 2024-Q1 … 2024-Q4. On 2 April only Q1 has ended, and
        // its push was reported on 31 March: 1 of 4 periods done, 1 of 4 called for: on pace.
        let plan = Bundled.plan("zhengding-zanhuang-2024")
        let april = try #require(Engine.evaluate(plan, in: Bundled.content, asOf: Build.day("2024-04-02")).indicator("岗位信息推送"))
        #expect(april.pace.status == .onPace)
        #expect(april.pace.expected == Decimal(1) / 4)
        #expect(april.completion == Decimal(1) / 4)
        #expect(april.missedPeriods == [])
        // On 31 October (cumulative 1, 3, 4 at the ends of Q1–Q3): each ended quarter has its
        // push (Q2 had two, which count as one), Q4 runs to 30 November: 3 of 4.
        let result = Engine.evaluate(plan, in: Bundled.content, asOf: Build.day("2024-10-31"))
        let october = try #require(result.indicator("岗位信息推送"))
        #expect(october.completion == Decimal(3) / 4)
        #expect(october.pace.status == .onPace)
        #expect(october.met == .no)
        // Its task 2-2-1 is expected where the quarters are (3 of 4), not at 241 of 271 days: on pace.
        #expect(result.task("2-2-1")?.pace.expected == Decimal(3) / 4)
        #expect(result.task("2-2-1")?.pace.status == .onPace)
    }

    @Test func aMissedQuarterIsAFindingAndTwoPushesInOneDoNotMakeUpForIt() throws {
        // Two pushes in Q1, none in Q2, one in Q3; on 1 October: (1 + 0 + 1 + 0) ÷ 4 = 50 % against
        // the 3 of 4 quarters ended: behind, and Q2 missed.
        let indicator = Indicator(id: "推送", name: "岗位信息推送", unit: Build.measure("次"), target: .atLeast(4),
                                  counting: .new, stock: nil, scored: true, partOf: nil, split: [],
                                  cadence: .init(period: .quarterly, perPeriod: 1), tasks: ["1"], units: [],
                                  standard: nil, group: nil, note: nil, location: Build.here)
        let plan = Build.plan(tasks: [Build.task("1")], indicators: [indicator], records: [
            Build.record("区教育局", "2022-03-31", values: ["推送": 2]),
            Build.record("区教育局", "2022-06-30", values: ["推送": 2]),
            Build.record("区教育局", "2022-09-30", values: ["推送": 3]),
        ])
        let result = Build.evaluate(plan, asOf: "2022-10-01")
        let push = try #require(result.indicator("推送"))
        #expect(push.actual == 3)
        #expect(push.completion == Decimal(string: "0.5"))
        #expect(push.pace.expected == Decimal(3) / 4)
        #expect(push.pace.status == .behind)
        #expect(push.missedPeriods == ["2022-Q2"])
        #expect(result.findings.contains(Finding(kind: .periodMissed, subject: .indicator("推送"), detail: "2022-Q2")))
        #expect(push.explanation.contains(.periodValue(period: "2022-Q1", value: 2, amount: 1)))
        #expect(push.explanation.contains(.periodCompletion(met: 2, judged: 3, periods: 4, ratio: Decimal(string: "0.5")!)))
    }

    @Test func aCadenceWhosePeriodsDoNotAddUpToTheTargetIsAnError() {
        let indicators = """
        indicators:
          - {id: 学校, name: 结对学校数, unit: 个, target: 4, tasks: ["1"]}
          - {id: 医院, name: 结对医院数, unit: 个, target: 2, tasks: ["2"]}
          - {id: 推送, name: 信息推送, unit: 次, target: 5, cadence: quarterly, per-period: 1, units: [区教育局]}
        """
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/indicators.yaml": indicators])
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/indicators.yaml:4:5: error: 1 次 in each of the 4 periods from 2022-Q1 to 2022-Q4 is 4 次, "
            + "but the target is 5 次; correct 'target' or 'per-period'",
        ])
    }

    // MARK: Members

    static func towns(_ values: [String: Decimal], asOf: String) -> PlanResult {
        let plan = Build.plan(tasks: [Build.task("1", units: ["各镇"])],
                              indicators: [Indicator(id: "村企", name: "村企结对", unit: Build.measure("家"), target: .atLeast(3),
                                                     counting: .new, stock: nil, scored: true, partOf: nil, split: [],
                                                     perMember: true, tasks: ["1"], units: [], standard: nil, group: nil,
                                                     note: nil, location: Build.here)],
                              records: values.keys.sorted().map { Build.record($0, "2022-06-30", values: ["村企": values[$0]!]) })
        let content = Build.content([plan], groups: ["各镇": ["甲镇", "乙镇", "丙镇"]])
        return Engine.evaluate(content.plan("p")!, in: content, asOf: Build.day(asOf))
    }

    @Test func aPerMemberTargetIsMetWhenEveryMemberMeetsIt() throws {
        // 每镇不少于 3 家: 甲镇 3, 乙镇 4, 丙镇 2. Not a total of 3 (9 would pass): (3 + 3 + 2) ÷ 9.
        let year = Self.towns(["甲镇": 3, "乙镇": 4, "丙镇": 2], asOf: "2023-01-02")
        let indicator = try #require(year.indicator("村企"))
        #expect(indicator.actual == 9)
        #expect(indicator.items == ["甲镇": 3, "乙镇": 4, "丙镇": 2])
        #expect(indicator.completion == Decimal(8) / 9)
        #expect(indicator.met == .no)
        #expect(indicator.membersBehind == ["丙镇"])
        #expect(indicator.pace.status == .overdue)
        #expect(year.findings.contains(Finding(kind: .memberBehind, subject: .indicator("村企"), detail: "丙镇")))
        #expect(year.task("1")?.pace.status == .overdue)
        // Mid-year 2 of 3 is ahead of the calendar: nobody is behind yet.
        let july = Self.towns(["甲镇": 3, "乙镇": 4, "丙镇": 2], asOf: "2022-07-01")
        #expect(july.indicator("村企")?.pace.status == .onPace)
        #expect(!july.findings.contains { $0.kind == .memberBehind })
        // Every town at 3 or more: done.
        let done = Self.towns(["甲镇": 3, "乙镇": 4, "丙镇": 3], asOf: "2023-01-02")
        #expect(done.indicator("村企")?.met == .yes)
        #expect(done.task("1")?.pace.status == .done)
    }

    @Test func seedPlan002sPerTownTargetWaitsForTheTownsToBeNamed() throws {
        // 如皋→洋县: 各结对镇（街道）…不少于3家 is a target per town; the plan does not name its six
        // towns, so no town can be judged yet: the indicator is "unknown", never "done" at 3 in all.
        let plan = Bundled.plan("rugao-yangxian-2021")
        #expect(plan.indicator("村企结对")?.perMember == true)
        let result = try #require(Engine.evaluate(plan, in: Bundled.content, asOf: Build.day("2021-12-31")).indicator("村企结对"))
        #expect(result.completion == nil)
        #expect(result.pace.status == .unknown)
        #expect(result.explanation.contains(.membersUnknown))
    }
}
