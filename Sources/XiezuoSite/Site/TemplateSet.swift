import Foundation
import XiezuoMustache
import XiezuoCore

/// The site's look: the templates, strings and assets embedded from templates/, each
/// replaced by a file of the same name in the site folder's own templates/.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let strings: Strings
    /// Files copied as they are into the site (assets/style.css, assets/sort.js, …).
    public let assets: [String: Data]
    /// A hash of every template, string and asset in use and of the language: pages drawn
    /// with the same digest from the same content are the same.
    public let digest: UInt64


    /// `overrides` maps paths relative to the site's templates/ folder to their text.
    public static func load(overrides: [String: Data], language: String, sink: DiagnosticSink) -> TemplateSet? {
        var override: (path: String, text: String)?
        if let data = overrides["strings.yaml"] {
            if let text = String(data: data, encoding: .utf8) {
                override = ("templates/strings.yaml", text)
            } else {
                sink.error(.stringsNotUTF8, at: SourceLocation(file: "templates/strings.yaml"))
            }
        }
        let strings = Strings.load(defaults: DefaultTemplates.files["strings.yaml"] ?? "", override: override,
                                   language: language, sink: sink)
        var files = DefaultTemplates.files.mapValues { Data($0.utf8) }
        files.merge(overrides) { _, new in new }
        var parsed: [String: MustacheTemplate] = [:]
        var inlinings: [String: InlinedTemplate] = [:]
        var unreadable = Set<String>()
        var assets: [String: Data] = [:]
        // The templates are read on every core (writing in the UI strings and parsing were most
        // of the fixed cost of a build, and of every rebuild); what each reading found is told
        // in the order of the files, as when they were read one by one.
        let templatePaths = files.keys.filter { $0.hasSuffix(".mustache") }.sorted()
        let readings = Dictionary(uniqueKeysWithValues: zip(templatePaths, Parallel.map(templatePaths) { path in
            TemplateReading(files[path]!, strings: strings)
        }))
        for path in files.keys.sorted() {
            if let reading = readings[path] {
                let name = String(path.dropLast(".mustache".count))
                let file = "templates/\(path)"
                guard let outcome = reading.outcome else {
                    // Told once: not as missing too.
                    unreadable.insert(name)
                    sink.error(.templateNotUTF8, at: SourceLocation(file: file))
                    continue
                }
                for unknown in reading.unknownKeys {
                    unreadable.insert(name)
                    sink.error(.unknownUIString, ["key": .text(unknown.key),
                                                  "suggestion": Suggestion.didYouMean(unknown.key, among: Array(strings.templateTable.keys))],
                               at: SourceLocation(file: file, line: unknown.line, column: unknown.column))
                }
                switch outcome {
                case .success(let (template, inlining)):
                    parsed[name] = template
                    inlinings[name] = inlining
                case .failure(let error):
                    unreadable.insert(name)
                    sink.error(.unreadableTemplate, ["reason": .message(describe(error.kind))],
                               at: SourceLocation(file: file, line: error.position.line, column: error.position.column))
                }
            } else if path.hasPrefix("assets/") {
                assets[path] = files[path]!
            }
        }
        for name in TemplateName.allCases.map(\.rawValue) where parsed[name] == nil && !unreadable.contains(name) {
            sink.error(.missingTemplate, ["name": .text(name)], at: SourceLocation(file: "templates/\(name).mustache"))
        }
        // The names are checked in the templates that read even when others did not, so that
        // one run lists every problem of the set: a template that does not read only hides the
        // names inside it (a missing partial is passed over, never taken for other data).
        let library = MustacheLibrary(parsed: parsed, escape: HTMLEscaping.escape)
        checkNames(library, inlinings: inlinings, sink: sink)
        guard !sink.hasErrors else { return nil }
        var digest = ContentHash()
        digest.combine(language)
        for path in files.keys.sorted() {
            digest.combine(path)
            digest.combine(files[path]!)
        }
        return TemplateSet(library: library, strings: strings, assets: assets, digest: digest.value)
    }

    /// A template's text parsed, with the UI strings it names written in (StringInlining), and
    /// where they moved its columns. A template that does not parse is parsed again as written,
    /// so that its error's column is the one the editor shows.
    static func parse(_ text: String, strings: Strings) throws(MustacheSyntaxError) -> (MustacheTemplate, InlinedTemplate) {
        let inlined = StringInlining.inline(text, strings: strings.templateTable)
        guard inlined.text != text else { return (try MustacheTemplate(text), inlined) }
        do {
            return (try MustacheTemplate(inlined.text), inlined)
        } catch {
            return (try MustacheTemplate(text), InlinedTemplate(text: text))
        }
    }

    /// The parser's complaint in words an editor of templates can act on.
    static func describe(_ error: MustacheSyntaxError.Kind) -> Message {
        switch error {
        case .closeMismatch(let expected?, let found):
            Message(.mustacheCloseName, ["expected": .text(expected), "found": .text(found)])
        case .closeMismatch(nil, let found): Message(.mustacheCloseNothing, ["found": .text(found)])
        case .unfinishedTag: Message(.mustacheUnfinished)
        case .unclosedSection(let name): Message(.mustacheSectionOpen, ["name": .text(name)])
        case .badDelimiters: Message(.mustacheDelimiter)
        case .emptyName: Message(.mustacheEmptyName)
        }
    }

    /// Each name in the templates that the data drawn through it lacks, at its place: a
    /// misspelt name in a site's own template would otherwise draw as nothing, unnoticed.
    /// `inlinings`: where each template's written-in UI strings moved its columns.
    private static func checkNames(_ library: MustacheLibrary, inlinings: [String: InlinedTemplate], sink: DiagnosticSink) {
        var reported = Set<String>()
        // Each page's templates are checked on every core; the names found are told in order.
        let checked = Parallel.map(TemplateName.allCases) { template in
            TemplateName.shapes[template].map { library.unknownNames(drawing: template.rawValue, from: $0) } ?? []
        }
        for (template, unknowns) in zip(TemplateName.allCases, checked) {
            for unknown in unknowns {
                let (line, column) = inlinings[unknown.template]?.asWritten(line: unknown.position.line, column: unknown.position.column)
                    ?? (unknown.position.line, unknown.position.column)
                guard reported.insert("\(unknown.template):\(line):\(column)").inserted else { continue }
                let meant = Suggestion.closest(to: unknown.missing, among: unknown.known).map(unknown.replacing(missingWith:))
                sink.error(.unknownTemplateName, ["name": .text(unknown.name), "page": .text(template.rawValue),
                                                  "suggestion": .optional(meant.map { Message(.didYouMean, ["name": .text($0)]) })],
                           at: SourceLocation(file: "templates/\(unknown.template).mustache", line: line, column: column))
            }
        }
    }

    /// Every TemplateName was found when the set loaded, so drawing cannot fail.
    func render(_ context: some Encodable, with template: TemplateName) -> String {
        String(decoding: renderUTF8(context, with: template), as: UTF8.self)
    }

    /// A page's bytes, as its file holds them.
    func renderUTF8(_ context: some Encodable, with template: TemplateName) -> [UInt8] {
        assert(template.model.map { type(of: context) == $0 } ?? false, "template '\(template.rawValue)' is checked against other data")
        guard let html = library.renderUTF8(TemplateData.encode(context), with: template.rawValue) else {
            preconditionFailure("template '\(template.rawValue)' was checked when the templates loaded")
        }
        return html
    }
}

/// One template file read on its own: its text's UI strings checked and written in, and the
/// text parsed. Touches nothing shared, so that templates are read on every core at once.
private struct TemplateReading: Sendable {
    /// The names of UI strings the text has that the table lacks, with their places.
    let unknownKeys: [(key: String, line: Int, column: Int)]
    /// The parsed template and where the inlining moved its columns, or why it does not parse;
    /// nil when the file is not UTF-8.
    let outcome: Result<(MustacheTemplate, InlinedTemplate), MustacheSyntaxError>?

    init(_ data: Data, strings: Strings) {
        guard let text = String(data: data, encoding: .utf8) else {
            unknownKeys = []
            outcome = nil
            return
        }
        unknownKeys = StringInlining.unknownKeys(in: text, strings: strings.templateTable)
        outcome = Result { () throws(MustacheSyntaxError) in try TemplateSet.parse(text, strings: strings) }
    }
}
