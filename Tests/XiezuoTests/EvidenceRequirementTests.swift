import Testing
@testable import XiezuoCore

/// Which evidence a requirement (考核要求) asks for, read from its words.
@Suite struct EvidenceRequirementTests {
    /// Requirements as the seed plans write them (乳山—市中 2022), with the kinds worked out by
    /// reading each for the keywords: 照片/图片 photo, 新闻稿/报道/推文 news, 名单/花名册 list,
    /// 通知/文件/方案/材料/资料/… document.
    @Test(arguments: [
        ("提供主要领导出席会议的通知、新闻稿、照片及有效证明材料。", [Evidence.Kind.photo, .news, .document]),
        ("提供机制建设、任务落实，协作督导等文件资料。", [.document]),
        ("提供乳山市—枣庄市市中区协作帮扶宣传报道等有效证明材料。", [.news, .document]),
        ("提供服务活动方案、照片、儿童名单、“微心愿”等证明资料。", [.photo, .list, .document]),
        // Naming no kind asks for a document.
        ("按时完成", [.document]),
    ])
    func kindsAreReadFromTheWords(requirement: String, kinds: [Evidence.Kind]) {
        #expect(EvidenceRequirement.kinds(requirement) == kinds)
    }

    @Test func noRequirementAsksForNothing() {
        #expect(EvidenceRequirement.kinds(nil) == [])
    }

    @Test func textIsFoundByItsBytes() {
        let text = "提供活动方案、照片等"
        #expect(text.containsText("照片"))
        #expect(text.containsText("方案、照"))
        #expect(!text.containsText("图片"))
        #expect(!text.containsText("照片等。"))
        #expect(text.containsText("等"))  // the last character
        #expect(text.containsText(text))
        #expect(text.containsText(""))
        // A part of a longer text, as a Substring.
        #expect(text.dropFirst(2).containsText("活动"))
        #expect(!text.dropFirst(3).containsText("活动"))
    }

    /// A task's evidence as of a date is each item handed in by then, once, in the order first
    /// handed in. The engine reads it from each report's new items (records in date order);
    /// on every seed plan, every task and every month end it is what going through the reports
    /// gives.
    @Test func aTasksEvidenceIsEachItemOnceInTheOrderHandedIn() throws {
        var withRepeats = 0
        for plan in Bundled.content.plans {
            let index = RecordIndex(plan)
            #expect(zip(index.dates, index.dates.dropFirst()).allSatisfy { $0 <= $1 }, "\(plan.id)")
            for end in Engine.monthEnds(of: plan, asOf: Day.lastOfYear(plan.year)) {
                let result = Engine.evaluate(plan, in: Bundled.content, asOf: end, history: false)
                for task in plan.allTasks {
                    let reports = (index.tasks[task.id] ?? []).filter { index.dates[$0.record] <= end }
                    let all = reports.flatMap(\.report.evidence)
                    var seen = Set<Evidence>()
                    let distinct = all.filter { seen.insert($0).inserted }
                    #expect(result.task(task.id)?.evidence == distinct, "\(plan.id) \(task.id) \(end)")
                    if all.count > distinct.count { withRepeats += 1 }
                }
            }
        }
        // The rule is exercised: items handed in twice are listed once.
        #expect(withRepeats > 0)
        // And worked out by hand on a plan built here: 照片 twice, then 文件.
        let draft = Build.plan(tasks: [Build.task("1")], records: [
            Build.record("区教育局", "2022-03-31", tasks: ["1": .inProgress], evidence: [.photo]),
            Build.record("区教育局", "2022-04-30", tasks: ["1": .inProgress], evidence: [.photo, .document]),
        ])
        let content = Build.content([draft])
        let plan = try #require(content.plans.first)
        let april = Engine.evaluate(plan, in: content, asOf: Day(year: 2022, month: 4, day: 30)!, history: false)
        #expect(april.task("1")?.evidence.map(\.kind) == [.photo, .document])
        let march = Engine.evaluate(plan, in: content, asOf: Day(year: 2022, month: 3, day: 31)!, history: false)
        #expect(march.task("1")?.evidence.map(\.kind) == [.photo])
    }
}
