import Foundation
import Testing
import XiezuoMustache
@testable import XiezuoCore
@testable import XiezuoSite

/// Content is untrusted: nothing an author writes runs on a reader's page or escapes the output.
@Suite struct SiteSafetyTests {
    static let hostile: BuiltSite = {
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "title: 测试方案", with: "title: \"<script>alert('title')</script>方案\"")
            .replacingOccurrences(of: "# 测试方案", with: "<script>alert('body')</script>\n\n[点我](javascript:alert(1))")
        let region = TinySite.files["content/regions/a.yaml"]! + "\n  - {name: \"../../逃逸<b>\", kind: town}\n"
        let record = TinySite.files["content/plans/a-b-2022/progress/2022-06-区教育局.md"]!
            .replacingOccurrences(of: "进展顺利。", with: "<script>alert('note')</script><img src=x onerror=alert(2)>")
        return BundledSite.build(TinySite.source(replacing: ["content/plans/a-b-2022/plan.md": plan, "content/regions/a.yaml": region,
                                                             "content/plans/a-b-2022/progress/2022-06-区教育局.md": record]))
    }()

    @Test func scriptsFromContentComeOutEscapedOrDropped() {
        for (path, data) in Self.hostile.files where path.segments.last?.hasSuffix(".html") == true {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("javascript:"), "\(path)")
            #expect(!html.contains("onerror=alert"), "\(path)")
            // The only script is the site's own sorting script.
            #expect(html.components(separatedBy: "<script").count == 2, "\(path)")
        }
        let plan = String(decoding: Self.hostile.files[.page("pairings", "a-b", "2022")]!, as: UTF8.self)
        #expect(plan.contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;方案</h1>")
                || plan.contains("<h1>&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt;方案</h1>")
                || plan.contains("<h1>&lt;script&gt;alert('title')&lt;/script&gt;方案</h1>"))
    }

    @Test func namesCannotReachOutsideTheOutputFolder() {
        for path in Self.hostile.files.keys {
            #expect(!path.segments.contains(".."), "\(path)")
            #expect(!path.segments.contains { $0.contains("/") || $0.hasPrefix(".") || $0.isEmpty }, "\(path)")
        }
        #expect(Self.hostile.files[.page("units", "a", "逃逸-b")] != nil)
    }
}

/// The write stage: atomic swap, stale files removed, unchanged files untouched.
@Suite struct SiteWriterTests {
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func site(_ files: [String: String]) -> BuiltSite {
        BuiltSite(files: Dictionary(uniqueKeysWithValues: files.map {
            (SitePath($0.key.split(separator: "/").map(String.init)), Data($0.value.utf8))
        }), pages: files.count)
    }

    @Test func rebuildRemovesStaleFilesAndKeepsUnchangedOnes() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try SiteWriter.write(Self.site(["index.html": "a", "old/index.html": "gone", "keep.css": "k"]), to: output)
        #expect(first.written == 3)
        let keep = output.appendingPathComponent("keep.css")
        let before = try FileManager.default.attributesOfItem(atPath: keep.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 1.1)
        let second = try SiteWriter.write(Self.site(["index.html": "b", "keep.css": "k"]), to: output)
        #expect(second.written == 1)
        #expect(second.unchanged == 1)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old/index.html").path))
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "b")
        let after = try FileManager.default.attributesOfItem(atPath: keep.path)[.modificationDate] as? Date
        #expect(before != nil && before == after)
        // No staging or retired folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func aFolderXiezuoDidNotMakeIsNeverReplaced() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter.write(Self.site(["index.html": "x"]), to: root)
        }
        #expect(try String(contentsOf: root.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }
}

/// templates/: defaults embedded, overridden by name; errors with their position.
@Suite struct TemplateTests {
    @Test func aSiteOverridesOneTemplateByName() throws {
        let sink = DiagnosticSink()
        let override = "{{<layout}}{{$main}}<p class=\"custom\">{{t.home_intro}}</p>{{/main}}{{/layout}}"
        let set = try #require(TemplateSet.load(overrides: ["home.mustache": Data(override.utf8)], language: "zh-CN", sink: sink))
        let site = BundledSite.build(DiskContentSource(root: Bundled.root), templates: set)
        let home = String(decoding: site.files[Routes.home]!, as: UTF8.self)
        #expect(home.contains("<p class=\"custom\">各结对关系最新年度方案"))
        // Every other page keeps the default look.
        #expect(String(decoding: site.files[Routes.units]!, as: UTF8.self).contains("<table class=\"sortable\">"))
    }

