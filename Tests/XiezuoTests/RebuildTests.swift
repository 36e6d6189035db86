import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// A rebuild over the previous output must equal a clean build, byte for byte, whatever input
/// changed; and files whose bytes did not change keep their modification time.
@Suite struct RebuildTests {
    static func build(_ overrides: [String: String], templates: [String: Data] = [:], into output: URL) throws
        -> SiteWriter.Summary {
        let sink = DiagnosticSink()
        let set = try #require(TemplateSet.load(overrides: templates, language: "zh-CN", sink: sink))
        let loaded = TinySite.load(replacing: overrides)
        #expect(!loaded.hasErrors)
        // As `xiezuo build` does: each file straight to the staging folder, results.json in parts.
        let staging = try SiteWriter.Staging(output: output)
        let options = SiteOptions()
        _ = SiteBuilder.render(loaded.content, results: SiteBuilder.compute(loaded.content, options: options),
                               templates: set, options: options, into: staging)
        return try staging.commit()
    }

    static func inodes(_ folder: URL) -> [String: Int] {
        var inodes: [String: Int] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            if let inode = attributes?[.systemFileNumber] as? NSNumber { inodes[path] = inode.intValue }
        }
        return inodes
    }

    static func snapshot(_ folder: URL) -> [String: Data] {
        let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
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

    static let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
    static let changes: [(String, [String: String], [String: Data])] = [
        ("a record", [record: TinySite.files[record]!.replacingOccurrences(of: "value: 2", with: "value: 3")], [:]),
        ("a plan", ["content/plans/a-b-2022/plan.md": TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "title: 测试方案", with: "title: 测试方案（修订）")], [:]),
        ("a unit", ["content/regions/a.yaml": TinySite.files["content/regions/a.yaml"]!
            .replacingOccurrences(of: "{name: 区卫健局, kind: bureau}", with: "{name: 区卫健局, kind: bureau, aliases: [卫健局]}")], [:]),
        ("a template", [:], ["partials/badge.mustache":
            Data("<span class=\"badge badge-{{status}}\">{{symbol}} {{label}}</span>".utf8)]),
    ]

    @Test(arguments: changes.indices)
    func rebuildEqualsACleanBuild(_ index: Int) throws {
        let (_, overrides, templates) = Self.changes[index]
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-rebuild-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let incremental = root.appendingPathComponent("incremental")
        let clean = root.appendingPathComponent("clean")
        _ = try Self.build([:], into: incremental)
        let before = Self.snapshot(incremental)
        let inodesBefore = Self.inodes(incremental)
        let summary = try Self.build(overrides, templates: templates, into: incremental)
        _ = try Self.build(overrides, templates: templates, into: clean)
        let after = Self.snapshot(incremental)
        #expect(after == Self.snapshot(clean))
        // Only the files whose bytes changed were written; the rest were kept.
        let changed = after.filter { before[$0.key] != $0.value }.count
        #expect(summary.written == changed)
        #expect(summary.unchanged == after.count - changed - 1)  // the marker file is neither
        #expect(changed > 0)
        // Kept files are the very same files (hard links), so their modification time is kept.
        let inodesAfter = Self.inodes(incremental)
        for (path, data) in after where path != SiteWriter.marker {
            #expect((inodesAfter[path] == inodesBefore[path]) == (before[path] == data), "\(path)")
        }
    }
}

@Suite struct ChartConsistencyTests {
    @Test func theLightCompletionEqualsTheFullEvaluation() {
        let plan = Bundled.plan("rushan-shizhong-2022")
        for month in 7...12 {
            let day = Day.lastOfMonth(year: 2022, month: month)
            let full = Engine.evaluate(plan, in: Bundled.content, asOf: day)
            let light = Engine.completion(of: plan, in: Bundled.content, asOf: day)
            #expect(light.0 == full.completion, "\(day)")
            #expect(light.1 == full.expected, "\(day)")
        }
    }
}
