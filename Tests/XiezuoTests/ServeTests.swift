import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import XiezuoCore
@testable import XiezuoServe
@testable import XiezuoSite

/// `xiezuo serve` as a clerk uses it: a page served under the production sub-path, a save that
/// rebuilds and changes it, a mistake that replaces every page with the problems, the next good
/// save that brings the site back. On a free loopback port, each wait bounded.
@Suite(.serialized) struct ServeTests {
    static func get(_ url: URL) async throws -> (Int, String) {
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Waits until the preview has made a build after `version`; false after 15 s.
    static func nextBuild(_ preview: PreviewServer, after version: Int) async throws -> Bool {
        for _ in 0..<300 {
            if await preview.version() > version { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func aSaveRebuildsAndAMistakeShowsItsPlaceUntilFixed() async throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FreshCloneTests.clone(TinySite.files, into: root)
        let preview = PreviewServer(.init(root: root, port: 0, basePath: "/reports/"))
        let port = try await preview.start()
        defer { Task { await preview.stop() } }
        let base = "http://127.0.0.1:\(port)"
        let unitPage = try #require(URL(string: base + "/reports/units/a/%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80/index.html"))
        var (status, page) = try await Self.get(unitPage)
        #expect(status == 200)
        #expect(page.contains("结对学校数 2 个"))
        // Served pages reload themselves; the built files do not carry the script.
        #expect(page.contains("/__xiezuo/wait?v="))
        let built = try String(contentsOf: preview.folder.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(!built.contains("__xiezuo"))
        // Outside the sub-path: sent to it.
        let (rootStatus, _) = try await Self.get(try #require(URL(string: base + "/reports")))
        #expect(rootStatus == 200)

        // A save: 2 schools become 3.
        let record = root.appendingPathComponent("content/plans/a-b-2022/progress/2022-06-区教育局.md")
        let original = try String(contentsOf: record, encoding: .utf8)
        var version = await preview.version()
        try Data(original.replacingOccurrences(of: "value: 2", with: "value: 3").utf8).write(to: record)
        #expect(try await Self.nextBuild(preview, after: version))
        (status, page) = try await Self.get(unitPage)
        #expect(status == 200 && page.contains("结对学校数 3 个"))

        // A mistake: every page is the list of problems, with the line and a caret under the column.
        version = await preview.version()
        try Data(original.replacingOccurrences(of: "date: 2022-06-30", with: "date: 2022-13-40").utf8).write(to: record)
        #expect(try await Self.nextBuild(preview, after: version))
        (status, page) = try await Self.get(unitPage)
        #expect(status == 500)
        #expect(page.contains("content/plans/a-b-2022/progress/2022-06-区教育局.md:3:7: 错误：“date”写的是“2022-13-40”：没有这个日期：月份是 1 至 12，日不超过当月的天数"))
        #expect(page.contains("<pre>date: 2022-13-40\n      ^</pre>"))

        // The next good save brings the site back.
        version = await preview.version()
        try Data(original.utf8).write(to: record)
        #expect(try await Self.nextBuild(preview, after: version))
        (status, page) = try await Self.get(unitPage)
        #expect(status == 200 && page.contains("结对学校数 2 个"))
    }
}
