import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// A rebuild over the previous output, with the build cache, must equal a clean build byte for
/// byte, whatever input changed; it renders only the groups whose inputs changed; files whose
/// bytes did not change are not written (same inode, same modification time); files no
/// longer made are removed.
@Suite struct RebuildTests {
    /// TinySite plus a second, independent pairing (c helps d) with a plan of its own: two groups.
    static let site: [String: String] = TinySite.files.merging([
        "content/regions/c.yaml": "name: 丙市\nunits:\n  - {name: 市教育局, kind: bureau}\n",
        "content/regions/d.yaml": "name: 丁县\nunits: []\n",
        "content/pairings/c-d.md": "---\nkind: 省内协作帮扶\nhelping: c\nhelped: d\n---\n丙市帮扶丁县。\n",
        "content/plans/c-d-2022/plan.md": "---\npairing: c-d\nyear: 2022\ntitle: 丙丁方案\nowner: helping\nscoring: {method: none}\n---\n",
        "content/plans/c-d-2022/indicators.yaml": "indicators:\n  - {id: 学校, name: 结对学校数, unit: 个, target: 3, units: [市教育局]}\n",
        "content/plans/c-d-2022/progress/2022-05-市教育局.md": "---\nunit: 市教育局\ndate: 2022-05-31\nvalues:\n  - {indicator: 学校, value: 1}\n---\n开局。\n",
    ]) { _, new in new }

    static func build(_ files: [String: String], templates: [String: Data] = [:], options: SiteOptions = SiteOptions(),
                      output: URL, cache: URL?) throws -> SiteBuild.Outcome {
        let sink = DiagnosticSink()
        let set = try #require(TemplateSet.load(overrides: templates, language: "zh-CN", sink: sink))
        return try SiteBuild(source: MemoryContentSource(files), destination: .folder(output, cache: cache), templates: set,
                             options: options).run()
    }