    @Test(arguments: [
        // The section opened on line 2 is still open at the end: it is named where it opens.
        ("plan.mustache", "<p>\n{{#open}}never closed\n",
         "templates/plan.mustache:2:1: error: template cannot be read: the section 'open' is never closed; end it with {{/open}}"),
        // 首页 is written in for {{t.nav_home}} (StringInlining); the error is still placed in the
        // text as written: column 21 is the tag {{/b}} (column 9 with 首页 written in).
        ("home.mustache", "{{t.nav_home}}{{#a}}{{/b}}\n",
         "templates/home.mustache:1:21: error: template cannot be read: {{/b}} closes the section opened as 'a'; write {{/a}}"),
        ("unit.mustache", "<p>{{name}}</p>\n{{/name}}\n",
         "templates/unit.mustache:2:1: error: template cannot be read: {{/name}} closes no open section; delete it, "
         + "or open the section before it with {{#name}}"),
        ("task.mustache", "<p>{{name</p>\n",
         "templates/task.mustache:1:4: error: template cannot be read: a tag is not finished; close it with }}"),
    ])
    func aBrokenTemplateIsReportedWithItsPosition(file: String, text: String, error: String) {
        let sink = DiagnosticSink()
        let set = TemplateSet.load(overrides: [file: Data(text.utf8)], language: "zh-CN", sink: sink)
        #expect(set == nil)
        #expect(sink.sorted.map(\.description) == [error])
    }

