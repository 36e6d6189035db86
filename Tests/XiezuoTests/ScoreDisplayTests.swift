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
        let site = SiteBuilder.build(content, templates: BundledSite.templates, options: SiteOptions(asOf: Build.day("2022-07-01")))
        let path = try #require(Routes(content: content, taskPages: TaskPage.deserved).plan("p"))
        let planPage = try #require(site.files[path].flatMap { String(data: $0, encoding: .utf8) })
        #expect(planPage.contains("已完成</span>\n<span class=\"withheld\"> · 缺佐证材料，0 分</span>"))
        // With the photos handed in, nothing is said.
        let complete = Build.content([ScoringEngineTests.plan(rule, actual: 4, requirement: "提供活动照片", evidence: [.photo])])
        let completeSite = SiteBuilder.build(complete, templates: BundledSite.templates,
                                             options: SiteOptions(asOf: Build.day("2022-07-01")))
        let completePage = try #require(completeSite.files[path].flatMap { String(data: $0, encoding: .utf8) })
        #expect(!completePage.contains("class=\"withheld\""))
    }
}
