/// Why a template could not be parsed, and where.
public struct MustacheSyntaxError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A tag opened and never closed: `{{name` with no `}}`.
        case unfinishedTag
        /// `{{#name}}` or `{{^name}}` (or `{{<name}}`, `{{$name}}`) with no `{{/name}}`.
        case unclosedSection(String)
        /// `{{/name}}` closing a section of another name, or none.
        case closeMismatch(expected: String?, found: String)
        /// `{{=…=}}` that is not two delimiters without `=` or spaces in them.
        case badDelimiters
        /// A tag with no name: `{{}}`, `{{#}}`.
        case emptyName
    }

    public let kind: Kind
    public let position: TemplatePosition

    public init(kind: Kind, position: TemplatePosition) {
        self.kind = kind
        self.position = position
    }
}
