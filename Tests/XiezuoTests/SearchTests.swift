import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// The site's search: the index made from the pages a build publishes, the search box on every
/// page only when there is an index. A stand-in for Pagefind records the pages it was given, so
/// these tests need no Pagefind and check what the build hands it and publishes.
@Suite struct SearchTests {
    /// A shell script called as Pagefind is (`--site S --output-path O …`): writes the list of
    /// the pages under S to O/index/pages.txt, or fails with exit 3 when `failing`.
    static func standIn(in folder: URL, failing: Bool = false) throws -> URL {
        try StandIn.script("pagefind_extended", body: failing ? "echo 'index broken' >&2; exit 3"
            : "mkdir -p \"$4/index\" && (cd \"$2\" && find . -name '*.html' | LC_ALL=C sort) > \"$4/index/pages.txt\"",
            in: folder)
    }

    @Test func theIndexCoversEveryPublishedPageAndIsKeptWhenNothingChanged() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let options = SiteOptions(searchTool: try Self.standIn(in: root.appendingPathComponent("bin")))
        let first = try RebuildTests.build(TinySite.files, options: options, output: output, cache: nil)
        #expect(first.diagnostics.filter { $0.severity == .error } == [])
        let listed = try String(contentsOf: output.appendingPathComponent("pagefind/index/pages.txt"), encoding: .utf8)
            .split(separator: "\n").map { String($0.dropFirst(2)) }
        // Every page the site has, the search page included, and nothing else.
        let pages = (FileManager.default.subpaths(atPath: output.path) ?? [])
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix(".xiezuo-") }.sorted()
        #expect(listed == pages)
        #expect(listed.contains("search/index.html"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<form class=\"search-form\" action=\"search/index.html\" method=\"get\" role=\"search\">"))
        // Built again unchanged: nothing written, the index kept and counted.
        let second = try RebuildTests.build(TinySite.files, options: options, output: output, cache: nil)
        #expect(second.files?.written == 0)
        #expect(second.files?.unchanged == first.files?.written)
    }

    /// A rebuild that keeps a group hands its commit the group's name, not its pages: the index
    /// must still be made from every page, those of the group kept included.
    @Test func theIndexOfARebuildCoversTheKeptGroupsPages() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let cache = root.appendingPathComponent("cache")
        let options = SiteOptions(searchTool: try Self.standIn(in: root.appendingPathComponent("bin")))
        _ = try RebuildTests.build(RebuildTests.site, options: options, output: output, cache: cache)
        var changed = RebuildTests.site
        changed["content/plans/c-d-2022/progress/2022-05-市教育局.md"] =
            "---\nunit: 市教育局\ndate: 2022-05-31\nvalues:\n  - {indicator: 学校, value: 2}\n---\n开局。\n"
        let rebuilt = try RebuildTests.build(changed, options: options, output: output, cache: cache)
        #expect(rebuilt.groupsRendered == 1 && rebuilt.groups > 1)
        let listed = try String(contentsOf: output.appendingPathComponent("pagefind/index/pages.txt"), encoding: .utf8)
            .split(separator: "\n").map { String($0.dropFirst(2)) }
        let pages = (FileManager.default.subpaths(atPath: output.path) ?? [])
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix(".xiezuo-") }.sorted()
        #expect(listed == pages)
        #expect(listed.contains { $0.hasPrefix("pairings/a-b/") } && listed.contains { $0.hasPrefix("pairings/c-d/") })
    }

    @Test func aFailingIndexStopsTheBuildAndTheSiteStaysAsItWas() throws {
        let root = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try RebuildTests.build(TinySite.files, output: output, cache: nil)
        let before = try Data(contentsOf: output.appendingPathComponent("index.html"))
        let options = SiteOptions(searchTool: try Self.standIn(in: root.appendingPathComponent("bin"), failing: true))
        #expect(throws: SiteWriter.Failure.self) {
            try RebuildTests.build(TinySite.files, options: options, output: output, cache: nil)
        }
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == before)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("search").path))
    }

    @Test func withoutPagefindThereIsNoSearchBoxAndNoSearchPage() throws {
        let site = BundledSite.build(TinySite.source())
        let home = try #require(site.files[Routes.home].map { String(decoding: $0, as: UTF8.self) })
        #expect(!home.contains("search-form"))
        #expect(site.files[Routes.search] == nil)
        #expect(SearchIndex.locateTool(environment: ["PATH": "/nonexistent"]) == nil)
    }
}
