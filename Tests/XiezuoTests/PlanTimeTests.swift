import Foundation
import Testing
@testable import XiezuoCore

/// When a plan's work starts, which date the site is shown as of, and what counts as reported:
/// the rules of docs/computation.md, worked out by hand on the seed plans and on small plans.
@Suite struct PlanTimeTests {
    // MARK: A plan starts when it is issued

    @Test func plan000ExpectsNothingOnTheDayItIsIssued() throws {
        // 市中乡振发〔2022〕11号 was issued on 2022-07-23: that day nothing is expected and nothing graded.
        let plan = Bundled.plan("rushan-shizhong-2022")
        #expect(plan.startDay == Day(year: 2022, month: 7, day: 23))
        let issued = Engine.evaluate(plan, in: Bundled.content, asOf: Build.day("2022-07-23"))
        #expect(issued.expected == 0)
        #expect(issued.grade == nil)
        #expect(issued.units.allSatisfy { $0.grade == nil })
        #expect(!issued.findings.contains { $0.kind == .behind || $0.kind == .notStarted || $0.kind == .overdue })
        // The next day 1 of the 161 days from 23 July to 31 December has passed, and grades are given.
        let next = Engine.evaluate(plan, in: Bundled.content, asOf: Build.day("2022-07-24"))
        #expect(next.expected == Decimal(1) / Decimal(161))
        #expect(next.grade != nil)
    }

    @Test func aDeclaredStartWinsOverTheIssueDate() {
        let plan = Build.plan(year: 2024, tasks: [Build.task("1")], issued: Build.day("2024-03-04"),
                              start: Build.day("2024-04-01"))
        #expect(plan.startDay == Build.day("2024-04-01"))
        // 1 April to 31 December is 274 days; on 1 May 30 of them have passed.
        #expect(Build.evaluate(plan, asOf: "2024-05-01").expected == Decimal(30) / Decimal(274))
        // Without either date the plan starts on 1 January.
        #expect(Build.plan(year: 2024, tasks: [Build.task("1")]).startDay == Build.day("2024-01-01"))
    }

    @Test func beforeItStartsAPlanHasNoExpectationGradeOrFindings() {
        let plan = Build.plan(year: 2024, rule: ScoringRule(method: .proportional, grades: [ScoringRule.GradeBand(minimum: 0, grade: "差")]),
                              tasks: [Build.task("1", points: 10)], reporting: .init(dueDay: 1),
                              issued: Build.day("2024-03-04"))
        let before = Build.evaluate(plan, asOf: "2024-02-15")
        #expect(before.expected == 0)
        #expect(before.grade == nil)
        #expect(before.findings == [])
        #expect(before.tasks[0].pace.status == .notStarted)
    }

