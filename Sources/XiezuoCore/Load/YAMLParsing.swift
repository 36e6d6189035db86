import Yams

/// Parses YAML text into a node tree, turning every failure into a positioned diagnostic.
///
/// Before the tree is built, YAMLStructure refuses what real content never needs and hostile
/// input uses: nesting deep enough to exhaust the stack, and aliases (`*name`) that can expand
/// exponentially.
enum YAMLParsing {
    static func parse(_ yaml: String, file: String, firstLine: Int, sink: DiagnosticSink) -> Node? {
        // A clerk's typing mistakes first, each at its place: read as YAML, most say nothing.
        let typos = YAMLTypos.find(yaml)
        if !typos.isEmpty {
            for typo in typos {
                sink.unreadFile(typo.message, at: SourceLocation(file: file, line: typo.line + firstLine - 1, column: typo.column))
            }
            return nil
        }
        if let problem = YAMLStructure.check(yaml) {
            sink.unreadFile(problem.message, at: SourceLocation(file: file, line: problem.line + firstLine - 1,
                                                             column: problem.column))
            return nil
        }
        do {
            // The basic resolver leaves every scalar a string: the field readers decide what a
            // value means (numbers, dates, booleans), so Yams need not guess types. The encoding
            // is named because Yams' default reads the whole process environment on every call.
            guard let root = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                // Only comments or blank lines: a file that says nothing is never silently dropped.
                sink.unreadFile(.onlyComments, at: SourceLocation(file: file, line: firstLine))
                return nil
            }
            return root
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            let location = SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
            sink.unreadFile(message, at: location)
        } catch {
            sink.unreadFile(.unreadableYAML, ["reason": "\(error)"], at: SourceLocation(file: file, line: firstLine))
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (Message, Mark?) {
        switch error {
        case let .scanner(context?, _, _, _) where context.text.contains("quoted scalar"):
            // libyaml notices a missing closing quote where the text ends; the quote that
            // needs closing is where the value starts.
            return (Message(.unclosedQuote), context.mark)
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return (Message(.invalidYAML, ["problem": .text(problem), "detail": .text(detail)]), mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (Message(.duplicateKey, ["keys": .quoted(duplicates)]), context.mark)
        case let .reader(problem, _, _, _):
            return (Message(.unreadableYAML, ["reason": .text(problem)]), nil)
        default:
            return (Message(.invalidYAMLError, ["reason": "\(error)"]), nil)
        }
    }
}
