/// Parses YAML text into a node tree (YAMLReader), turning every failure into a positioned
/// diagnostic.
public enum YAMLParsing {
    /// The root node of `yaml`, read from a file whose first line is `firstLine`; nil, with
    /// the problems in `sink`, when it cannot be read or holds nothing.
    public static func parse(_ yaml: String, file: String, firstLine: Int, sink: DiagnosticSink) -> YAMLNode? {
        // A clerk's typing mistakes first, each at its place: read as YAML, most say nothing.
        let typos = YAMLTypos.find(yaml)
        if !typos.isEmpty {
            for typo in typos {
                sink.unreadFile(typo.message, at: SourceLocation(file: file, line: typo.line + firstLine - 1, column: typo.column))
            }
            return nil
        }
        do {
            guard let root = try YAMLReader.read(yaml) else {
                // Only comments or blank lines: a file that says nothing is never silently dropped.
                sink.unreadFile(.onlyComments, at: SourceLocation(file: file, line: firstLine))
                return nil
            }
            return root
        } catch {
            let (message, mark) = describe(error)
            let location = SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
            sink.unreadFile(message, at: location)
            return nil
        }
    }

    static let tooDeep = Message(.tooDeep, ["depth": "\(YAMLReader.maximumDepth)"])

    private static func describe(_ failure: YAMLReader.Failure) -> (Message, YAMLMark?) {
        switch failure {
        case let .syntax(_, _, context?, contextMark) where context.contains("quoted scalar"):
            // libyaml notices a missing closing quote where the text ends; the quote that
            // needs closing is where the value starts.
            return (Message(.unclosedQuote), contextMark)
        case let .syntax(problem, mark, context, _):
            let detail = context.map { " (\($0))" } ?? ""
            return (Message(.invalidYAML, ["problem": .text(problem), "detail": .text(detail)]), mark)
        case let .secondDocument(mark):
            return (Message(.invalidYAML, ["problem": "but found another document",
                                           "detail": " (expected a single document in the stream)"]), mark)
        case let .duplicateKeys(keys, mark):
            return (Message(.duplicateKey, ["keys": .quoted(keys)]), mark)
        case let .encoding(problem):
            return (Message(.unreadableYAML, ["reason": .text(problem)]), nil)
        case let .alias(mark):
            return (Message(.yamlAlias), mark)
        case let .tooDeep(mark):
            return (tooDeep, mark)
        }
    }
}
