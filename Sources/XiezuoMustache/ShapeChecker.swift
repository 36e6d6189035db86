/// A name in a template that the data drawn through it does not have.
public struct UnknownName: Sendable, Equatable {
    /// The template whose text holds the name (a partial or layout, when it is in one).
    public let template: String
    public let name: String
    public let position: TemplatePosition
    /// The part of the name that was not found (`titel` of `chrome.titel`), and the names
    /// there are in its place, for a "did you mean".
    public let missing: String
    public let known: [String]
    let parts: [String]
    let missingIndex: Int
    let anchored: Bool

    /// The name with its missing part replaced: `chrome.title` for `chrome.titel`.
    public func replacing(missingWith part: String) -> String {
        var parts = parts
        parts[missingIndex] = part
        return (anchored ? "." : "") + parts.joined(separator: ".")
    }
}

extension MustacheLibrary {
    /// The names that drawing `template` from data of `shape` would not find, through every
    /// partial, parent and block it draws; each place once, in the order of the text.
    public func unknownNames(drawing template: String, from shape: MustacheShape) -> [UnknownName] {
        guard let slot = slot(of: template) else { return [] }
        var checker = ShapeChecker(library: self)
        checker.walk(templates[slot], in: template, stack: [shape], blocks: [:])
        var seen = Set<String>()
        return checker.problems.filter { seen.insert("\($0.template):\($0.position.line):\($0.position.column)").inserted }
            .sorted { ($0.template, $0.position.line, $0.position.column) < ($1.template, $1.position.line, $1.position.column) }
    }
}

/// Walks a template as drawing it would, with the shapes in place of the values.
private struct ShapeChecker {
    typealias Blocks = [String: (nodes: [MustacheNode], owner: String)]

    let library: MustacheLibrary
    var problems: [UnknownName] = []
    /// The partials being walked, so that a partial that draws itself is walked once.
    private var walking = Set<Int>()

    init(library: MustacheLibrary) { self.library = library }

    mutating func walk(_ nodes: [MustacheNode], in template: String, stack: [MustacheShape], blocks: Blocks) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .value(let name, _):
                _ = resolve(name, in: template, stack: stack)
            case .section(let name, let children, let inverted):
                let shape = resolve(name, in: template, stack: stack)
                var inner = stack
                if !inverted, let shape {
                    switch shape {
                    case .list(let item): inner.append(item)
                    case .object, .anyNames: inner.append(shape)
                    case .value: break
                    }
                }
                walk(children, in: template, stack: inner, blocks: blocks)
            case .partial(let partial, let slot?, _, _):
                guard walking.insert(slot).inserted else { continue }
                walk(library.templates[slot], in: partial, stack: stack, blocks: blocks)
                walking.remove(slot)
            case .parent(let parent, let slot?, let given, _):
                guard walking.insert(slot).inserted else { continue }
                var inEffect = blocks
                inEffect.merge(given.mapValues { ($0, template) }) { outer, _ in outer }
                walk(library.templates[slot], in: parent, stack: stack, blocks: inEffect)
                walking.remove(slot)
            case .block(let name, let defaults):
                if let given = blocks[name] {
                    walk(given.nodes, in: given.owner, stack: stack, blocks: blocks)
                } else {
                    walk(defaults, in: template, stack: stack, blocks: blocks)
                }
            case .partial(_, nil, _, _), .parent(_, nil, _, _):
                // Drawn as nothing; TemplateSet names a template it lacks.
                break
            }
        }
    }

    /// The shape a name refers to, as MustacheRenderer looks it up; nil (and a problem) when
    /// there is none.
    private mutating func resolve(_ name: MustacheName, in template: String, stack: [MustacheShape]) -> MustacheShape? {
        guard let first = name.parts.first else { return stack.last }
        var found: MustacheShape?
        for shape in (name.anchored ? [stack[stack.count - 1]] : stack.reversed()) {
            if let child = Self.child(first, of: shape) {
                found = child
                break
            }
        }
        guard var shape = found else {
            let scope = name.anchored ? [stack[stack.count - 1]] : stack
            report(name, part: 0, in: template, known: scope.flatMap(Self.names))
            return nil
        }
        for (index, part) in name.parts.enumerated().dropFirst() {
            guard let child = Self.child(part, of: shape) else {
                report(name, part: index, in: template, known: Self.names(of: shape))
                return nil
            }
            shape = child
        }
        return shape
    }

    private static func child(_ name: String, of shape: MustacheShape) -> MustacheShape? {
        switch shape {
        case .object(let fields): fields[name]
        case .anyNames: .value
        case .value, .list: nil
        }
    }

    private static func names(of shape: MustacheShape) -> [String] {
        if case .object(let fields) = shape { fields.keys.sorted() } else { [] }
    }

    private mutating func report(_ name: MustacheName, part: Int, in template: String, known: [String]) {
        problems.append(UnknownName(template: template, name: name.text, position: name.position, missing: name.parts[part],
                                    known: known, parts: name.parts, missingIndex: part, anchored: name.anchored))
    }
}
