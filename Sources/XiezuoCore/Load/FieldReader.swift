import Foundation

/// Reads one YAML mapping field by field, checking each value's type and reporting, when
/// done, every key it does not know (with a did-you-mean), so that nothing the author
/// wrote is silently ignored.
final class FieldReader {
    let file: String
    let lineOffset: Int
    let sink: DiagnosticSink
    let location: SourceLocation
    /// Each field's key, where the key is written, and its value.
    private let pairs: [(key: String, keyMark: YAMLMark, value: YAMLNode)]
    private let known: [String]
    /// Whether each pair's key was asked for, by the pair's place (no key hashed per field).
    private var used: [Bool] = []
    /// The plan's year, for dates written without one (12月底, 年底); passed to nested readers.
    var year: Int?

    /// `what` names the thing being read, for the message when `node` is not a mapping.
    init?(_ node: YAMLNode?, known: [String], what: Message, file: String, lineOffset: Int, sink: DiagnosticSink,
          fallback: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.sink = sink
        self.known = known
        guard let node else {
            sink.error(.fieldsEmpty, ["what": .message(what), "fields": .quoted(Array(known.prefix(3)))], at: fallback)
            return nil
        }
        let here = FieldReader.location(of: node.mark, file: file, lineOffset: lineOffset)
        guard let mapping = node.mapping else {
            sink.error(.fieldsNotMapping, ["what": .message(what), "kind": FieldReader.kind(of: node)], at: here)
            return nil
        }
        location = here
        pairs = mapping.map { (key: $0.key.string ?? "", keyMark: $0.key.mark, value: $0.value) }
        used = Array(repeating: false, count: pairs.count)
    }

    /// A reader for a nested mapping in the same file.
    func nested(_ node: YAMLNode, known: [String], what: Message) -> FieldReader? {
        let reader = FieldReader(node, known: known, what: what, file: file, lineOffset: lineOffset, sink: sink, fallback: location)
        reader?.year = year
        return reader
    }

    /// Every YAML node knows where it starts: a place in the file, its front matter's lines
    /// counted from the file's first.
    private static func location(of mark: YAMLMark, file: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private func position(of key: String) -> Int? { pairs.firstIndex { $0.key == key } }

    func location(of node: YAMLNode) -> SourceLocation { location(of: node.mark) }

    private func location(of mark: YAMLMark) -> SourceLocation {
        FieldReader.location(of: mark, file: file, lineOffset: lineOffset)
    }

    static func kind(of node: YAMLNode) -> Message.Argument {
        switch node.content {
        case .scalar: return .message(Message(.kindScalar))
        case .sequence: return .message(Message(.kindList))
        case .mapping: return .message(Message(.kindMapping))
        }
    }

    func has(_ key: String) -> Bool { position(of: key) != nil }

    /// The value node of `key`, marking the key as read.
    func node(_ key: String) -> YAMLNode? {
        var first: Int?
        for index in pairs.indices where pairs[index].key == key {
            used[index] = true
            if first == nil { first = index }
        }
        return first.map { pairs[$0].value }
    }

    /// Where the value of `key` is written, or the mapping itself when the key is absent.
    func location(ofKey key: String) -> SourceLocation {
        position(of: key).map { location(of: pairs[$0].value) } ?? location
    }

    /// `hint`: what the field holds, when its name alone does not say.
    func missing(_ key: String, hint: Message? = nil) {
        sink.error(.missingField, ["field": .text(key), "hint": .optional(hint)], at: location)
    }

    // MARK: Typed values

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let scalar = value.string else {
            sink.error(.fieldNotSingle, ["field": .text(key), "kind": FieldReader.kind(of: value)], at: location(of: value))
            return nil
        }
        let text = clean(scalar.trimmed, key: key, at: value)
        if text.isEmpty || (value.isPlainScalar && (text == "~" || text == "null")) {
            if required { sink.error(.fieldEmpty, ["field": .text(key)], at: location(of: value)) }
            return nil
        }
        return text
    }

    /// A value without control characters (NUL, ESC …, which YAML's escapes can make), with a
    /// warning when some were left out.
    private func clean(_ text: String, key: String, at node: YAMLNode) -> String {
        guard let (kept, removed) = ControlCharacters.strip(text) else { return text }
        sink.warning(.controlCharacters, ["field": .text(key), "characters": .text(removed.joined(separator: ", "))],
                     at: location(of: node))
        return kept.trimmed
    }

