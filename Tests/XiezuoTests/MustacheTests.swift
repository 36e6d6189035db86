import Testing
import XiezuoMustache

/// The template engine, on the features the site's templates use, with outputs worked out by
/// hand. The Mustache specification's own tests run by `scripts/mustache-spec`.
@Suite struct MustacheTests {
    static func render(_ templates: [String: String], _ data: MustacheValue, with name: String = "page") throws -> String? {
        try MustacheLibrary(templates: templates, escape: HTMLEscaping.escape).render(data, with: name)
    }

    static func object(_ fields: [String: MustacheValue]) -> MustacheValue { .object(MustacheObject(fields)) }

    @Test func valuesAreDrawnEscapedOrAsTheyAre() throws {
        let data = Self.object(["a": .text("<甲 & '乙'>"), "n": .number(0), "f": .flag(false)])
        #expect(try Self.render(["page": "{{a}}|{{{a}}}|{{& a}}|{{n}}|{{f}}|{{missing}}"], data)
                == "&lt;甲 &amp; &#39;乙&#39;&gt;|<甲 & '乙'>|<甲 & '乙'>|0|false|")
    }

    @Test func sectionsIterateTestAndEnter() throws {
        let rows: MustacheValue = .list([Self.object(["x": .text("1")]), Self.object(["x": .text("2")])])
        let data = Self.object(["rows": rows, "none": .list([]), "yes": .flag(true), "no": .flag(false), "x": .text("外"),
                                "count": .number(0), "inner": Self.object(["y": .text("里")])])
        #expect(try Self.render(["page": "{{#rows}}[{{x}}]{{/rows}}{{^none}}空{{/none}}{{#yes}}{{x}}{{/yes}}{{^no}}否{{/no}}"], data)
                == "[1][2]空外否")
        // A number, even 0, is a value to enter (as the previous engine did), and a name not on
        // the value entered is looked for outside it.
        #expect(try Self.render(["page": "{{#count}}<{{.}}>{{/count}}{{#inner}}{{y}}{{x}}{{/inner}}"], data) == "<0>里外")
    }

    @Test func dottedAndAnchoredNamesDoNotClimb() throws {
        let data = Self.object(["a": Self.object(["b": Self.object([:])]), "c": .text("外"), "b": Self.object(["c": .text("错")])])
        // a.b is found, and c is not on it: nothing, never the outer b.c or c.
        #expect(try Self.render(["page": "{{#a}}[{{b.c}}]{{/a}}"], data) == "[]")
        // .c is c on the current value only.
        #expect(try Self.render(["page": "{{#a}}[{{.c}}|{{c}}]{{/a}}"], data) == "[|外]")
    }

    @Test func tagsAloneOnALineTakeTheLineWithThem() throws {
        let data = Self.object(["rows": .list([.text("甲"), .text("乙")])])
        #expect(try Self.render(["page": "<ul>\n  {{#rows}}\n  <li>{{.}}</li>\n  {{/rows}}\n</ul>\r\n{{! note }}\r\nend"], data)
                == "<ul>\n  <li>甲</li>\n  <li>乙</li>\n</ul>\r\nend")
    }

    @Test func aPartialAloneOnALineIsIndentedButItsValuesAreNot() throws {
        let templates = ["page": "<div>\n  {{> item}}\n</div>", "item": "<p>\n{{text}}\n</p>\n"]
        #expect(try Self.render(templates, Self.object(["text": .text("a\nb")])) == "<div>\n  <p>\n  a\nb\n  </p>\n</div>")
        // A partial the library lacks draws nothing.
        #expect(try Self.render(["page": "[{{> none}}]"], Self.object([:])) == "[]")
    }

    @Test func aChildFillsItsParentsBlocks() throws {
        let templates = [
            "layout": "<h1>{{title}}</h1>\n{{$main}}默认{{/main}}\n<footer>{{$foot}}脚{{/foot}}</footer>\n",
            "page": "{{<layout}}{{$main}}\n<p>{{title}}</p>\n{{/main}}{{/layout}}\n",
        ]
        // The page's lines holding only parent and block tags go, as the spec's inheritance
        // module has it; the layout's block line holds text (默认), so its line end stays.
        #expect(try Self.render(templates, Self.object(["title": .text("题")])) == "<h1>题</h1>\n<p>题</p>\n\n<footer>脚</footer>\n")
    }

    @Test(arguments: [
        ("<p>{{name</p>", MustacheSyntaxError(kind: .unfinishedTag, position: TemplatePosition(line: 1, column: 4))),
        ("a\n  {{#rows}}\n", MustacheSyntaxError(kind: .unclosedSection("rows"), position: TemplatePosition(line: 2, column: 3))),
        ("{{#a}}甲{{/b}}", MustacheSyntaxError(kind: .closeMismatch(expected: "a", found: "b"), position: TemplatePosition(line: 1, column: 8))),
        ("x{{/a}}", MustacheSyntaxError(kind: .closeMismatch(expected: nil, found: "a"), position: TemplatePosition(line: 1, column: 2))),
        ("{{= | =}}", MustacheSyntaxError(kind: .badDelimiters, position: TemplatePosition(line: 1, column: 1))),
        ("\n\n {{ }}", MustacheSyntaxError(kind: .emptyName, position: TemplatePosition(line: 3, column: 2))),
    ])
    func aBrokenTemplateSaysWhatAndWhere(text: String, error: MustacheSyntaxError) {
        #expect(throws: error) { try MustacheTemplate(text) }
    }

    @Test func changedDelimitersHoldUntilChangedAgain() throws {
        let data = Self.object(["a": .text("甲")])
        #expect(try Self.render(["page": "{{a}}{{=<% %>=}}<%a%>{{a}}<%={{ }}=%>{{a}}"], data) == "甲甲{{a}}甲")
    }
}
