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
            // value means (numbers, dates, booleans), so Yams need not guess types.
            return try Yams.compose(yaml: yaml, .basic)
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
    static func scan(_ yaml: String) -> ScanProblem? {
        var flowDepth = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var column = 0
            var indent = 0
            var counting = true
            var quote: Character?
            var previous: Character = " "
            for character in line {
                column += 1
                if counting {
                    if character == " " || character == "-" || character == "?" { indent += 1 } else { counting = false }
                }
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "#" && (previous == " " || column == 1) {
                    break
                } else if character == "\"" || character == "'" {
                    if previous == " " || previous == "[" || previous == "{" || previous == "," || column == 1 {
                        quote = character
                    }
                } else if character == "[" || character == "{" {
                    flowDepth += 1
                    if flowDepth > maximumDepth {
                        return ScanProblem(line: number, column: column,
                                           message: "YAML nested more than \(maximumDepth) levels deep; content never needs this, flatten it")
                    }
                } else if character == "]" || character == "}" {
                    flowDepth = max(0, flowDepth - 1)
                } else if character == "*" && (previous == " " || previous == "[" || previous == "," || column == 1)
                            && precededByValueStart(line, column: column) {
                    return ScanProblem(line: number, column: column,
                                       message: "YAML aliases (*name) are not supported in content files; write the value out in full")
                }
                previous = character
            }
            if indent > maximumDepth * 4 {
                return ScanProblem(line: number, column: 1,
                                   message: "YAML nested more than \(maximumDepth) levels deep; content never needs this, flatten it")
            }
        }
        return nil
    }

    /// An alias can only start a value: after `key:`, `- `, `[`, `,` or at the start of a line.
    private static func precededByValueStart(_ line: Substring, column: Int) -> Bool {
        let before = line.prefix(column - 1).trimmingCharacters(in: .whitespaces)
        guard let last = before.last else { return true }
        return last == ":" || last == "-" || last == "[" || last == "," || last == "{" || last == "?"
    }
}