    /// The inode of each of the site's files and folders (not xiezuo's own record, rewritten each build).
    static func inodes(_ folder: URL) -> [String: Int] {
        var inodes: [String: Int] = [:]
        for path in (FileManager.default.subpaths(atPath: folder.path) ?? []).filter({ !$0.hasPrefix(".xiezuo-") }) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            if let inode = attributes?[.systemFileNumber] as? NSNumber { inodes[path] = inode.intValue }
        }
        return inodes
    }

    /// The site's files, without xiezuo's own (its record, lock and journal): what a reader sees.
    static func snapshot(_ folder: URL) -> [String: Data] {
        let paths = (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { !$0.hasPrefix(".xiezuo-") }
        var files: [String: Data] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try? Data(contentsOf: url)
            }
        }
        return files
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-rebuild-\(UUID().uuidString)")
    }

    struct Change: Sendable, CustomTestStringConvertible {
        let name: String
        var files: [String: String?] = [:]
        var templates: [String: Data] = [:]
        var options = SiteOptions()
        /// How many of the groups (a-b, c-d, and the one of regions and pairings without plans)
        /// are rendered again.
        let groups: Int
        var testDescription: String { name }
    }

    static let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
    static let changes: [Change] = [
        Change(name: "a record", files: [record: site[record]!.replacingOccurrences(of: "value: 2", with: "value: 3")], groups: 1),
        Change(name: "a new record", files: ["content/plans/a-b-2022/progress/2022-06-区卫健局.md":
            "---\nunit: 区卫健局\ndate: 2022-06-15\nvalues:\n  - {indicator: 医院, value: 1}\n---\n新记录。\n"], groups: 1),
        // A record later than any other moves the site's as-of date: every plan is shown as of it.
        Change(name: "a new latest record", files: ["content/plans/a-b-2022/progress/2022-07-区卫健局.md":
            "---\nunit: 区卫健局\ndate: 2022-07-31\nvalues:\n  - {indicator: 医院, value: 1}\n---\n新记录。\n"], groups: 3),
        // The latest record anywhere: without it the site's date moves back to c-d's 31 May.
        Change(name: "a removed record", files: [record: nil], groups: 3),
        Change(name: "a plan", files: ["content/plans/a-b-2022/plan.md": site["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "title: 测试方案", with: "title: 测试方案（修订）")], groups: 1),
        Change(name: "a unit", files: ["content/regions/a.yaml": site["content/regions/a.yaml"]!
            .replacingOccurrences(of: "{name: 区卫健局, kind: bureau}", with: "{name: 区卫健局, kind: bureau, aliases: [卫健局]}")],
               groups: 1),
        Change(name: "the helped region's name", files: ["content/regions/b.yaml": "name: 乙县（新）\nunits: []\n"], groups: 2),
        Change(name: "a pairing", files: ["content/pairings/c-d.md": site["content/pairings/c-d.md"]!
            .replacingOccurrences(of: "丙市帮扶丁县。", with: "丙市帮扶丁县，已三年。")], groups: 1),
        Change(name: "a new plan year", files: [
            "content/plans/c-d-2023/plan.md": "---\npairing: c-d\nyear: 2023\ntitle: 丙丁方案2023\nowner: helping\nscoring: {method: none}\n---\n",
            "content/plans/c-d-2023/indicators.yaml": "indicators:\n  - {id: 学校, name: 结对学校数, unit: 个, target: 5, units: [市教育局]}\n",
        ], groups: 1),
        Change(name: "a removed plan", files: ["content/plans/c-d-2022/plan.md": nil, "content/plans/c-d-2022/indicators.yaml": nil,
                                                "content/plans/c-d-2022/progress/2022-05-市教育局.md": nil],
               // Its region and pairing join the group of those without plans; its own group is gone.
               groups: 1),
        Change(name: "a standard indicator", files: [
            "content/standards.yaml": "standards:\n  - {id: schools, name: 结对学校, unit: 个}\n",
            "content/plans/c-d-2022/indicators.yaml": "indicators:\n  - {id: 学校, name: 结对学校数, unit: 个, target: 3, units: [市教育局], standard: schools}\n",
        ], groups: 3),
        Change(name: "a template", templates: ["partials/badge.mustache":
            Data("<span class=\"badge badge-{{status}}\">{{symbol}} {{label}}</span>".utf8)], groups: 3),
        Change(name: "a string", templates: ["strings.yaml": Data("plan.summary: {zh-CN: 概况, en: Summary}\n".utf8)], groups: 3),
        Change(name: "the as-of date", options: SiteOptions(asOf: Day(year: 2022, month: 6, day: 1)), groups: 3),
    ]

    @Test(arguments: changes)
    func rebuildEqualsACleanBuild(_ change: Change) throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (incremental, clean, cache) = (root.appendingPathComponent("incremental"), root.appendingPathComponent("clean"),
                                           root.appendingPathComponent("cache"))
        let first = try Self.build(Self.site, output: incremental, cache: cache)
        #expect(first.groupsRendered == 3 && first.groups == 3)
        let before = Self.snapshot(incremental)
        let inodesBefore = Self.inodes(incremental)
        var changed = Self.site
        for (path, text) in change.files { changed[path] = text }
        let again = try Self.build(changed, templates: change.templates, options: change.options, output: incremental, cache: cache)
        #expect(again.diagnostics.filter { $0.severity == .error } == [])
        #expect(again.groupsRendered == change.groups)
        _ = try Self.build(changed, templates: change.templates, options: change.options, output: clean, cache: nil)
        let after = Self.snapshot(incremental)
        #expect(after == Self.snapshot(clean))
        // Only the files whose bytes changed were written; the rest were kept; the rest removed.
        let written = after.filter { before[$0.key] != $0.value }.count
        let summary = try #require(again.files)
        #expect(summary.written == written)
        #expect(summary.unchanged == after.count - written)
        #expect(summary.removed == before.keys.filter { after[$0] == nil }.count)
        #expect(written > 0)
        // Kept files are the very same files, so their modification time is kept.
        let inodesAfter = Self.inodes(incremental)
        for (path, data) in after {
            #expect((inodesAfter[path] == inodesBefore[path]) == (before[path] == data), "\(path)")
        }
    }

    @Test func nothingChangedRendersNothingAndWritesNothing() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, cache) = (root.appendingPathComponent("public"), root.appendingPathComponent("cache"))
        _ = try Self.build(Self.site, output: output, cache: cache)
        let before = Self.inodes(output)
        let again = try Self.build(Self.site, output: output, cache: cache)
        #expect(again.groupsRendered == 0)
        #expect(again.files?.written == 0)
        #expect(again.files?.unchanged == Self.snapshot(output).count)
        #expect(Self.inodes(output) == before)
    }

    @Test func aFailedBuildTouchesNeitherTheOutputNorTheCache() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, cache) = (root.appendingPathComponent("public"), root.appendingPathComponent("cache"))
        _ = try Self.build(Self.site, output: output, cache: cache)
        let before = Self.snapshot(output)
        let state = try Data(contentsOf: cache.appendingPathComponent("state.json"))
        var broken = Self.site
        broken[Self.record] = Self.site[Self.record]!.replacingOccurrences(of: "unit: 区教育局", with: "unit: 区教育厅")
        let failed = try Self.build(broken, output: output, cache: cache)
        #expect(failed.failed)
        #expect(failed.diagnostics.contains { $0.message.description.contains("unknown unit '区教育厅'") })
        #expect(Self.snapshot(output) == before)
        #expect(try Data(contentsOf: cache.appendingPathComponent("state.json")) == state)
        // The next good build still reuses the untouched group.
        let fixed = try Self.build(Self.site, output: output, cache: cache)
        #expect(fixed.groupsRendered == 0)
        #expect(Self.snapshot(output) == before)
    }

    @Test func aReplacedOutputFolderIsBuiltAnew() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, cache) = (root.appendingPathComponent("public"), root.appendingPathComponent("cache"))
        _ = try Self.build(Self.site, output: output, cache: cache)
        let before = Self.snapshot(output)
        try FileManager.default.removeItem(at: output)
        let again = try Self.build(Self.site, output: output, cache: cache)
        #expect(again.groupsRendered == 3)
        #expect(Self.snapshot(output) == before)
    }

    @Test func withoutACacheStaleFilesAreStillRemovedAndSameFilesKept() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try Self.build(Self.site, output: output, cache: nil)
        let inodes = Self.inodes(output)
        var smaller = Self.site
        ["content/plans/c-d-2022/plan.md", "content/plans/c-d-2022/indicators.yaml",
         "content/plans/c-d-2022/progress/2022-05-市教育局.md"].forEach { smaller[$0] = nil }
        let again = try Self.build(smaller, output: output, cache: nil)
        #expect((again.files?.removed ?? 0) > 0)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pairings/c-d/2022/index.html").path))
        // The first group's task page did not change, and was not written again.
        let task = "tasks/a-b-2022/1/index.html"
        #expect(Self.inodes(output)[task] == inodes[task])
    }

    @Test func theDiskBuildEqualsTheInMemoryBuildOnTheSeeds() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let report = try SiteBuild(source: DiskContentSource(root: Bundled.root), destination: .folder(output, cache: nil),
                                   templates: BundledSite.templates, options: SiteOptions()).run()
        #expect(report.pages == BundledSite.site.pages)
        let files = Self.snapshot(output)
        #expect(OutputRecord.read(in: output)?.count == files.count)
        #expect(files == Dictionary(uniqueKeysWithValues: BundledSite.site.files.map { ($0.key.description, $0.value) }))
        // The five plans fall into groups by owning region and pairing: 乳山→市中 (owned by
        // 市中区), 斗门→湄潭, 如皋→洋县, 普陀→万源, 正定→赞皇, and the regions without plans.
        #expect(report.groups == 6)
    }
}

