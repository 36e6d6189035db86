import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// The monthly briefing (月度通报): the plan at a month's end and what changed since the month before.
@Suite struct BriefingTests {
    static let plan = Bundled.plan("rushan-shizhong-2022")
    static let briefings = Engine.briefings(plan, in: Bundled.content, asOf: Day(year: 2024, month: 10, day: 31)!)
    static let october = briefings.first { $0.month == "2022-10" }!

    @Test func thereIsABriefingForEveryMonthFromTheFirstRecord() {
        // 000's first records are dated in August 2022; the site's date is past the plan's year.
        #expect(Engine.briefingMonths(of: Self.plan, asOf: Day(year: 2024, month: 10, day: 31)!).map(\.monthKey)
                == ["2022-08", "2022-09", "2022-10", "2022-11", "2022-12"])
        #expect(Engine.briefingMonths(of: Self.plan, asOf: Day(year: 2022, month: 9, day: 15)!).map(\.description)
                == ["2022-08-31", "2022-09-15"])
    }

    @Test func eachMonthIsTheNextMonthsBefore() {
        #expect(Self.briefings.map(\.month) == ["2022-08", "2022-09", "2022-10", "2022-11", "2022-12"])
        // August's before is 31 July (the plan started on 23 July, before any record).
        #expect(Self.briefings[0].before?.asOf.description == "2022-07-31")
        for (earlier, later) in zip(Self.briefings, Self.briefings.dropFirst()) {
            #expect(later.before?.asOf == earlier.now.asOf && later.before?.ranks == earlier.now.ranks)
        }
        // A month's figures are those of a plain evaluation at its end, its rank changes included.
        let plain = Engine.evaluate(Self.plan, in: Bundled.content, asOf: Day(year: 2022, month: 10, day: 31)!)
        #expect(Self.october.now.completion == plain.completion && Self.october.now.score == plain.score)
        #expect(Self.october.now.units.map(\.previousRank) == plain.units.map(\.previousRank))
    }

    @Test func theMengzhuangFundTurnsYellowInOctober() {
        // 衔接推进区资金, target 200 万元, from the start on 2022-07-23 to 2022-12-31 (161 days).
        // 30 September: 90 of 200 = 45 % against 69 / 161 = 42.9 %: on pace.
        // 31 October: 120 of 200 = 60 % against 100 / 161 = 62.1 %: behind, 80 万元 short.
        let id = "衔接推进区资金"
        #expect(Self.october.before?.indicator(id)?.pace.status == .onPace)
        #expect(Self.october.now.indicator(id)?.pace.status == .behind)
        #expect(Self.october.changes.newlyBehind == [.indicator(id)])
        #expect(Self.october.changes.newlyOverdue == [])
        // Every deadline is 31 December: nothing is red in October.
        #expect(!Self.october.now.tasks.contains { $0.pace.status == .overdue })
    }

    @Test func changesAreTheDifferenceBetweenTheTwoMonthEnds() throws {
        let changes = Self.october.changes
        let before = try #require(Self.october.before)
        for subject in changes.newlyDone {
            guard case .task(let id) = subject else { continue }
            #expect(before.task(id)?.pace.status != .done && Self.october.now.task(id)?.pace.status == .done)
        }
        // 光明路街道 rose from 11th to share 1st; every unit with a move had a rank in both months.
        #expect(changes.rankMoves.contains(Briefing.RankMove(unit: UnitID(region: "shizhong", name: "光明路街道"), from: 11, to: 1)))
        #expect(changes.rankMoves.allSatisfy { before.unit($0.unit)?.rank == $0.from && Self.october.now.unit($0.unit)?.rank == $0.to })
        // Units reporting in October: those with a record dated 2022-10.
        let october = Set(Self.plan.records.filter { $0.date.monthKey == "2022-10" }.compactMap(\.reporter))
        #expect(Set(changes.reported) == october && october.count == 22)
    }

    @Test func theBriefingPageListsTheYellowItemWithItsShortfallAndIsLinkedFromThePlan() throws {
        let html = try #require(BundledSite.html("pairings/rushan-shizhong/2022/briefings/2022-10/index.html"))
        let text = HTML.text(html)
        #expect(text.contains("乳山市 → 枣庄市市中区 协作工作2022年10月通报"))
        #expect(text.contains("利用乳山市级协作资金支持孟庄镇建设“凤翔果香·山水孟庄”市级衔接推进区 孟庄镇 不少于 200 万元 120 万元 80 万元 2022-12-31"))
        #expect(text.contains("红灯：逾期未完成 无。"))
        #expect(text.contains("光明路街道：第11名 → 第1名"))
        let plan = try #require(BundledSite.html("pairings/rushan-shizhong/2022/index.html"))
        #expect(plan.contains("<a href=\"../../../pairings/rushan-shizhong/2022/briefings/2022-10/\">通报 2022-10</a>")
                || plan.contains("briefings/2022-10/index.html\">通报 2022-10</a>"))
    }

    /// A site's last briefing, when its month ends on the site's date, is the plan as of that
    /// date evaluated once for both: it says what a briefing evaluated on its own says.
    @Test func aSitesBriefingsAreTheBriefingsOfEachMonth() {
        // 15 September 2022 for 000 (August's end before it), 31 October 2022 for all five.
        for asOf in [Day(year: 2022, month: 9, day: 15)!, Day(year: 2022, month: 10, day: 31)!] {
            let site = Engine.evaluateAll(Bundled.content, asOf: asOf)
            for plan in Bundled.content.plans {
                let alone = Engine.briefings(plan, in: Bundled.content, asOf: asOf)
                let shared = site[plan.id]!.briefings
                #expect(shared.map(\.month) == alone.map(\.month), "\(plan.id) \(asOf)")
                for (a, b) in zip(shared, alone) {
                    #expect(a.changes == b.changes && a.before?.asOf == b.before?.asOf && a.now.asOf == b.now.asOf)
                    #expect(a.now.completion == b.now.completion && a.now.rollup == b.now.rollup && a.now.findings == b.now.findings)
                    #expect(a.now.units.map(\.unit) == b.now.units.map(\.unit)
                            && a.now.units.map(\.rank) == b.now.units.map(\.rank)
                            && a.now.units.map(\.previousRank) == b.now.units.map(\.previousRank)
                            && a.now.units.map(\.lights) == b.now.units.map(\.lights)
                            && a.now.units.map(\.missingReports) == b.now.units.map(\.missingReports))
                    #expect(a.now.tasks.map(\.pace) == b.now.tasks.map(\.pace) && a.now.indicators.map(\.pace) == b.now.indicators.map(\.pace))
                }
            }
            // 000 has records from August 2022: its September (or October) briefing is the site's plan.
            let plan = site["rushan-shizhong-2022"]!
            #expect(plan.briefings.last?.now.asOf == asOf && plan.briefings.last?.now.months == plan.result.months)
        }
    }
}