    @Test func aStartAfterTheDeadlineIsAnError() {
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "year: 2022\n", with: "year: 2022\nstart: 2022-12-01\ndeadline: 2022-11-30\n")
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/plan.md": plan])
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/plan.md:2:1: error: the plan starts on 2022-12-01 (its 'start', else 'issued') but its "
            + "deadline is 2022-11-30; correct 'start', 'issued' or 'deadline' in plan.md",
        ])
    }

    // MARK: Monthly reports are owed from the start

    @Test func monthlyReportsAreOwedFromTheMonthThePlanStarts() {
        // Started 4 March, due on the 1st: on 2 May March's and April's reports are late (March's
        // was due on 1 April, April's on 1 May), none for January or February.
        let plan = Build.plan(year: 2024, tasks: [Build.task("1")], reporting: .init(dueDay: 1),
                              issued: Build.day("2024-03-04"))
        #expect(Build.evaluate(plan, asOf: "2024-05-02").unit(Build.unit("区教育局"))?.missingReports
                == ["2024-03", "2024-04"])
        // With a declared start in April, March is not owed.
        let later = Build.plan(year: 2024, tasks: [Build.task("1")], reporting: .init(dueDay: 1),
                               issued: Build.day("2024-03-04"), start: Build.day("2024-04-10"))
        #expect(Build.evaluate(later, asOf: "2024-05-02").unit(Build.unit("区教育局"))?.missingReports == ["2024-04"])
        // Before the first report falls due nothing is missing.
        #expect(Build.evaluate(plan, asOf: "2024-04-01").unit(Build.unit("区教育局"))?.missingReports == [])
    }

    @Test func seedPlan004OwesReportsFromMarchOnly() throws {
        // 正巩固拓展办〔2024〕2号, issued 2024-03-04, 每月1日前上报: no unit owes January or February.
        let plan = Bundled.plan("zhengding-zanhuang-2024")
        let result = Engine.evaluate(plan, in: Bundled.content, asOf: Build.day("2024-12-02"))
        let months = Set(result.units.flatMap(\.missingReports))
        #expect(!months.contains("2024-01") && !months.contains("2024-02"))
    }

    // MARK: One as-of date for the whole site

    @Test func theSiteIsShownAsOfTheLatestRecordAnywhere() {
        // The latest record of the bundled content is 正定→赞皇's of 2024-10-31.
        #expect(Engine.defaultAsOf(in: Bundled.content) == Build.day("2024-10-31"))
        #expect(Engine.defaultAsOf(latestRecords: [Build.day("2021-12-31"), Build.day("2024-10-31")], years: [2021, 2024])
                == Build.day("2024-10-31"))
        #expect(Engine.defaultAsOf(latestRecords: [], years: [2021, 2024]) == Build.day("2024-01-01"))
    }

    @Test func aPastPlanShownAsOfTheSiteDateHasNothingBehindOnlyDoneOrOverdue() {
        // 普陀→万源 2021, shown as of 2024-10-31: every unfinished task is overdue (red), those
        // never started included; nothing is "behind" any more.
        let plan = Bundled.plan("putuo-wanyuan-2021")
        let result = Engine.evaluate(plan, in: Bundled.content, asOf: Engine.defaultAsOf(in: Bundled.content))
        #expect(result.expected == 1)
        let statuses = result.tasks.map(\.pace.status)
        #expect(!statuses.contains(.behind) && !statuses.contains(.onPace) && !statuses.contains(.notStarted))
        let done = statuses.filter { $0 == .done }.count
        #expect(done > 0)
        #expect(statuses.filter { $0 == .overdue }.count == result.tasks.count - done)
        #expect(result.rollup.overdue == result.tasks.count - done)
    }

    @Test func aRecordNamedForAMonthIsDatedInIt() {
        #expect(RecordName.month(ofPath: "content/plans/p/progress/2022-08-乡村振兴局.md") == "2022-08")
        #expect(RecordName.month(ofPath: "content/plans/p/progress/01-乡村振兴局.md") == nil)
        #expect(RecordName.month(ofPath: "content/plans/p/progress/2022-13-乡村振兴局.md") == nil)
        // The month is read from the file's name alone, with or without folders before it.
        #expect(RecordName.month(ofPath: "2022-09-乡村振兴局.md") == "2022-09")
        #expect(RecordName.month(ofPath: "content/2022-09-x/progress/乡村振兴局.md") == nil)
        // A June file copied for July whose date was not changed, or changed and not renamed.
        let june = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let result = TinySite.load(replacing: [june: TinySite.files[june]!.replacingOccurrences(of: "2022-06-30", with: "2022-07-31")])
        #expect(result.errors.map(\.description) == [
            "\(june):3:7: error: the file name says 2022-06 but the record is dated 2022-07-31; a record named for its month "
            + "reports on that month: correct 'date' or rename the file",
        ])
    }

    @Test func aPlansLatestRecordIsFoundFromTheLatestMonthNamed() throws {
        // Only the records of the latest month named (and any named otherwise) are read: the
        // March file below is not even valid, and the latest date is still found.
        var files = TinySite.files
        files["content/plans/a-b-2022/progress/2022-03-区教育局.md"] = "not a record"
        files["content/plans/a-b-2022/progress/补报-区卫健局.md"] = "---\nunit: 区卫健局\ndate: 2022-06-10\n---\n"
        let source = MemoryContentSource(files)
        let scan = ContentScan.scan(source)
        #expect(ContentLoader.latestRecordDate(ofPlan: "a-b-2022", in: scan, from: source) == Build.day("2022-06-30"))
        files["content/plans/a-b-2022/progress/补报-区卫健局.md"] = "---\nunit: 区卫健局\ndate: 2022-07-10\n---\n"
        let later = MemoryContentSource(files)
        #expect(ContentLoader.latestRecordDate(ofPlan: "a-b-2022", in: ContentScan.scan(later), from: later) == Build.day("2022-07-10"))
    }

    // MARK: A reported 0 is a report

    @Test func aReportedZeroIsUnderWayNotNotStarted() throws {
        let plan = Build.plan(tasks: [Build.task("1")],
                              indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"])],
                              records: [Build.record("区教育局", "2022-03-31", values: ["x": 0])])
        let result = Build.evaluate(plan, asOf: "2022-07-02")
        let indicator = try #require(result.indicator("x"))
        #expect(indicator.reported)
        #expect(indicator.actual == 0)
        // 0 of 4 with half the year gone: behind, not "not started".
        #expect(indicator.pace.status == .behind)
        #expect(result.tasks[0].pace.status == .behind)
        // Without the record nothing was reported.
        let silent = Build.evaluate(Build.plan(tasks: [Build.task("1")],
                                               indicators: [Build.indicator("x", .atLeast(4), tasks: ["1"])]),
                                    asOf: "2022-07-02")
        // Nothing reported at all: behind as well (never started past its start), but not reported.
        #expect(silent.indicator("x")?.reported == false)
        #expect(silent.indicator("x")?.pace.status == .behind)
    }
}
