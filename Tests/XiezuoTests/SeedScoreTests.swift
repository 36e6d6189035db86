import Foundation
import Testing
@testable import XiezuoCore

/// One full score of a real plan, computed by hand: 000 (乳山市→市中区 2022) over its
/// sample records as of 30 November 2022, under its declared rule (proportional, capped,
/// no credit without the evidence the requirement asks for).
///
/// The sample generator gives unit u a share s(u) × 11/12 × 1.25 of each target by November:
/// a task without indicators is done when that reaches 1, i.e. for s(u) ≥ 0.873.
@Suite struct SeedScoreTests {
    static let plan = Bundled.plan("rushan-shizhong-2022")
    static let result = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2022, month: 11, day: 30)!)

    @Test func theTotalAddsUpAsWorkedOutByHand() {
        // Full marks (17 units × 100 = 1700):
        //   乡村振兴局 1-1, 1-2 (50 + 50); 组织部 2-1 (5 of 5 挂职人员); 宣传部 3-1 (1 of 1 报道);
        //   团区委 4-1 (8 of 8 希望小屋); 妇联 5-1; 工业和信息化局 7-1; 民政局 10-1; 财政局 11-1 (350 万元);
        //   人社局 12-1 (四个一, each item 1); 农业农村局 13-1 + 13-2 (35 of 35, done); 文化和旅游局 15-1
        //   (18 of 15 推文 = 120 %, capped at 100); 卫生健康局 16-1; 残联 17-1; 齐村镇, 税郭镇, 西王庄镇,
        //   光明路街道 (4 × 25 each).
        // Partial:
        //   教育和体育局 8-1: s = 0.45 → 380 × 0.45 × 11/12 × 1.25 = 195.94 → 196 students;
        //     50 × 196/380 = 25.789…
        //   永安市: s = 0.5 → tasks 22-1..3 in progress (0); 22-4: 1 × 0.573 rounds to 1 report → 25.
        // Nothing:
        //   工商联 6-1 and 孟庄镇 19-1..4 (no evidence handed in), 科技局 9-1, 9-2 (s = 0.6) and
        //   商务和投资促进局 14-1 (s = 0.7) still in progress.
        // Task points are carried to 10 decimal places: 25.7894736842.
        let education = Decimal(string: "25.7894736842")!
        let expected = Decimal(1700) + education + Decimal(25)
        #expect(Self.result.rollup.available == 2250)
        #expect(Self.result.score == expected)
        #expect(Display.points(Self.result.score) == "1750.79")
        // 1750.79 ÷ 2250 = 77.8 %: 较好 (75 ≤ 77.8 < 90).
        #expect(Display.percentValue(Self.result.rollup.percent!) == "77.8%")
        #expect(Self.result.grade == "较好")
    }

    @Test func eachPartialTaskIsAsWorkedOut() throws {
        let education = try #require(Self.result.task("8-1"))
        #expect(Self.result.indicator("资助学生")?.actual == 196)
        #expect(education.score?.earned == Decimal(string: "25.7894736842"))
        #expect(Self.result.task("22-4")?.score?.earned == 25)
        #expect(Self.result.task("22-1")?.score?.earned == 0)
        #expect(Self.result.task("6-1")?.score?.explanation.contains(.noEvidence(points: 100)) == true)
        #expect(Self.result.task("15-1")?.uncappedCompletion == Decimal(string: "1.2"))
        #expect(Self.result.task("15-1")?.score?.earned == 100)
    }

    @Test func unitScoresAndRanks() {
        let unit = { (name: String) in Self.result.unit(UnitID(region: "shizhong", name: name)) }
        // 教育和体育局 25.79 of 50 = 51.6 %; 永安市 25 of 100 = 25 %.
        #expect(Display.percentValue(unit("教育和体育局")!.rollup.percent!) == "51.6%")
        #expect(unit("永安市")?.rollup.percent == 25)
        #expect(unit("乡村振兴局")?.rank == 1)
        // 17 units share rank 1 with 100 %; then 教育和体育局 (18), 永安市 (19), the four at 0 (20).
        #expect(unit("教育和体育局")?.rank == 18)
        #expect(unit("永安市")?.rank == 19)
        #expect(unit("科技局")?.rank == 20)
        #expect(unit("孟庄镇")?.rank == 20)
        // The sum of the units' scores is the plan's score.
        #expect(Self.result.units.map(\.rollup.earned).reduce(0, +) == Self.result.score)
    }

    @Test func theOverTargetIndicatorShowsUncapped() {
        // 旅游推文: 18 of 15 期 = 120 %.
        #expect(Self.result.indicator("旅游推文")?.completion == Decimal(string: "1.2"))
        #expect(Self.result.indicator("旅游推文")?.met == .yes)
    }

    @Test func before2022TheSamePlanHadNothing() {
        let early = Engine.evaluate(Self.plan, in: Bundled.content, asOf: Day(year: 2022, month: 7, day: 31)!)
        #expect(early.score == 0)
        #expect(early.latestData == nil)
        #expect(early.completion == 0)
    }
}
