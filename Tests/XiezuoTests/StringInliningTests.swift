import Foundation
import XiezuoMustache
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// UI strings written into templates when they load draw what looking them up draws.
@Suite struct StringInliningTests {
    static let strings = """
    a: {zh-CN: "<甲&\\"乙'>", en: A}
    b: {zh-CN: 行, en: Row}
    brace: {zh-CN: "{{x}}", en: B}
    two.lines: {zh-CN: "上\\n下", en: C}
    """
    static let template = """
    <p title="{{t.a}}">{{ t.a }}|{{{t.a}}}|{{& t.a}}|{{t.brace}}|{{t.two_lines}}|{{#rows}}{{t.b}}{{/rows}}</p>
    """

    struct Row: Encodable {}
    struct Page: Encodable {
        let t: TemplateStrings
        let rows = [Row(), Row()]
    }

    @Test func inlinedStringsDrawWhatLookingThemUpDraws() throws {
        let sink = DiagnosticSink()
        let set = try #require(TemplateSet.load(overrides: ["strings.yaml": Data(Self.strings.utf8)], language: "zh-CN", sink: sink))
        let page = TemplateData.encode(Page(t: set.strings.templateStrings))
        let written = MustacheLibrary(parsed: ["page": try TemplateSet.parse(Self.template, strings: set.strings).0],
                                      escape: HTMLEscaping.escape)
        let inlined = written.render(page, with: "page")
        let plain = try MustacheLibrary(templates: ["page": Self.template], escape: HTMLEscaping.escape)
        let lookedUp = plain.render(page, with: "page")
        // Escaped in {{…}}, raw in {{{…}}} and {{&…}}.
        #expect(inlined == """
        <p title="&lt;甲&amp;&quot;乙&#39;&gt;">&lt;甲&amp;&quot;乙&#39;&gt;|<甲&"乙'>|<甲&"乙'>|{{x}}|上
        下|行行</p>
        """)
        #expect(inlined == lookedUp)
    }

    @Test func aMisspeltUIStringIsAnErrorAtItsPlace() {
        let sink = DiagnosticSink()
        let set = TemplateSet.load(overrides: ["home.mustache": Data("<h1>{{t.home_title}}</h1>\n<p>{{ t.hom_title }}</p>\n".utf8)],
                                   language: "zh-CN", sink: sink)
        #expect(set == nil)
        #expect(sink.sorted.map(\.description) == [
            "templates/home.mustache:2:4: error: unknown UI string 't.hom_title'; did you mean 'home_title'? (UI strings "
            + "are in templates/strings.yaml; a '.' or '-' in a key is written '_')",
        ])
    }

    @Test func aUIStringTheProgramLacksFailsTheBuildInsteadOfShowingItsKey() throws {
        let sink = DiagnosticSink()
        let set = try #require(TemplateSet.load(overrides: [:], language: "zh-CN", sink: sink))
        #expect(set.strings["status.no-such"] == "status.no-such")
        let report = try SiteBuild(source: TinySite.source(), destination: .memory, templates: set).run()
        #expect(report.failed)
        #expect(report.diagnostics.map(\.description) == [
            "templates/strings.yaml:1:1: error: the UI string 'status.no-such' is used but not defined; add it to templates/strings.yaml",
        ])
    }

    @Test func onlyPlainStringsAreWrittenIn() {
        let table = ["a": "<甲>", "brace": "{{x}}", "open": "{", "two_lines": "上\n下"]
        #expect(StringInlining.inline("{{t.a}}{{{t.a}}}{{t.brace}}{{t.two_lines}}{{t.none}}{{{t.a}}", strings: table).text
                == "&lt;甲&gt;<甲>{{t.brace}}{{t.two_lines}}{{t.none}}{{{t.a}}")
        // "{" written in before "{x}}" would make a tag of text.
        #expect(StringInlining.inline("{{t.open}}{x}}", strings: table).text == "{{t.open}}{x}}")
        // A template that changes its delimiters is left as written.
        #expect(StringInlining.inline("{{=<% %>=}}<%t.a%>{{t.a}}", strings: table).text == "{{=<% %>=}}<%t.a%>{{t.a}}")
        // Where the written-in strings moved the columns after them: 首页 is 2 columns where
        // {{t.nav_home}} was 14, 12 fewer; a tag on the next line keeps its column.
        let inlined = StringInlining.inline("<b>{{t.nav_home}}</b>{{nmae}}\n{{x}}", strings: ["nav_home": "首页"])
        #expect(inlined.text == "<b>首页</b>{{nmae}}\n{{x}}")
        #expect(inlined.asWritten(line: 1, column: 10) == (1, 22))
        #expect(inlined.asWritten(line: 1, column: 2) == (1, 2))
        #expect(inlined.asWritten(line: 2, column: 1) == (2, 1))
    }
}
