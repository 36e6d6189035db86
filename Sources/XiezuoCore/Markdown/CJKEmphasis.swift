import CMark
import Foundation

/// Bold next to Chinese punctuation, which CommonMark leaves as literal asterisks.
///
/// CommonMark closes `**` only where it is "right-flanking": a closer just after punctuation
/// must be followed by a space or punctuation. Chinese has no spaces, so the way plans are
/// written, `**实施技能培训工程。**以搭建…`, keeps both `**` as text and shows them. Inside one
/// block of inline text, this pass pairs the `**` CommonMark left over, left to right, and
/// makes what lies between them strong. An opener must not be followed by a space and a closer
/// must not follow one, as in CommonMark; code spans and links are whole nodes and are never
/// split. A `**` without a partner stays as written, and `check` warns about it.
enum CJKEmphasis {
    /// Static, so that libcmark's bytes are searched for it in place (`strstr`): a String would
    /// be copied into a new C string for each text node. As text where nodes are split.
    private static let delimiter: StaticString = "**"
    private static let delimiterText = delimiter.description

    /// Makes strong every pair of leftover `**` in each block of `document`.
    static func repair(_ document: OpaquePointer) {
        var delimiters: Set<OpaquePointer> = []
        var parents: [OpaquePointer] = []
        for node in textNodesHoldingDelimiter(document) {
            guard let parent = cmark_node_parent(node) else { continue }
            if !parents.contains(parent) { parents.append(parent) }
            delimiters.formUnion(splitAtDelimiters(node))
        }
        for parent in parents { pair(childrenOf: parent, delimiters: delimiters) }
    }

    /// The line of each `**` still left as text: where bold was meant and is not shown.
    static func leftoverLines(_ document: OpaquePointer) -> [Int] {
        textNodesHoldingDelimiter(document).map(line(of:))
    }

    /// Inline nodes carry no line of their own: the line is their block's first line plus the
    /// line breaks before them in that block.
    private static func line(of node: OpaquePointer) -> Int {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
        guard let block, let iterator = cmark_iter_new(block) else { return 1 }
        defer { cmark_iter_free(iterator) }
        var line = Int(cmark_node_get_start_line(block))
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE, let current = cmark_iter_get_node(iterator), current != node {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { line += 1 }
        }
        return line
    }

    private static func literal(_ node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let text = cmark_node_get_literal(node) else { return nil }
        return String(cString: text)
    }

    private static func textNodesHoldingDelimiter(_ document: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return found }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            // Looked for in libcmark's own bytes: no Swift string is made for the text nodes
            // without a `**`, which are nearly all of them.
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT, let text = cmark_node_get_literal(node),
                  strstr(text, UnsafeRawPointer(delimiter.utf8Start).assumingMemoryBound(to: CChar.self)) != nil else { continue }
            found.append(node)
        }
        return found
    }

    /// Splits a text node so that each `**` is a node of its own; returns those nodes.
    private static func splitAtDelimiters(_ node: OpaquePointer) -> [OpaquePointer] {
        guard let text = literal(node) else { return [] }
        var pieces: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: delimiterText) {
            if range.lowerBound > rest.startIndex { pieces.append(String(rest[..<range.lowerBound])) }
            pieces.append(delimiterText)
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        var delimiters: [OpaquePointer] = []
        var last = node
        for (index, piece) in pieces.enumerated() {
            let current: OpaquePointer
            if index == 0 {
                current = node
            } else {
                guard let new = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_insert_after(last, new)
                current = new
            }
            cmark_node_set_literal(current, piece)
            if piece == delimiterText { delimiters.append(current) }
            last = current
        }
        return delimiters
    }

    private static func pair(childrenOf parent: OpaquePointer, delimiters: Set<OpaquePointer>) {
        var opener: OpaquePointer?
        var node = cmark_node_first_child(parent)
        while let current = node {
            node = cmark_node_next(current)
            guard delimiters.contains(current) else { continue }
            if let open = opener, canClose(current), cmark_node_next(open) != current {
                makeStrong(from: open, to: current)
                opener = nil
            } else if canOpen(current) {
                opener = current
            }
        }
    }

    private static func canOpen(_ node: OpaquePointer) -> Bool {
        guard let next = cmark_node_next(node) else { return false }
        return literal(next)?.first?.isWhitespace != true
    }

    private static func canClose(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node) else { return false }
        return literal(previous)?.last?.isWhitespace != true
    }

    /// Replaces `open … close` by a strong node holding what lay between them.
    private static func makeStrong(from open: OpaquePointer, to close: OpaquePointer) {
        guard let strong = cmark_node_new(CMARK_NODE_STRONG) else { return }
        cmark_node_insert_before(open, strong)
        while let inside = cmark_node_next(open), inside != close {
            cmark_node_append_child(strong, inside)
        }
        cmark_node_free(open)
        cmark_node_free(close)
    }
}
