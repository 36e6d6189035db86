import CYaml

/// Reads YAML text into YAMLNodes from libyaml's events, in one pass and without recursion.
///
/// What content never needs and hostile input uses is refused as it is met: aliases (`*name`,
/// which can expand exponentially) and nesting deeper than `maximumDepth`. A mapping that
/// repeats a key is refused too: the first value would otherwise be lost without a word.
enum YAMLReader {
    static let maximumDepth = 64

    enum Failure: Error, Equatable {
        /// libyaml's scanner, parser or the reader itself could not go on; `context` is what it
        /// was reading ("while scanning a quoted scalar"), with where that started.
        case syntax(problem: String, at: YAMLMark, context: String?, contextMark: YAMLMark?)
        /// The bytes are not UTF-8 text.
        case encoding(problem: String)
        case alias(at: YAMLMark)
        case tooDeep(at: YAMLMark)
        /// The keys repeated in one mapping, in order of their text, and where the first of
        /// them is first written.
        case duplicateKeys([String], at: YAMLMark)
        /// A second document (`---` again) after the first.
        case secondDocument(at: YAMLMark)
    }

    /// The root node, or nil when the text holds only comments and blank lines.
    static func read(_ yaml: String) throws(Failure) -> YAMLNode? {
        var text = yaml
        return try text.withUTF8 { bytes in Result { () throws(Failure) in try read(bytes) } }.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure.encoding(problem: "out of memory") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var builder = TreeBuilder()
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw failure(of: parser) }
            defer { yaml_event_delete(&event) }
            let mark = YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return builder.root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw Failure.secondDocument(at: mark) }
            case YAML_ALIAS_EVENT:
                throw Failure.alias(at: mark)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                try builder.add(YAMLNode(.scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), at: mark))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard builder.depth < maximumDepth else { throw Failure.tooDeep(at: mark) }
                builder.open(mapping: event.type == YAML_MAPPING_START_EVENT, at: mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.close()
            default:
                break
            }
        }
    }

    private static func failure(of parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let mark = YAMLMark(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        switch parser.error {
        case YAML_READER_ERROR:
            return .encoding(problem: problem)
        case _ where problem.contains("nest"):
            // libyaml has a nesting limit of its own ("Maximum nesting level reached").
            return .tooDeep(at: mark)
        default:
            let context = parser.context.map { String(cString: $0) }
            let contextMark = context.map { _ in YAMLMark(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1) }
            return .syntax(problem: problem, at: mark, context: context, contextMark: contextMark)
        }
    }
}

/// The collections still open, innermost last; a finished node goes into the one on top.
private struct TreeBuilder {
    private enum Open {
        case sequence([YAMLNode], YAMLMark)
        case mapping([YAMLPair], key: YAMLNode?, YAMLMark)
    }

    private var open: [Open] = []
    private(set) var root: YAMLNode?

    var depth: Int { open.count }

    mutating func open(mapping: Bool, at mark: YAMLMark) {
        open.append(mapping ? .mapping([], key: nil, mark) : .sequence([], mark))
    }

    mutating func close() throws(YAMLReader.Failure) {
        switch open.removeLast() {
        case .sequence(let items, let mark):
            try add(YAMLNode(.sequence(items), at: mark))
        case .mapping(let pairs, _, let mark):
            try Self.checkKeys(pairs)
            try add(YAMLNode(.mapping(pairs), at: mark))
        }
    }

    mutating func add(_ node: YAMLNode) throws(YAMLReader.Failure) {
        guard let top = open.popLast() else {
            root = node
            return
        }
        switch top {
        case .sequence(var items, let mark):
            items.append(node)
            open.append(.sequence(items, mark))
        case .mapping(let pairs, key: nil, let mark):
            open.append(.mapping(pairs, key: node, mark))
        case .mapping(var pairs, key: let key?, let mark):
            pairs.append(YAMLPair(key: key, value: node))
            open.append(.mapping(pairs, key: nil, mark))
        }
    }

    /// Keys written twice, by their text (a list or mapping used as a key is never equal to
    /// another here: content keys are words).
    private static func checkKeys(_ pairs: [YAMLPair]) throws(YAMLReader.Failure) {
        guard pairs.count > 1 else { return }
        // A record's mappings have a few keys each: compared pair by pair, no table is hashed
        // for the mappings (nearly all) that repeat none.
        if pairs.count <= 16, !hasRepeatedKey(pairs) { return }
        var first: [String: YAMLMark] = [:]
        var repeated = Set<String>()
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            if first[key] == nil { first[key] = pair.key.mark } else { repeated.insert(key) }
        }
        guard let smallest = repeated.min() else { return }
        throw YAMLReader.Failure.duplicateKeys(repeated.sorted(), at: first[smallest]!)
    }

    private static func hasRepeatedKey(_ pairs: [YAMLPair]) -> Bool {
        for later in pairs.indices.dropFirst() {
            guard let key = pairs[later].key.string else { continue }
            for earlier in pairs.indices[..<later] where pairs[earlier].key.string == key { return true }
        }
        return false
    }
}
