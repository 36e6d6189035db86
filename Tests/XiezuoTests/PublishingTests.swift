import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// Nothing half-published: a commit cut off half way is finished by the next command, a
/// damaged cache or a page edited by hand never gives a wrong site, xiezuo never deletes what
/// it did not write, and two builds never write one output at once.
@Suite struct PublishingTests {
    typealias Rebuild = RebuildTests
    static let record = RebuildTests.record

    /// The tiny two-group site with one record changed: 2 schools become 3.
    static var changed: [String: String] {
        var files = Rebuild.site
        files[record] = files[record]!.replacingOccurrences(of: "value: 2", with: "value: 3")
        return files
    }

    static func cleanBuild(_ files: [String: String], in root: URL) throws -> [String: Data] {
        let clean = root.appendingPathComponent("clean-\(UUID().uuidString)")
        _ = try Rebuild.build(files, output: clean, cache: nil)
        return Rebuild.snapshot(clean)
    }

    @Test func aCommitCutOffHalfWayIsFinishedByTheNextCommand() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, cache) = (root.appendingPathComponent("public"), root.appendingPathComponent("cache"))
        _ = try Rebuild.build(Rebuild.site, output: output, cache: cache)
        let old = Rebuild.snapshot(output)
        // The commit stops after moving 2 of its files, as a killed process would.
        CommitJournal.stops.set(output, afterMoves: 2)
        #expect(throws: SiteWriter.Failure.self) { try Rebuild.build(Self.changed, output: output, cache: cache) }
        CommitJournal.stops.set(output, afterMoves: nil)
        let new = try Self.cleanBuild(Self.changed, in: root)
        let mixed = Rebuild.snapshot(output)
        #expect(mixed != old && mixed != new)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(CommitJournal.fileName).path))
        // The next xiezuo command to open the output finishes that commit first: the new site.
        _ = try SiteWriter.Staging(output: output)
        #expect(Rebuild.snapshot(output) == new)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(CommitJournal.fileName).path))
        // And a build after it equals a clean build.
        let again = try Rebuild.build(Self.changed, output: output, cache: cache)
        #expect(again.files?.written == 0)
        #expect(Rebuild.snapshot(output) == new)
    }

    @Test func aBuildCutOffBeforeItsCommitLeavesThePreviousSiteAndItsStagedFilesGo() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try Rebuild.build(Rebuild.site, output: output, cache: nil)
        let old = Rebuild.snapshot(output)
        // A build killed while rendering: files staged, no journal.
        let staged = output.appendingPathComponent(SiteWriter.stagingName + "/index.html")
        try FileManager.default.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staged)
        #expect(Rebuild.snapshot(output) == old)
        _ = try SiteWriter.Staging(output: output)
        #expect(!FileManager.default.fileExists(atPath: staged.path))
        #expect(Rebuild.snapshot(output) == old)
    }

    /// Each file of the build cache damaged in turn, then one record changed: the site equals a
    /// clean build every time.
    @Test func aDamagedCacheNeverGivesAWrongSite() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let new = try Self.cleanBuild(Self.changed, in: root)
        let probe = root.appendingPathComponent("probe")
        _ = try Rebuild.build(Rebuild.site, output: probe.appendingPathComponent("public"), cache: probe.appendingPathComponent("cache"))
        let cacheFiles = (FileManager.default.subpaths(atPath: probe.appendingPathComponent("cache").path) ?? []).filter {
            !$0.hasSuffix("lock") && !FileManager.default.isDirectory(probe.appendingPathComponent("cache/" + $0))
        }
        #expect(cacheFiles.count >= 5)  // state.json, three groups' records, their plans' shares
        for (index, file) in cacheFiles.sorted().enumerated() {
            for damage in ["flip", "truncate", "delete"] {
                let case_ = root.appendingPathComponent("case-\(index)-\(damage)")
                let (output, cache) = (case_.appendingPathComponent("public"), case_.appendingPathComponent("cache"))
                _ = try Rebuild.build(Rebuild.site, output: output, cache: cache)
                let target = cache.appendingPathComponent(file)
                var data = try Data(contentsOf: target)
                switch damage {
                case "flip": data[data.count / 2] ^= 0x01
                case "truncate": data = data.prefix(data.count / 2)
                default: data = Data()
                }
                if damage == "delete" { try FileManager.default.removeItem(at: target) } else { try data.write(to: target) }
                let report = try? Rebuild.build(Self.changed, output: output, cache: cache)
                // A damaged share found late stops the build (the cache is set aside); the next one is whole.
                if report == nil { _ = try Rebuild.build(Self.changed, output: output, cache: cache) }
                #expect(Rebuild.snapshot(output) == new, "\(file) \(damage)")
            }
        }
    }

    @Test func aPageEditedOrRemovedByHandIsMadeAgain() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, cache) = (root.appendingPathComponent("public"), root.appendingPathComponent("cache"))
        _ = try Rebuild.build(Rebuild.site, output: output, cache: cache)
        let page = output.appendingPathComponent("indicators/c-d-2022/学校/index.html")
        let original = try Data(contentsOf: page)
        // Same size, other bytes, and the modification time put back: the inode and ctime still tell.
        var edited = original
        edited[100] = UInt8(ascii: "X")
        let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
        try edited.write(to: page)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: page.path)
        try FileManager.default.removeItem(at: output.appendingPathComponent("units/c/index.html"))
        let again = try Rebuild.build(Rebuild.site, output: output, cache: cache)
        #expect(again.groupsRendered == 1)
        #expect(try Data(contentsOf: page) == original)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("units/c/index.html").path))
    }

    @Test func xiezuoNeverDeletesWhatItDidNotWrite() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Someone's folder with a planted (or old, or damaged) record in it.
        let output = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("照片".utf8).write(to: output.appendingPathComponent("photos/a.jpg"))
        try Data("notes".utf8).write(to: output.appendingPathComponent("notes.txt"))
        try Data().write(to: output.appendingPathComponent(SiteWriter.marker))
        let report = try Rebuild.build(Rebuild.site, output: output, cache: nil)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("photos/a.jpg").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
        #expect(report.diagnostics.map(\.message.description).contains {
            $0.hasPrefix("2 files here were not made by this build and no record says xiezuo wrote them")
        })
        // Once xiezuo's own record is there, what it wrote and no longer makes goes, the rest stays.
        var smaller = Rebuild.site
        ["content/plans/c-d-2022/plan.md", "content/plans/c-d-2022/indicators.yaml",
         "content/plans/c-d-2022/progress/2022-05-市教育局.md"].forEach { smaller[$0] = nil }
        // A page it wrote and someone replaced by a file of their own is theirs now: it stays.
        let replaced = output.appendingPathComponent("indicators/c-d-2022/学校/index.html")
        try FileManager.default.removeItem(at: replaced)
        try Data("我的页面".utf8).write(to: replaced)
        _ = try Rebuild.build(smaller, output: output, cache: nil)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pairings/c-d/2022/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("photos/a.jpg").path))
        #expect(try Data(contentsOf: replaced) == Data("我的页面".utf8))
    }

    @Test func twoBuildsNeverWriteOneOutputAtOnce() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try Rebuild.build(Rebuild.site, output: output, cache: nil)
        // Another build holds the output.
        let holder = try SiteWriter.Staging(output: output)
        let sink = DiagnosticSink()
        let templates = try #require(TemplateSet.load(overrides: [:], language: "zh-CN", sink: sink))
        var build = SiteBuild(source: MemoryContentSource(Self.changed), destination: .folder(output, cache: nil), templates: templates,
                              options: SiteOptions())
        build.wait = false
        #expect {
            try build.run()
        } throws: { error in
            (error as? SiteWriter.Failure)?.description == "another xiezuo build is writing \(output.path); wait for it "
                + "to finish, or run without --no-wait to wait"
        }
        holder.abort()
        _ = consume holder
        // Once it is done, the same build goes through.
        #expect(try build.run().files != nil)
    }

    @Test func theOutputAndTheCacheMayNotLieInTheContent() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in TinySite.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let sink = DiagnosticSink()
        let templates = try #require(TemplateSet.load(overrides: [:], language: "zh-CN", sink: sink))
        func build(output: String, cache: String?) throws {
            _ = try SiteBuild(source: DiskContentSource(root: root),
                              destination: .folder(root.appendingPathComponent(output), cache: cache.map(root.appendingPathComponent)),
                              templates: templates, options: SiteOptions()).run()
        }
        #expect(throws: SiteWriter.Failure.self) { try build(output: "content/public", cache: nil) }
        #expect(throws: SiteWriter.Failure.self) { try build(output: "public", cache: "content/.cache") }
        #expect(throws: SiteWriter.Failure.self) { try build(output: "public", cache: "public/.cache") }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/public").path))
        try build(output: "public", cache: ".xiezuo-cache")
    }

    /// A page's folders are made as its file finds them missing: none, only the last, or
    /// several; a folder that is a file stops the write with the path, never silently.
    @Test func aFileFindsItsMissingFoldersMadeAndAFileInTheWayIsAnError() throws {
        let root = Rebuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("计划/指标/一/index.html").path
        try FileWriting.write(Data("深".utf8), to: deep, makingFolder: true)
        let beside = root.appendingPathComponent("计划/指标/二/index.html").path
        try FileWriting.write(Data("旁".utf8), to: beside, makingFolder: true)
        #expect(FileManager.default.contents(atPath: deep) == Data("深".utf8))
        #expect(FileManager.default.contents(atPath: beside) == Data("旁".utf8))
        #expect(throws: FileWriting.POSIXError.self) {
            try FileWriting.write(Data(), to: root.appendingPathComponent("other/x").path)
        }
        let blocked = root.appendingPathComponent("计划/指标/一/index.html/page.html").path
        let error = try #require(throws: FileWriting.POSIXError.self) {
            try FileWriting.write(Data(), to: blocked, makingFolder: true)
        }
        #expect(error.path == blocked && error.code == ENOTDIR)
    }
}

extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
