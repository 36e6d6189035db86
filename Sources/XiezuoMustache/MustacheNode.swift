/// Where a tag starts in its template's text: line and column from 1, columns counted in
/// Unicode scalars (as an editor counts Chinese characters, one each).
public struct TemplatePosition: Equatable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A name as a tag writes it, split once when the template is parsed: `a.b.c` is
/// ["a", "b", "c"], `.` is the current value (no parts), and `.a` is `a` on the current value
/// only, never searched for in the values around it.
public struct MustacheName: Sendable {
    public let parts: [String]
    public let anchored: Bool
    public let position: TemplatePosition
    /// The name as written, for messages.
    public let text: String

    init(_ text: String, at position: TemplatePosition) {
        self.text = text
        self.position = position
        anchored = text.hasPrefix(".") && text != "."
        parts = text == "." ? [] : text.split(separator: ".").map(String.init)
    }
}

/// A parsed template: text, values, sections and the templates it draws in.
indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case value(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted` `{{^name}}…{{/name}}`.
    case section(MustacheName, [MustacheNode], inverted: Bool)
    /// `{{>name}}`; a partial on a line of its own indents each of its lines as the tag was.
    /// `slot` is the partial's place in its library, nil for a template the library lacks.
    case partial(String, slot: Int?, indentation: String, position: TemplatePosition)
    /// `{{<name}}…{{/name}}`: the template `name`, its blocks replaced by those given here.
    case parent(String, slot: Int?, blocks: [String: [MustacheNode]], position: TemplatePosition)
    /// `{{$name}}default{{/name}}`: a place a child template may fill.
    case block(String, [MustacheNode])
}