    /// The templates are read on every core at once; every broken one is still reported, each
    /// at its place, in the order of the files (what a build lists before its own problems), and
    /// a misspelt name in one that reads is listed in the same run, not only once the others are
    /// mended.
    @Test func everyBrokenTemplateOfASetIsReportedInOneRunInTheOrderOfTheFiles() {
        let sink = DiagnosticSink()
        let overrides = [
            "unit.mustache": Data("<p>{{name}}</p>\n{{/name}}\n".utf8),
            "home.mustache": Data([0xD2, 0xD2]),
            "task.mustache": Data("<p>{{name</p>\n".utf8),
            "partials/badge.mustache": Data("<span>{{symbol}} {{labels}}</span>".utf8),
        ]
        #expect(TemplateSet.load(overrides: overrides, language: "zh-CN", sink: sink) == nil)
        // In the order of their paths, not of the cores that read them; the names last.
        #expect(sink.diagnostics.map(\.description) == [
            "templates/home.mustache:1:1: error: template is not UTF-8 text",
            "templates/task.mustache:1:4: error: template cannot be read: a tag is not finished; close it with }}",
            "templates/unit.mustache:2:1: error: template cannot be read: {{/name}} closes no open section; delete it, "
                + "or open the section before it with {{#name}}",
            "templates/partials/badge.mustache:1:18: error: 'labels' is not in the data here; did you mean 'label'? "
                + "(the data templates/partials/badge.mustache is drawn from; check the spelling, or remove the tag)",
        ])
    }

    @Test(arguments: [
        // A page's own name: column 24 is the tag, with what was likely meant.
        ("home.mustache", "{{<layout}}{{$main}}<p>{{latestDta}}</p>{{/main}}{{/layout}}",
         "templates/home.mustache:1:24: error: 'latestDta' is not in the data here; did you mean 'latestData'? "
         + "(the data templates/home.mustache is drawn from; check the spelling, or remove the tag)"),
        // Inside {{#units}} the names are a unit row's; a row's name is found there, the page's
        // around it, and a name in neither is reported at its place.
        ("plan.mustache", "{{<layout}}{{$main}}\n{{#units}}{{rank}}{{scored}}\n{{grdae}}{{/units}}\n{{/main}}{{/layout}}",
         "templates/plan.mustache:3:1: error: 'grdae' is not in the data here; did you mean 'grade'? "
         + "(the data templates/plan.mustache is drawn from; check the spelling, or remove the tag)"),
        // A piece drawn on its own (a badge) is checked against its own data.
        ("partials/badge.mustache", "<span>{{symbol}} {{labels}}</span>",
         "templates/partials/badge.mustache:1:18: error: 'labels' is not in the data here; did you mean 'label'? "
         + "(the data templates/partials/badge.mustache is drawn from; check the spelling, or remove the tag)"),
        // After a UI string written in as text, the column is still the one the editor shows:
        // {{narative}} starts at column 35 as written (23 with 首页 in place of {{t.nav_home}}).
        ("pairing.mustache", "{{<layout}}{{$main}}{{t.nav_home}}{{{narative}}}{{/main}}{{/layout}}",
         "templates/pairing.mustache:1:35: error: 'narative' is not in the data here; did you mean 'narrative'? "
         + "(the data templates/pairing.mustache is drawn from; check the spelling, or remove the tag)"),
        // A dotted name is followed to its end: chrome has no titel.
        ("layout.mustache", "<title>{{chrome.titel}}</title>{{$main}}{{/main}}",
         "templates/layout.mustache:1:8: error: 'chrome.titel' is not in the data here; did you mean 'chrome.title'? "
         + "(the data templates/home.mustache is drawn from; check the spelling, or remove the tag)"),
    ])
    func aNameTheDataLacksIsAnErrorWhenTemplatesLoad(file: String, text: String, error: String) {
        let sink = DiagnosticSink()
        let set = TemplateSet.load(overrides: [file: Data(text.utf8)], language: "zh-CN", sink: sink)
        #expect(set == nil)
        #expect(sink.sorted.map(\.description) == [error])
    }

    @Test func everyTemplatesDataHasAShapeWithItsFields() throws {
        // Read from the types: a list of rows is a list of objects with the rows' fields, the
        // UI strings allow any key, and HTML is a value.
        let plan = try #require(TemplateName.shapes[.plan])
        guard case .object(let fields) = plan, case .list(.object(let unit))? = fields["units"] else {
            Issue.record("the plan page's shape has no list of unit rows: \(plan)")
            return
        }
        #expect(unit.keys.sorted() == ["available", "earned", "grade", "missingReports", "percent", "rank", "tasks", "unit"])
        #expect(fields["t"] == .anyNames)
        #expect(fields["sortable"] == .value)
        guard case .object(let chrome)? = fields["chrome"] else {
            Issue.record("no chrome")
            return
        }
        #expect(chrome["head"] == .value)
        #expect(chrome["canonical"] == .value)
        #expect(TemplateName.allCases.filter { TemplateName.shapes[$0] == nil } == [.layout])
    }

    @Test func aStringOverrideReplacesOneKey() throws {
        let sink = DiagnosticSink()
        let strings = "site.name: {zh-CN: 某县协作办, en: County office}\n"
        let set = try #require(TemplateSet.load(overrides: ["strings.yaml": Data(strings.utf8)], language: "zh-CN", sink: sink))
        #expect(set.strings["site.name"] == "某县协作办")
        #expect(set.strings["nav.home"] == "首页")
    }

    @Test func anUnreadableStringsFileIsReportedNotIgnored() {
        let sink = DiagnosticSink()
        let set = TemplateSet.load(overrides: ["strings.yaml": Data([0xD2, 0xD2])], language: "zh-CN", sink: sink)
        #expect(set == nil)
        #expect(sink.sorted.map(\.description) == ["templates/strings.yaml:1:1: error: strings file is not UTF-8 text"])
    }

    @Test func englishIsSelectable() throws {
        let sink = DiagnosticSink()
        let set = try #require(TemplateSet.load(overrides: [:], language: "en", sink: sink))
        let site = BundledSite.build(DiskContentSource(root: Bundled.root), templates: set)
        let home = String(decoding: site.files[Routes.home]!, as: UTF8.self)
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("Overview of pairing assistance"))
    }
}
