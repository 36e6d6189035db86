import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// `xiezuo brief`: the briefing found by plan and month in the site the one build makes, and
/// printed by a browser to a PDF that appears whole or not at all. A stand-in plays the browser,
/// so these tests need no Chromium.
@Suite struct BriefPrintTests {
    @Test func aPlansBriefingIsFoundByPlanAndMonth() throws {
        let (path, site) = try BriefingPrint.page(siteAt: Bundled.root, plan: "rushan-shizhong-2022", month: "2022-10",
                                                  language: "zh-CN", options: SiteOptions())
        #expect(path.description == "pairings/rushan-shizhong/2022/briefings/2022-10/index.html")
        let html = try #require(site.files[path].map { String(decoding: $0, as: UTF8.self) })
        #expect(html.contains("<h1>乳山市 → 枣庄市市中区 协作工作2022年10月通报</h1>"))
    }

    @Test func aMonthWithoutBriefingNamesTheMonthsThereAre() {
        // 000's first record is dated in August 2022; the site's date is 2024-10-31, after its year.
        #expect {
            try BriefingPrint.page(siteAt: Bundled.root, plan: "rushan-shizhong-2022", month: "2022-03", language: "zh-CN",
                                   options: SiteOptions())
        } throws: { error in
            (error as? BriefingPrint.Failure)?.description
                == "plan 'rushan-shizhong-2022' has no briefing for 2022-03; it has: 2022-08, 2022-09, 2022-10, 2022-11, 2022-12"
        }
        #expect {
            try BriefingPrint.page(siteAt: Bundled.root, plan: "rushan-shizong-2022", month: "2022-10", language: "zh-CN",
                                   options: SiteOptions())
        } throws: { error in
            (error as? BriefingPrint.Failure)?.description
                == "unknown plan 'rushan-shizong-2022' (plans are the folders of content/plans/); did you mean 'rushan-shizhong-2022'?"
        }
    }

    /// A stand-in browser: copies the page it is given (the last argument, a file URL) to the
    /// --print-to-pdf path, or fails with exit 5.
    static func standIn(in folder: URL, failing: Bool) throws -> URL {
        try StandIn.script("chromium", body: failing ? "echo 'no display' >&2; exit 5" : """
            for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="${a#file://}";; esac; done
            cp "$page" "$out"
            """, in: folder)
    }

    @Test func thePDFAppearsWholeOrNotAtAll() throws {
        let folder = RebuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = SitePath.page("briefing")
        let site = BuiltSite(files: [page: Data("<p>通报</p>".utf8), SitePath.file("assets", "style.css"): Data("p{}".utf8)], pages: 1)
        let pdf = folder.appendingPathComponent("通报.pdf")
        try BrowserPrint.print(page, of: site, to: pdf, browser: try Self.standIn(in: folder.appendingPathComponent("ok"), failing: false))
        #expect(try Data(contentsOf: pdf) == Data("<p>通报</p>".utf8))
        // A browser that fails leaves the earlier PDF as it was, and no part of a new one.
        #expect(throws: BrowserPrint.Failure.self) {
            try BrowserPrint.print(page, of: site, to: pdf, browser: try Self.standIn(in: folder.appendingPathComponent("bad"),
                                                                                      failing: true))
        }
        #expect(try Data(contentsOf: pdf) == Data("<p>通报</p>".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad", "ok", "通报.pdf"])
        #expect(BrowserPrint.locateBrowser(environment: ["PATH": "/nonexistent"]) == nil)
    }
}
