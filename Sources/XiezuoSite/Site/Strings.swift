import Foundation
import XiezuoCore

/// Every UI string, from `templates/strings.yaml`: one file, each key with its text in each
/// language. A site's own strings.yaml overrides single keys.
public struct Strings: Sendable {
    public static let languages = ["zh-CN", "en"]
    public let language: String
    public let table: [String: String]
    /// The same strings for templates, whose names cannot hold dots: `nav.home` → `nav_home`.
    public let templateTable: [String: String]
    /// `templateTable` as templates read it, made once for every page.
    let templateStrings: TemplateStrings
    private let misses = MissingStrings()

    init(language: String, table: [String: String]) {
        self.language = language
        self.table = table
        templateTable = Dictionary(uniqueKeysWithValues: table.map {
            ($0.key.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_"), $0.value)
        })
        templateStrings = TemplateStrings(templateTable)
    }

    /// Reads `yaml` (and the site's override) for `language`; problems go to `sink`.
    static func load(defaults: String, override: (path: String, text: String)?, language: String,
                     sink: DiagnosticSink) -> Strings {
        var table = read(defaults, file: "templates/strings.yaml", language: language, sink: sink)
        if let override {
            table.merge(read(override.text, file: override.path, language: language, sink: sink)) { _, new in new }
        }
        return Strings(language: language, table: table)
    }

    private static func read(_ text: String, file: String, language: String, sink: DiagnosticSink) -> [String: String] {
        guard let parsed = YAMLParsing.parse(text, file: file, firstLine: 1, sink: sink) else { return [:] }
        guard let root = parsed.mapping else {
            sink.error(.stringsNotMapping, at: SourceLocation(file: file))
            return [:]
        }
        var table: [String: String] = [:]
        for pair in root {
            guard let name = pair.key.string else { continue }
            guard let text = pair.value[language]?.string else {
                sink.error(.stringWithoutLanguage, ["key": .text(name), "language": .text(language)],
                           at: SourceLocation(file: file, line: pair.key.mark.line))
                continue
            }
            table[name] = text
        }
        return table
    }

    /// The text of `key`. A key the table lacks is a mistake in the program: the key itself
    /// stands in, and it is noted, so that the build reports it instead of publishing it.
    public subscript(_ key: String) -> String {
        if let text = table[key] { return text }
        misses.note(key)
        return key
    }

    /// Keys the program asked for that strings.yaml does not hold, sorted.
    public var missingKeys: [String] { misses.keys }

    /// The text of `key` with `{name}` placeholders filled in. The arguments are pairs, not a
    /// dictionary: pages fill a few placeholders at a time, thousands of times a build, and
    /// hashing each name into a new dictionary cost more than finding it among three.
    public func format(_ key: String, _ arguments: KeyValuePairs<String, String>) -> String {
        Self.fill(self[key], arguments)
    }

    /// `text` with each `{name}` that `arguments` knows replaced, in one pass: a value that
    /// itself contains `{…}` is never filled again, and unknown names stay as written.
    static func fill(_ text: String, _ arguments: KeyValuePairs<String, String>) -> String {
        guard !arguments.isEmpty else { return text }
        return fill(text) { name in
            arguments.first { pair in pair.key.utf8.elementsEqual(name) }?.value
        }
    }

    /// The same, with the arguments by name (an explanation's, made as a dictionary).
    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty else { return text }
        return fill(text) { name in arguments[String(decoding: name, as: UTF8.self)] }
    }

    private static func fill(_ text: String, value: (UnsafeBufferPointer<UInt8>) -> String?) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard text.utf8.contains(open) else { return text }
        // Bytes, not Characters: the braces are ASCII, so no character is split, and appending
        // pieces of a String to a String cost more than the lookups.
        var source = text
        return source.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            var rest = 0
            while let start = bytes[rest...].firstIndex(of: open), let end = bytes[start...].firstIndex(of: close) {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<start]))
                if var found = value(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end])) {
                    found.withUTF8 { result.append(contentsOf: $0) }
                } else {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...end]))
                }
                rest = end + 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    public func explain(_ step: ExplanationStep) -> String {
        let parts = step.parts
        var arguments = parts.arguments
        if let state = arguments["state"] { arguments["state"] = self["state." + state] }
        if let done = arguments["done"] { arguments["done"] = self["answer." + done] }
        if let period = arguments["period"] { arguments["period"] = periodLabel(period) }
        return Self.fill(self[parts.key], arguments)
    }

    /// A calendar period as people write it: `2024-Q2` → 2024 年第 2 季度, `2024-H1` → 2024 年上半年,
    /// `2024-05` → 2024-05 月.
    public func periodLabel(_ key: String) -> String {
        let parts = key.split(separator: "-").map(String.init)
        guard parts.count == 2, let kind = parts[1].first else { return key }
        switch kind {
        case "Q": return format("period.quarter", ["year": parts[0], "number": String(parts[1].dropFirst())])
        case "H": return format(parts[1] == "H1" ? "period.first-half" : "period.second-half", ["year": parts[0]])
        default: return format("finding.month", ["month": key])
        }
    }
}

/// The keys asked for and not found, gathered from every core.
final class MissingStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var found = Set<String>()

    func note(_ key: String) { lock.withLock { _ = found.insert(key) } }
    var keys: [String] { lock.withLock { found.sorted() } }
}
