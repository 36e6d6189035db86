/// Templates by name, parsed once and linked: every `{{>name}}` and `{{<name}}` points at its
/// template's place in the library, so drawing a page looks nothing up by name.
public struct MustacheLibrary: Sendable {
    /// The templates, in the order of their names.
    let templates: [[MustacheNode]]
    private let slots: [String: Int]
    let escape: @Sendable (String) -> String

    /// Parses every template; the first one that fails throws, with its name.
    public init(templates sources: [String: String], escape: @escaping @Sendable (String) -> String) throws(MustacheLibraryError) {
        var parsed: [String: MustacheTemplate] = [:]
        for name in sources.keys.sorted() {
            do {
                parsed[name] = try MustacheTemplate(sources[name]!)
            } catch {
                throw MustacheLibraryError(template: name, error: error)
            }
        }
        self.init(parsed: parsed, escape: escape)
    }

    /// Templates already parsed, linked to each other.
    public init(parsed: [String: MustacheTemplate], escape: @escaping @Sendable (String) -> String) {
        let names = parsed.keys.sorted()
        let slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.slots = slots
        templates = names.map { Self.link(parsed[$0]!.nodes, slots: slots) }
        self.escape = escape
    }

    func slot(of name: String) -> Int? { slots[name] }

    /// `value` drawn by the template `name`; nil when the library has no such template.
    public func render(_ value: MustacheValue, with name: String) -> String? {
        renderUTF8(value, with: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same drawing as UTF-8 bytes, for a page that goes to a file as they are.
    public func renderUTF8(_ value: MustacheValue, with name: String) -> [UInt8]? {
        guard let slot = slots[name] else { return nil }
        var renderer = MustacheRenderer(library: self, root: value)
        renderer.render(templates[slot])
        return renderer.output
    }

    private static func link(_ nodes: [MustacheNode], slots: [String: Int]) -> [MustacheNode] {
        nodes.map { node in
            switch node {
            case .text, .value: node
            case .section(let name, let children, let inverted):
                .section(name, link(children, slots: slots), inverted: inverted)
            case .partial(let name, _, let indentation, let position):
                .partial(name, slot: slots[name], indentation: indentation, position: position)
            case .parent(let name, _, let blocks, let position):
                .parent(name, slot: slots[name], blocks: blocks.mapValues { link($0, slots: slots) }, position: position)
            case .block(let name, let children):
                .block(name, link(children, slots: slots))
            }
        }
    }
}

/// One template's text, parsed.
public struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]

    public init(_ text: String) throws(MustacheSyntaxError) {
        nodes = try MustacheParser.parse(text)
    }
}

/// A template of a library that does not parse.
public struct MustacheLibraryError: Error, Sendable {
    public let template: String
    public let error: MustacheSyntaxError
}
