import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// CI builds a fresh clone every time: every file has new times and inodes. With the previous
/// build's cache and public/ restored beside it, the build decides by content: unchanged content
/// renders nothing, one changed record renders its group alone, and the output is what a clean
/// build makes, byte for byte.
@Suite struct FreshCloneTests {
    /// The two-pairing site written as files into a new folder, as `git clone` would.
    static func clone(_ files: [String: String], into folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static func build(_ folder: URL, cache: Bool = true) throws -> SiteBuild.Outcome {
        let sink = DiagnosticSink()
        let templates = try #require(TemplateSet.load(overrides: [:], language: "zh-CN", sink: sink))
        return try SiteBuild(source: DiskContentSource(root: folder),
                             destination: .folder(folder.appendingPathComponent("public"),
                                                  cache: cache ? folder.appendingPathComponent(".xiezuo-cache") : nil),
                             templates: templates).run()
    }

    @Test func aFreshCloneWithItsCacheRestoredRendersOnlyWhatChanged() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (first, second) = (root.appendingPathComponent("ci-run-1"), root.appendingPathComponent("elsewhere/ci-run-2"))
        try Self.clone(RebuildTests.site, into: first)
        let full = try Self.build(first)
        #expect(full.groups == 3 && full.groupsRendered == 3, "\(full.groups) \(full.groupsRendered) \(full.diagnostics)")
        // Another folder, the same content written anew; public/ and the cache copied in (new
        // inodes and times for every file, as a CI cache restores them).
        try Self.clone(RebuildTests.site, into: second)
        for folder in ["public", ".xiezuo-cache"] {
            try FileManager.default.copyItem(at: first.appendingPathComponent(folder), to: second.appendingPathComponent(folder))
        }
        let same = try Self.build(second)
        #expect(same.groupsRendered == 0)
        #expect(same.files?.written == 0)
        #expect(RebuildTests.snapshot(second.appendingPathComponent("public"))
                == RebuildTests.snapshot(first.appendingPathComponent("public")))
        // One byte of one record changed: its group alone is rendered.
        let record = second.appendingPathComponent("content/plans/c-d-2022/progress/2022-05-市教育局.md")
        let text = try String(contentsOf: record, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "value: 1}", with: "value: 2}").utf8).write(to: record)
        let one = try Self.build(second)
        #expect(one.groupsRendered == 1)
        #expect((one.files?.written ?? 0) > 0)
        // And the output is a clean build's, byte for byte.
        let clean = root.appendingPathComponent("clean")
        try Self.clone(RebuildTests.site.merging(["content/plans/c-d-2022/progress/2022-05-市教育局.md":
            RebuildTests.site["content/plans/c-d-2022/progress/2022-05-市教育局.md"]!
                .replacingOccurrences(of: "value: 1}", with: "value: 2}")]) { _, new in new }, into: clean)
        _ = try Self.build(clean, cache: false)
        #expect(RebuildTests.snapshot(second.appendingPathComponent("public"))
                == RebuildTests.snapshot(clean.appendingPathComponent("public")))
    }

    @Test func stampsChangedAndContentTheSameRendersNothingInPlace() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.clone(RebuildTests.site, into: root)
        _ = try Self.build(root)
        // Every content file rewritten with its own bytes (a checkout that touches everything).
        try Self.clone(RebuildTests.site, into: root)
        let again = try Self.build(root)
        #expect(again.groupsRendered == 0 && again.files?.written == 0)
    }

    /// The table of content hashes is saved as soon as it is made, streamed (#17): the next
    /// build must read it back whole and read no content file again. Files changed within two
    /// seconds of a build are read again by the next (the file system's clock is coarse), so
    /// the content is left to settle first.
    @Test func theSavedHashTableIsReadBackAndNoFileIsReadAgain() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.clone(RebuildTests.site, into: root)
        Thread.sleep(forTimeInterval: 2.1)
        #expect(try Self.buildCountingReads(root).read == RebuildTests.site.count)
        #expect(try Self.buildCountingReads(root).read == 0)
    }

    /// The record lists each page with the stamp it has in place: taken as the page was
    /// written in staging when whole folders move in (a fresh output, #17), read in place when
    /// files move one by one (a rebuild). A wrong stamp would have every rebuild read the page.
    @Test func theRecordHasEachPagesStampInPlaceAfterAFreshBuildAndARebuild() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.clone(RebuildTests.site, into: root)
        let output = root.appendingPathComponent("public")
        func expectStampsInPlace() throws {
            let record = try #require(OutputRecord.read(in: output))
            #expect(record.count > 10)
            for row in record.rows {
                let stamp = record.entry(row).stamp
                #expect(stamp != nil && stamp == FileStamp.of(path: output.path + "/" + record.pathText(row)), "\(record.pathText(row))")
            }
        }
        _ = try Self.build(root)
        try expectStampsInPlace()
        let record = root.appendingPathComponent("content/plans/c-d-2022/progress/2022-05-市教育局.md")
        let text = try String(contentsOf: record, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "value: 1}", with: "value: 2}").utf8).write(to: record)
        #expect(try Self.build(root).groupsRendered == 1)
        try expectStampsInPlace()
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "-C", folder.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func aGitCloneIsKnownFromGitsIndexAndOnlyTheChangedFileIsRead() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (first, second) = (root.appendingPathComponent("origin"), root.appendingPathComponent("clone"))
        try Self.clone(RebuildTests.site, into: first)
        try Self.git(["init", "-q"], in: first)
        try Self.git(["add", "content"], in: first)
        try Self.git(["commit", "-q", "-m", "content"], in: first)
        _ = try Self.build(first)
        try Self.git(["clone", "-q", first.path, second.path], in: root)
        for folder in ["public", ".xiezuo-cache"] {
            try FileManager.default.copyItem(at: first.appendingPathComponent(folder), to: second.appendingPathComponent(folder))
        }
        let record = second.appendingPathComponent("content/plans/c-d-2022/progress/2022-05-市教育局.md")
        let text = try String(contentsOf: record, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "value: 1}", with: "value: 2}").utf8).write(to: record)
        let (read, outcome) = try Self.buildCountingReads(second)
        // Every file has a new stamp; git knows all but the one changed, which alone is read.
        #expect(read == 1)
        #expect(outcome.groupsRendered == 1)
    }

    /// Outside any git work tree, git is not started at all; inside one, it is asked.
    @Test func gitIsAskedOnlyWhereThereIsARepository() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        // A stand-in for git that notes each time it is run, and fails as git fails outside a repository.
        let marker = root.appendingPathComponent("git-was-run")
        let fake = root.appendingPathComponent("fake-git")
        try Data("#!/bin/sh\necho run >> '\(marker.path)'\nexit 128\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let environment = ["XIEZUO_GIT": fake.path, "PATH": "/usr/bin:/bin"]
        #expect(!GitIndex.mayBeInWorkTree(site, environment: environment))
        #expect(GitIndex.unchangedBlobs(root: site, under: "content", environment: environment) == nil)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        // A repository above the site folder (the site is a folder of a larger repository).
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(GitIndex.mayBeInWorkTree(site, environment: environment))
        #expect(GitIndex.unchangedBlobs(root: site, under: "content", environment: environment) == nil)
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }

    /// A build of the site folder with its cache, and how many content files it read to hash.
    static func buildCountingReads(_ folder: URL) throws -> (read: Int, outcome: SiteBuild.Outcome) {
        let read = LockedCount()
        let sink = DiagnosticSink()
        let templates = try #require(TemplateSet.load(overrides: [:], language: "zh-CN", sink: sink))
        var build = SiteBuild(source: DiskContentSource(root: folder),
                              destination: .folder(folder.appendingPathComponent("public"),
                                                   cache: folder.appendingPathComponent(".xiezuo-cache")),
                              templates: templates)
        build.progress = { progress in if progress.step == .planned { read.set(progress.filesRead) } }
        let outcome = try build.run()
        return (read.value, outcome)
    }
}

/// A number set from another thread.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
}
