import Yams

/// Parses YAML text into a node tree, turning every failure into a positioned diagnostic.
///
/// Before libyaml sees the text, a cheap scan refuses what real content never needs and
/// hostile input uses: nesting deep enough to exhaust the stack, and aliases (`*name`)
/// that can expand exponentially.
enum YAMLParsing {
    static let maximumDepth = 64

    static func parse(_ yaml: String, file: String, firstLine: Int, sink: DiagnosticSink) -> Node? {
        if let problem = scan(yaml) {
            sink.error(problem.message, at: SourceLocation(file: file, line: problem.line + firstLine - 1,
                                                             column: problem.column))
            return nil
        }
        do {
            // The basic resolver leaves every scalar a string: the field readers decide what a
            // value means (numbers, dates, booleans), so Yams need not guess types. The encoding
            // is named because Yams' default reads the whole process environment on every call.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            let location = SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
            sink.error(message, at: location)
        } catch {
            sink.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return ("invalid YAML: \(problem)\(detail); check the indentation and quotes on this line", mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("duplicate key \(keys); each key may appear once, remove or rename the repeat", context.mark)
        case let .reader(problem, _, _, _):
            return ("unreadable YAML: \(problem)", nil)
        default:
            return ("invalid YAML: \(error)", nil)
        }
    }

    struct ScanProblem {
        let line: Int
        let column: Int
        let message: String
    }

    /// Finds flow nesting (`[[[[…`), block nesting (`- - - -…`, deep indentation) and aliases.
    /// Works on bytes: every character that matters is ASCII, and UTF-8 never uses ASCII bytes
    /// inside a multi-byte character. Columns are counted in characters, as editors show them.
    static func scan(_ yaml: String) -> ScanProblem? {
        var flowDepth = 0
        var lineNumber = 1
        var column = 0
        var indent = 0
        var counting = true
        var quote: UInt8?
        var previous: UInt8 = 0x20
        var comment = false
        var lineStart = yaml.utf8.startIndex
        let utf8 = yaml.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A {
                if indent > maximumDepth * 4 {
                    return ScanProblem(line: lineNumber, column: 1,
                                       message: "YAML nested more than \(maximumDepth) levels deep; content never needs this, flatten it")
                }
                lineNumber += 1
                column = 0
                indent = 0
                counting = true
                quote = nil
                comment = false
                previous = 0x20
                index = utf8.index(after: index)
                lineStart = index
                continue
            }
            // A character starts at every byte that is not a UTF-8 continuation byte.
            if byte & 0xC0 != 0x80 { column += 1 }
            defer { index = utf8.index(after: index) }
            if comment { continue }
            if counting {
                if byte == 0x20 || byte == 0x2D || byte == 0x3F { indent += 1 } else { counting = false }
            }
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x23 && (previous == 0x20 || column == 1) {
                comment = true
            } else if byte == 0x22 || byte == 0x27 {
                if previous == 0x20 || previous == 0x5B || previous == 0x7B || previous == 0x2C || column == 1 { quote = byte }
            } else if byte == 0x5B || byte == 0x7B {
                flowDepth += 1
                if flowDepth > maximumDepth {
                    return ScanProblem(line: lineNumber, column: column,
                                       message: "YAML nested more than \(maximumDepth) levels deep; content never needs this, flatten it")
                }
            } else if byte == 0x5D || byte == 0x7D {
                flowDepth = max(0, flowDepth - 1)
            } else if byte == 0x2A && (previous == 0x20 || previous == 0x5B || previous == 0x2C || column == 1)
                        && precededByValueStart(Substring(yaml[lineStart..<index])) {
                return ScanProblem(line: lineNumber, column: column,
                                   message: "YAML aliases (*name) are not supported in content files; write the value out in full")
            }
            previous = byte
        }
        if indent > maximumDepth * 4 {
            return ScanProblem(line: lineNumber, column: 1,
                               message: "YAML nested more than \(maximumDepth) levels deep; content never needs this, flatten it")
        }
        return nil
    }

    /// An alias can only start a value: after `key:`, `- `, `[`, `,` or at the start of a line.
    private static func precededByValueStart(_ before: Substring) -> Bool {
        let before = before.trimmed
        guard let last = before.last else { return true }
        return last == ":" || last == "-" || last == "[" || last == "," || last == "{" || last == "?"
    }
}
