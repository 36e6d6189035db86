
/// A content file being decoded: its path, where its YAML starts, and the sink for problems.
struct DecodingContext {
    let file: String
    let lineOffset: Int
    let sink: DiagnosticSink
    /// The plan's year, for dates written without one; nil where no plan gives it.
    var year: Int?

    var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    func reader(_ node: YAMLNode?, known: [String], what: Message) -> FieldReader? {
        let reader = FieldReader(node, known: known, what: what, file: file, lineOffset: lineOffset, sink: sink, fallback: start)
        reader?.year = year
        return reader
    }
}

/// Parsed YAML of a content file, or of the front matter of a Markdown file, with its body.
struct ParsedFile {
    var context: DecodingContext
    let root: YAMLNode?
    let body: String
    /// The body as HTML, from the same reading that checked it, when it was asked for
    /// (`Body.rendered`); else empty.
    var bodyHTML = ""

    /// Reads a `.yaml` data file.
    static func yaml(_ text: SourceText, sink: DiagnosticSink) -> ParsedFile? {
        guard !text.text.isBlank else {
            sink.unreadFile(.fileEmpty, at: SourceLocation(file: text.path))
            return nil
        }
        let context = DecodingContext(file: text.path, lineOffset: 0, sink: sink)
        guard let root = YAMLParsing.parse(text.text, file: text.path, firstLine: 1, sink: sink) else { return nil }
        return ParsedFile(context: context, root: root, body: "")
    }

    /// What is done with a Markdown file's body.
    enum Body {
        /// Left empty and unchecked: the site's date needs only the latest records' `date`,
        /// before the plans are loaded.
        case skipped
        /// Checked (bold without a partner, images from outside), as a plan's or a pairing's narrative.
        case checked
        /// Checked and drawn as HTML by the same reading, as a progress record's note, which
        /// keeps it.
        case rendered
    }

    /// Reads a `.md` file with YAML front matter between `---` lines.
    static func markdown(_ text: SourceText, sink: DiagnosticSink, body use: Body) -> ParsedFile? {
        switch FrontMatterDocument.split(text.text) {
        case .failure(.missingOpening):
            sink.unreadFile(.noFrontMatter, at: SourceLocation(file: text.path))
            return nil
        case .failure(.missingClosing):
            sink.unreadFile(.frontMatterOpen, at: SourceLocation(file: text.path))
            return nil
        case .success(let document):
            // Front matter starts on line 2, and the YAML reader counts its lines from 1.
            let context = DecodingContext(file: text.path, lineOffset: document.yamlFirstLine - 1, sink: sink)
            guard use != .skipped else {
                let root = document.yaml.isBlank ? nil
                    : YAMLParsing.parse(document.yaml, file: text.path, firstLine: document.yamlFirstLine, sink: sink)
                return ParsedFile(context: context, root: root, body: "")
            }
            var body = document.body
            if let (kept, removed) = ControlCharacters.strip(body) {
                sink.warning(.bodyControlCharacters, ["characters": .text(removed.joined(separator: ", "))],
                             at: SourceLocation(file: text.path))
                body = kept
            }
            let reading = Markdown.read(body, rendering: use == .rendered)
            for url in reading.externalImages {
                let line = text.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains(url) }.map { $0 + 1 } ?? 1
                sink.warning(.externalImage, ["url": .text(url)], at: SourceLocation(file: text.path, line: line))
            }
            for line in reading.unrenderedBold {
                sink.warning(.unpairedBold, at: SourceLocation(file: text.path, line: document.bodyFirstLine + line - 1))
            }
            if document.yaml.isBlank {
                return ParsedFile(context: context, root: nil, body: body, bodyHTML: reading.html)
            }
            guard let root = YAMLParsing.parse(document.yaml, file: text.path, firstLine: document.yamlFirstLine,
                                               sink: sink) else { return nil }
            return ParsedFile(context: context, root: root, body: body, bodyHTML: reading.html)
        }
    }
}

extension FieldReader {
    /// Unit references written as a list (or a single name).
    func unitReferences(_ key: String) -> [UnitReference] {
        strings(key).map { UnitReference(text: $0.0, location: $0.1) }
    }
}
