import XiezuoMustache

/// Writes the UI strings a template names (`{{t.key}}`) into the template's text before it is
/// parsed.
///
/// The strings of a build are fixed when its templates are loaded, so `{{t.th_unit}}` draws
/// the same text on every page. Left as a name, it is looked up for every page and
/// every table row, climbing the context stack to the page's root object: a sixth of all
/// lookups in a build (34 of about 200 a page) and 4 % of its CPU time. Written in as text,
/// it costs nothing.
///
/// The output is the same as looking the name up: the text is escaped as `{{…}}` escapes it
/// (`{{{t.key}}}` and `{{& t.key}}` stay raw). Anything that could make the two differ leaves
/// the name to be looked up as before: a template that changes its delimiters, a key the table lacks, and a text holding a line break (partial
/// indentation treats text and values differently) or a brace (which could join the
/// template's next or previous character into a tag).
enum StringInlining {
    static func inline(_ template: String, strings: [String: String]) -> InlinedTemplate {
        var inlined = InlinedTemplate(text: template)
        guard !template.contains("{{="), template.contains("t.") else { return inlined }
        inlined.text = ""
        var rest = template.startIndex
        for match in template.matches(of: tag) {
            inlined.append(template[rest..<match.range.lowerBound])
            rest = match.range.upperBound
            let (whole, triple, ampersand, key, thirdBrace) = match.output
            // `{{{…` must close with `}}}` and `{{…` with `}}`; anything else is left to the parser.
            guard (triple != nil) == !thirdBrace.isEmpty, let text = strings[String(key)], isInlinable(text) else {
                inlined.append(whole)
                continue
            }
            inlined.append(Substring(triple != nil || ampersand != nil ? text : HTMLEscaping.escape(text)), replacing: whole)
        }
        inlined.append(template[rest...])
        return inlined
    }

    /// The UI strings a template names that the table does not hold, each with its line and
    /// column (in characters, as an editor shows them): a misspelt `{{t.key}}` would draw
    /// nothing, unnoticed, so it is an error when the templates load.
    static func unknownKeys(in template: String, strings: [String: String]) -> [(key: String, line: Int, column: Int)] {
        guard template.contains("t.") else { return [] }
        var found: [(key: String, line: Int, column: Int)] = []
        for match in template.matches(of: anyTag) where strings[String(match.output.1)] == nil {
            let before = template[..<match.range.lowerBound]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.reversed().prefix { $0 != "\n" }.count + 1
            found.append((String(match.output.1), line, column))
        }
        return found
    }

    /// A tag of any kind naming a UI string: `{{t.key}}`, `{{{t.key}}}`, `{{#t.key}}` …
    nonisolated(unsafe) private static let anyTag = /\{\{\{?[#^\/&]?\s*t\.([A-Za-z0-9_]+)/

    /// `{{t.key}}`, `{{ t.key }}`, `{{{t.key}}}`, `{{& t.key}}`.
    nonisolated(unsafe) private static let tag = /\{\{(\{)?(&)?\s*t\.([A-Za-z0-9_]+)\s*(\}?)\}\}/

    private static func isInlinable(_ text: String) -> Bool {
        !text.utf8.contains { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }
}

/// A template with its UI strings written in, and where each one moved the columns after it
/// on its line, so that a place in the new text is told as the editor shows the template.
struct InlinedTemplate {
    var text: String
    /// Per line, the column (in Unicode scalars, from 1) just after each written-in string and
    /// how many columns shorter than its tag it is.
    private var shifts: [Int: [(column: Int, shorter: Int)]] = [:]
    private var line = 1, column = 1

    init(text: String) { self.text = text }

    /// The place in the template as written of a place in `text`.
    func asWritten(line: Int, column: Int) -> (line: Int, column: Int) {
        (line, column + (shifts[line] ?? []).filter { $0.column <= column }.reduce(0) { $0 + $1.shorter })
    }

    fileprivate mutating func append(_ piece: Substring, replacing tag: Substring? = nil) {
        text += piece
        for scalar in piece.unicodeScalars {
            if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        if let tag { shifts[line, default: []].append((column, tag.unicodeScalars.count - piece.unicodeScalars.count)) }
    }
}
