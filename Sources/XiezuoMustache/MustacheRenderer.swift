/// Draws linked nodes into one string: a stack of the values sections have entered, the
/// blocks a child template gave its parent, and the indentation of the partial being drawn.
struct MustacheRenderer {
    private let library: MustacheLibrary
    /// UTF-8 bytes: appending a String's bytes to an array is a copy, where appending to a
    /// String took several hundred instructions for each of a page's thousands of pieces.
    private(set) var output: [UInt8] = []
    private var stack: [MustacheValue]
    private var blocks: [String: [MustacheNode]] = [:]
    /// Put before each line a standalone partial draws from its own text (not before the lines
    /// of a value it draws).
    private var indentation = ""
    private var atLineStart = false

    init(library: MustacheLibrary, root: MustacheValue) {
        self.library = library
        // The bytes become a String or Data of their own size when drawn, so room set aside
        // here is never kept with what a page keeps.
        output.reserveCapacity(1024)
        stack = [root]
    }

    mutating func render(_ nodes: [MustacheNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                if indentation.isEmpty { write(text) } else { writeIndented(text) }
            case .value(let name, let escaped):
                guard let value = lookUp(name) else { continue }
                let text: String
                switch value {
                case .text(let string): text = escaped ? library.escape(string) : string
                case .number(let number): text = String(number)
                case .flag(let flag): text = flag ? "true" : "false"
                case .object, .list, .null: continue
                }
                if !indentation.isEmpty, atLineStart, !text.isEmpty {
                    write(indentation)
                    atLineStart = false
                }
                write(text)
            case .section(let name, let children, let inverted):
                let value = lookUp(name)
                if inverted {
                    if !Self.isTruthy(value) { render(children) }
                } else {
                    renderSection(value, children)
                }
            case .partial(_, let slot, let ownIndentation, _):
                guard let slot else { continue }
                let saved = (indentation, atLineStart)
                if !ownIndentation.isEmpty {
                    indentation += ownIndentation
                    atLineStart = true
                }
                render(library.templates[slot])
                if !ownIndentation.isEmpty { (indentation, atLineStart) = saved }
            case .parent(_, let slot, let given, _):
                guard let slot else { continue }
                let saved = blocks
                // The outermost child's blocks win: a block already given stays.
                blocks.merge(given) { outer, _ in outer }
                render(library.templates[slot])
                blocks = saved
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults)
            }
        }
    }

    private mutating func renderSection(_ value: MustacheValue?, _ children: [MustacheNode]) {
        switch value {
        case .none, .null, .flag(false): return
        case .flag(true): render(children)
        case .list(let items):
            for item in items {
                stack.append(item)
                render(children)
                stack.removeLast()
            }
        case .text, .number, .object:
            stack.append(value!)
            render(children)
            stack.removeLast()
        }
    }

    private static func isTruthy(_ value: MustacheValue?) -> Bool {
        switch value {
        case .none, .null, .flag(false): false
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    /// The value a name refers to: its first part looked for in the innermost value that has
    /// it (or only in the current value when anchored), the rest inside that.
    private func lookUp(_ name: MustacheName) -> MustacheValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: MustacheValue?
        if name.anchored {
            if case .object(let object) = stack[stack.count - 1] { found = object[first] }
        } else {
            for value in stack.reversed() {
                if case .object(let object) = value, let child = object[first] {
                    found = child
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .object(let object) = value, let child = object[part] else { return nil }
            value = child
        }
        return value
    }

    @inline(__always)
    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Text from a partial's own template, its lines indented.
    private mutating func writeIndented(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                // A line end is the byte \n whatever comes before it, so \r\n lines count too.
                let end = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
                if atLineStart { write(indentation) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                atLineStart = bytes[end - 1] == UInt8(ascii: "\n")
                lineStart = end
            }
        }
    }
}
