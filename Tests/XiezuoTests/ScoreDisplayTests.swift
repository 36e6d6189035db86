import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// Scores as the plan owner reads them: the bonus under all-or-nothing, and a score withheld
/// for missing evidence said where the status is.
@Suite struct ScoreDisplayTests {
    @Test func allOrNothingAlsoEarnsTheOverCompletionBonus() {
        // Done at 5 of 4 = 125 %: full 100 points, and 25 points over × 0.1 = 2.5 bonus.
        let rule = ScoringRule(method: .allOrNothing, bonus: .init(perPercent: Decimal(string: "0.1")!, cap: 10))
        let result = Build.evaluate(ScoringEngineTests.plan(rule, actual: 5), asOf: "2022-07-01")
        #expect(result.task("1")?.score?.earned == 100)
        #expect(result.task("1")?.score?.bonus == Decimal(string: "2.5"))
        #expect(result.score == Decimal(string: "102.5"))
        // Not done, no bonus and no points.
        #expect(Build.evaluate(ScoringEngineTests.plan(rule, actual: 3), asOf: "2022-07-01").score == 0)
    }

    @Test func aScoreWithheldForMissingEvidenceIsSaidBesideTheStatus() throws {
        // Done (4 of 4) but the photos the requirement asks for are missing: 0 points.
        let rule = ScoringRule(method: .proportional, evidenceRequired: true)
        let plan = ScoringEngineTests.plan(rule, actual: 4, requirement: "提供活动照片", evidence: [.document])
        let content = Build.content([plan])
        let result = Engine.evaluate(content.plan("p")!, in: content, asOf: Build.day("2022-07-01"))
        #expect(result.task("1")?.pace.status == .done)
        #expect(result.task("1")?.score?.withheldForMissingEvidence == true)
        // The same as a site author writes it, built as `xiezuo build` builds it.
        let site = BundledSite.build(Self.evidenceSite(kind: "document"), asOf: Build.day("2022-07-01"))
        let path = SitePath.page("pairings", "a-b", "2022")
        let planPage = try #require(site.files[path].flatMap { String(data: $0, encoding: .utf8) })
        #expect(planPage.contains("已完成</span>\n<span class=\"withheld\"> · 缺佐证材料，0 分</span>"))
        // With the photos handed in, nothing is said.
        let completeSite = BundledSite.build(Self.evidenceSite(kind: "photo"), asOf: Build.day("2022-07-01"))
        let completePage = try #require(completeSite.files[path].flatMap { String(data: $0, encoding: .utf8) })
        #expect(!completePage.contains("class=\"withheld\""))
    }

    /// The tiny site with evidence required, task 1 asking for photos, and 区教育局 reporting
    /// 学校 4 of 4, done, with one piece of evidence of `kind`.
    static func evidenceSite(kind: String) -> MemoryContentSource {
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "  method: proportional\n", with: "  method: proportional\n  evidence-required: true\n")
        let tasks = TinySite.files["content/plans/a-b-2022/tasks.yaml"]!
            .replacingOccurrences(of: "        text: 结对学校\n", with: "        text: 结对学校\n        requirement: 提供活动照片\n")
        let record = TinySite.files["content/plans/a-b-2022/progress/2022-06-区教育局.md"]!
            .replacingOccurrences(of: "    value: 2\n", with: "    value: 4\n")
            .replacingOccurrences(of: "    state: in-progress\n", with: "    state: done\n    evidence:\n      - {title: 活动, kind: \(kind)}\n")
        return TinySite.source(replacing: ["content/plans/a-b-2022/plan.md": plan, "content/plans/a-b-2022/tasks.yaml": tasks,
                                           "content/plans/a-b-2022/progress/2022-06-区教育局.md": record])
    }
}