    /// A list of strings; a single value is accepted as a list of one.
    func strings(_ key: String) -> [(String, SourceLocation)] {
        guard let value = node(key) else { return [] }
        if let scalar = value.string {
            let text = clean(scalar.trimmed, key: key, at: value)
            return text.isEmpty ? [] : [(text, location(of: value))]
        }
        guard let items = value.sequence else {
            sink.error(.fieldNotList, ["field": .text(key), "kind": FieldReader.kind(of: value)], at: location(of: value))
            return []
        }
        return items.compactMap { item in
            guard let text = item.string.map({ clean($0.trimmed, key: key, at: item) }), !text.isEmpty else {
                sink.error(.listItemNotSingle, ["field": .text(key)], at: location(of: item))
                return nil
            }
            return (text, location(of: item))
        }
    }

    /// The items of a list of mappings (or other nodes).
    func list(_ key: String) -> [YAMLNode] {
        guard let value = node(key) else { return [] }
        guard let items = value.sequence else {
            sink.error(.fieldNotDashList, ["field": .text(key), "kind": FieldReader.kind(of: value)], at: location(of: value))
            return []
        }
        return Array(items)
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "是": return true
        case "false", "no", "否": return false
        default:
            sink.error(.notBoolean, ["field": .text(key), "text": .text(text)], at: location(ofKey: key))
            return nil
        }
    }

    func integer(_ key: String, required: Bool = false) -> Int? {
        guard let value = decimal(key, required: required) else { return nil }
        guard value.isWhole else {
            sink.error(.notWholeNumber, ["field": .text(key), "text": .text(value.plainString)], at: location(ofKey: key))
            return nil
        }
        return NSDecimalNumber(decimal: value).intValue
    }

    func decimal(_ key: String, required: Bool = false) -> Decimal? {
        guard let text = string(key, required: required) else { return nil }
        switch NumberReading.number(text) {
        case .success(let value): return value
        case .failure(let problem):
            sink.error(.fieldProblem, ["field": .text(key), "problem": .message(problem.message(for: text))], at: location(ofKey: key))
            return nil
        }
    }

    /// An amount read in `unit`: `3000万元` for an indicator in 亿元 gives 0.3.
    func amount(_ key: String, in unit: MeasureUnit, required: Bool = false) -> Decimal? {
        guard let text = string(key, required: required) else { return nil }
        switch NumberReading.amount(text, in: unit) {
        case .success(let value): return value
        case .failure(let problem):
            sink.error(.fieldProblem, ["field": .text(key), "problem": .message(problem.message(for: text))], at: location(ofKey: key))
            return nil
        }
    }

    /// A date as officials write it (DateReading): 2022-07-23, 2022年7月23日, and within the
    /// plan's year 7月23日, 7月底, 年底.
    func day(_ key: String, required: Bool = false) -> Day? {
        guard let text = string(key, required: required) else { return nil }
        let day: Day
        switch DateReading.read(text, year: year) {
        case .success(let read): day = read
        case .failure(let problem):
            let plain = text.allSatisfy(\.isASCII) && problem == .unreadable
            sink.error(plain ? Message(.notISODate, ["field": .text(key), "text": .text(text)])
                             : Message(.dateAdvice, ["field": .text(key), "text": .text(text), "advice": .message(problem.advice)]),
                       at: location(ofKey: key))
            return nil
        }
        guard Day.years.contains(day.year) else {
            sink.error(.dateOutOfRange, ["field": .text(key), "first": "\(Day.years.lowerBound)", "last": "\(Day.years.upperBound)",
                                         "text": .text(text)], at: location(ofKey: key))
            return nil
        }
        return day
    }

    /// One of a fixed set of words; anything else is an error listing the choices.
    func choice<T>(_ key: String, _ choices: [(String, T)], required: Bool = false) -> T? {
        guard let text = string(key, required: required) else { return nil }
        if let match = choices.first(where: { $0.0 == text }) { return match.1 }
        let names = choices.map(\.0)
        sink.error(.notAChoice, ["field": .text(key), "text": .text(text), "suggestion": Suggestion.didYouMean(text, among: names),
                                 "choices": .text(names.joined(separator: ", "))], at: location(ofKey: key))
        return nil
    }

    /// Reports keys the reader was never asked for. Call once every field has been read.
    func finish() {
        for index in pairs.indices where !used[index] {
            let key = pairs[index].key
            let here = location(of: pairs[index].keyMark)
            if let near = Suggestion.closest(to: key, among: known) {
                sink.error(.unknownFieldNear, ["field": .text(key), "name": .text(near)], at: here)
            } else {
                sink.error(.unknownField, ["field": .text(key), "fields": .text(known.joined(separator: ", "))], at: here)
            }
        }
    }
}
