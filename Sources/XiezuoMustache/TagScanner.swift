/// Cuts a template's text into text and tags, following `{{=<% %>=}}` as it goes. Text is cut
/// at line ends (each piece keeps its `\n`), so that the parser can find tags standing alone
/// on a line.
struct TagScanner {
    enum Kind: Equatable {
        case escaped, unescaped, section, inverted, close, comment, partial, delimiters, parent, block

        /// A tag of this kind alone on a line takes the line with it (the spec's "standalone").
        var canStandAlone: Bool { self != .escaped && self != .unescaped }
    }

    enum Token {
        case text(String)
        case tag(Kind, String, TemplatePosition)
    }

    private let scalars: [Unicode.Scalar]
    /// The index at which each line starts, for positions.
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
    }

    func tokens() throws(MustacheSyntaxError) -> [Token] {
        var open: [Unicode.Scalar] = ["{", "{"], close: [Unicode.Scalar] = ["}", "}"]
        var tokens: [Token] = []
        var index = 0, textStart = 0
        while index < scalars.count {
            guard matches(open, at: index) else { index += 1; continue }
            appendText(from: textStart, to: index, to: &tokens)
            let position = self.position(of: index)
            var bodyStart = index + open.count
            var kind = Kind.escaped
            var closer = close
            if bodyStart < scalars.count, let sigil = Self.sigils[scalars[bodyStart]] {
                kind = sigil
                bodyStart += 1
                if scalars[bodyStart - 1] == "{" { closer = ["}"] + close }
                if kind == .delimiters { closer = ["="] + close }
            }
            guard let bodyEnd = find(closer, from: bodyStart) else {
                throw MustacheSyntaxError(kind: .unfinishedTag, position: position)
            }
            let body = String(String.UnicodeScalarView(scalars[bodyStart..<bodyEnd])).trimmingSpaces
            if kind == .delimiters {
                let parts = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, parts.allSatisfy({ !$0.contains("=") && !$0.isEmpty }) else {
                    throw MustacheSyntaxError(kind: .badDelimiters, position: position)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
            } else if kind != .comment && body.isEmpty {
                throw MustacheSyntaxError(kind: .emptyName, position: position)
            }
            tokens.append(.tag(kind, body, position))
            index = bodyEnd + closer.count
            textStart = index
        }
        appendText(from: textStart, to: scalars.count, to: &tokens)
        return tokens
    }

    private static let sigils: [Unicode.Scalar: Kind] = [
        "{": .unescaped, "&": .unescaped, "#": .section, "^": .inverted, "/": .close, "!": .comment,
        ">": .partial, "=": .delimiters, "<": .parent, "$": .block,
    ]

    private func matches(_ delimiter: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + delimiter.count <= scalars.count else { return false }
        for offset in delimiter.indices where scalars[index + offset] != delimiter[offset] { return false }
        return true
    }

    private func find(_ delimiter: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + delimiter.count <= scalars.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The text between two tags, one token per line piece.
    private func appendText(from start: Int, to end: Int, to tokens: inout [Token]) {
        var pieceStart = start
        for index in start..<end where scalars[index] == "\n" {
            tokens.append(.text(String(String.UnicodeScalarView(scalars[pieceStart...index]))))
            pieceStart = index + 1
        }
        if pieceStart < end { tokens.append(.text(String(String.UnicodeScalarView(scalars[pieceStart..<end])))) }
    }

    private func position(of index: Int) -> TemplatePosition {
        // The last line starting at or before the index.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return TemplatePosition(line: low + 1, column: index - lineStarts[low] + 1)
    }
}

extension String {
    /// Without the spaces and tabs around it (a tag's `{{ name }}` padding).
    var trimmingSpaces: String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !isSpace($0) }), let last = view.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(view[first...last])
    }

    /// Nothing but spaces, tabs and line ends.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
}