@Suite struct MonthStateTests {
    /// The engine's state of a plan at each month's end (what its chart reads) against a full
    /// evaluation at that day, for every seed plan: tasks measured by indicators, by reported
    /// state, not applicable, and plans of indicators only.
    @Test func eachMonthsStateEqualsTheFullEvaluationThatDay() {
        #expect(Bundled.content.plans.count == 5)
        for plan in Bundled.content.plans {
            let yearEnd = Engine.evaluate(plan, in: Bundled.content, asOf: Day.lastOfYear(plan.year))
            #expect(yearEnd.months.first?.month == plan.startDay.monthKey, "\(plan.id)")
            #expect(yearEnd.months.last?.month == "\(plan.year)-12", "\(plan.id)")
            for state in yearEnd.months {
                let parts = state.month.split(separator: "-").compactMap { Int($0) }
                let full = Engine.evaluate(plan, in: Bundled.content, asOf: Day.lastOfMonth(year: parts[0], month: parts[1]))
                #expect(state.completion == full.completion, "\(plan.id) \(state.month)")
                #expect(state.expected == full.expected, "\(plan.id) \(state.month)")
            }
        }
    }

    @Test func theMonthsRunFromTheStartToTheDate() {
        // 004, issued 4 March, as of 15 June: March, April, May, and June to the 15th.
        let plan = Bundled.plan("zhengding-zanhuang-2024")
        let june = Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2024, month: 6, day: 15)!)
        #expect(june.months.map(\.month) == ["2024-03", "2024-04", "2024-05", "2024-06"])
        #expect(june.months.last?.completion == june.completion)
        #expect(june.months.last?.expected == june.expected)
        // Before the plan starts there is no month to show.
        #expect(Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: 2024, month: 2, day: 1)!).months == [])
    }
}
