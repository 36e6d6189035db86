/// Builds a template's nodes from its tokens: drops the lines that hold nothing but one
/// section, comment, partial or delimiter tag (the spec's "standalone" tags), then nests
/// sections.
enum MustacheParser {
    static func parse(_ text: String) throws(MustacheSyntaxError) -> [MustacheNode] {
        let tokens = standalone(try TagScanner(text).tokens())
        var builder = TreeBuilder()
        for token in tokens { try builder.add(token) }
        return try builder.finish()
    }

    /// A token with, for a partial alone on its line, the whitespace before it.
    struct Placed {
        let token: TagScanner.Token
        var indentation = ""
    }

    /// The tokens without the whitespace and line end around the tags that stand alone on
    /// their line: one section, comment, partial or delimiter tag, or (as the spec's optional
    /// inheritance module has it) any number of parent and block tags, `{{<layout}}{{$main}}`.
    static func standalone(_ tokens: [TagScanner.Token]) -> [Placed] {
        var placed: [Placed] = []
        var line: [TagScanner.Token] = []
        // The kinds of the sections open, to tell what a `{{/name}}` closes.
        var open: [TagScanner.Kind] = []
        func endLine() {
            defer { line.removeAll(keepingCapacity: true) }
            var tags: [Int] = []
            var blank = true
            var inheritanceOnly = true
            for (index, token) in line.enumerated() {
                switch token {
                case .tag(let kind, _, _):
                    tags.append(index)
                    var closed: TagScanner.Kind?
                    switch kind {
                    case .section, .inverted, .parent, .block: open.append(kind)
                    case .close: closed = open.popLast()
                    default: break
                    }
                    if kind != .parent && kind != .block && closed != .parent && closed != .block { inheritanceOnly = false }
                case .text(let text):
                    if !text.isBlank { blank = false }
                }
            }
            let alone: Bool
            if let only = tags.first, tags.count == 1, case .tag(let kind, _, _) = line[only] {
                alone = kind.canStandAlone
            } else {
                alone = !tags.isEmpty && inheritanceOnly
            }
            guard blank, alone else {
                placed += line.map { Placed(token: $0) }
                return
            }
            var indentation = ""
            if tags[0] > 0, case .text(let before) = line[0] { indentation = before }
            placed += tags.map { Placed(token: line[$0], indentation: indentation) }
        }
        for token in tokens {
            line.append(token)
            if case .text(let text) = token, text.utf8.last == UInt8(ascii: "\n") { endLine() }
        }
        endLine()
        return placed
    }
}

/// Nests the tokens: a stack of sections still open, each gathering its nodes.
private struct TreeBuilder {
    private struct Open {
        let kind: TagScanner.Kind
        let name: String
        let position: TemplatePosition
        var nodes: [MustacheNode] = []
    }

    private var stack = [Open(kind: .section, name: "", position: TemplatePosition(line: 1, column: 1))]

    mutating func add(_ placed: MustacheParser.Placed) throws(MustacheSyntaxError) {
        switch placed.token {
        case .text(let text):
            append(.text(text))
        case .tag(let kind, let body, let position):
            switch kind {
            case .escaped, .unescaped:
                append(.value(MustacheName(body, at: position), escaped: kind == .escaped))
            case .partial:
                append(.partial(body, slot: nil, indentation: placed.indentation, position: position))
            case .section, .inverted, .parent, .block:
                stack.append(Open(kind: kind, name: body, position: position))
            case .close:
                guard stack.count > 1, stack[stack.count - 1].name == body else {
                    let expected = stack.count > 1 ? stack[stack.count - 1].name : nil
                    throw MustacheSyntaxError(kind: .closeMismatch(expected: expected, found: body), position: position)
                }
                let open = stack.removeLast()
                append(node(closing: open))
            case .comment, .delimiters:
                break
            }
        }
    }

    func finish() throws(MustacheSyntaxError) -> [MustacheNode] {
        guard stack.count == 1 else {
            let open = stack[stack.count - 1]
            throw MustacheSyntaxError(kind: .unclosedSection(open.name), position: open.position)
        }
        return mergedText(stack[0].nodes)
    }

    private mutating func append(_ node: MustacheNode) {
        stack[stack.count - 1].nodes.append(node)
    }

    private func node(closing open: Open) -> MustacheNode {
        let nodes = mergedText(open.nodes)
        switch open.kind {
        case .parent:
            // Only the blocks inside `{{<parent}}` count; the spec ignores anything else there.
            var blocks: [String: [MustacheNode]] = [:]
            for case .block(let name, let content) in nodes { blocks[name] = content }
            return .parent(open.name, slot: nil, blocks: blocks, position: open.position)
        case .block:
            return .block(open.name, nodes)
        default:
            return .section(MustacheName(open.name, at: open.position), nodes, inverted: open.kind == .inverted)
        }
    }

    /// Text pieces side by side joined into one: the scanner cut them at line ends.
    private func mergedText(_ nodes: [MustacheNode]) -> [MustacheNode] {
        var merged: [MustacheNode] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let before)? = merged.last {
                merged[merged.count - 1] = .text(before + text)
            } else {
                merged.append(node)
            }
        }
        return merged
    }
}
