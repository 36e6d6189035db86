import Foundation
import Mustache
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
        var library = MustacheLibrary()
        var unreadable = Set<String>()
        var assets: [String: Data] = [:]
        for path in files.keys.sorted() {
            let data = files[path]!
            if path.hasSuffix(".mustache") {
                let name = String(path.dropLast(".mustache".count))
                let file = "templates/\(path)"
                guard let text = String(data: data, encoding: .utf8) else {
                    sink.error(.templateNotUTF8, at: SourceLocation(file: file))
                    continue
                }
                for unknown in StringInlining.unknownKeys(in: text, strings: strings.templateTable) {
                    unreadable.insert(name)
                    sink.error(.unknownUIString, ["key": .text(unknown.key),
                                                  "suggestion": Suggestion.didYouMean(unknown.key, among: Array(strings.templateTable.keys))],
                               at: SourceLocation(file: file, line: unknown.line, column: unknown.column))
                }
                do {
                    library.register(try parse(text, strings: strings), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    unreadable.insert(name)
                    sink.error(.unreadableTemplate, ["reason": .message(describe(error.error))],
                               at: SourceLocation(file: file, line: error.context.lineNumber - Self.pragmaLines,
                                                  column: error.context.columnNumber))
                } catch {
                    unreadable.insert(name)
                    sink.error(.unreadableTemplate, ["reason": "\(error)"], at: SourceLocation(file: file))
                }
            } else if path.hasPrefix("assets/") {
                assets[path] = data
            }
        }
        for name in TemplateName.allCases.map(\.rawValue) where library.getTemplate(named: name) == nil && !unreadable.contains(name) {
            sink.error(.missingTemplate, ["name": .text(name)], at: SourceLocation(file: "templates/\(name).mustache"))
        }
        guard !sink.hasErrors else { return nil }
        var digest = ContentHash()
        digest.combine(language)
        for path in files.keys.sorted() {
            digest.combine(path)
            digest.combine(files[path]!)
        }
        return TemplateSet(library: library, strings: strings, assets: assets, digest: digest.value)
    }

    /// Parses a template so that `{{name}}` escapes with `HTMLEscaping`: a content-type pragma
    /// on a line of its own is put before the text. A standalone tag and its line end render
    /// as nothing, so the output is what the text alone gives; error lines are moved back by
    /// `pragmaLines`.
    static func parse(_ text: String) throws -> MustacheTemplate {
        HTMLEscaping.registered
        return try MustacheTemplate(string: pragma + text)
    }

    /// `parse`, with the UI strings the template names written in (StringInlining). A template
    /// that does not parse is parsed again as written, so that its error's column is the one
    /// the editor shows.
    static func parse(_ text: String, strings: Strings) throws -> MustacheTemplate {
        let inlined = StringInlining.inline(text, strings: strings.templateTable)
        guard inlined != text else { return try parse(text) }
        do {
            return try parse(inlined)
        } catch {
            return try parse(text)
        }
    }

    private static let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n"
    static let pragmaLines = 1

    /// The parser's complaint in words an editor of templates can act on.
    static func describe(_ error: Error) -> Message {
        guard let error = error as? MustacheTemplate.Error else { return Message(.systemReason, ["reason": "\(error)"]) }
        switch error {
        case .sectionCloseNameIncorrect: return Message(.mustacheCloseName)
        case .unfinishedName: return Message(.mustacheUnfinished)
        case .expectedSectionEnd: return Message(.mustacheSectionOpen)
        case .invalidSetDelimiter: return Message(.mustacheDelimiter)
        case .transformAppliedToInheritanceSection: return Message(.mustacheTransform)
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return Message(.mustacheInherit)
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return Message(.mustacheConfig)
        }
    }

    /// Every TemplateName was found when the set loaded, so drawing cannot fail.
    func render(_ context: some Encodable, with template: TemplateName) -> String {
        guard let html = library.render(TemplateData.convert(context), withTemplate: template.rawValue) else {
            preconditionFailure("template '\(template.rawValue)' was checked when the templates loaded")
        }
        return html
    }
}
