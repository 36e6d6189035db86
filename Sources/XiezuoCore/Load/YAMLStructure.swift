import CYaml

/// What content never needs and hostile input uses, refused before a node tree is built:
/// aliases (`*name`, which can expand exponentially: a bomb used as a mapping key hangs the tree
/// builder's duplicate-key check) and nesting deep enough to exhaust the stack of a recursive
/// reader. Read from libyaml's own events (the library Yams is built on), so that no spelling
/// the parser accepts can get past it.
enum YAMLStructure {
    static let maximumDepth = 64
    static let tooDeep = Message(.tooDeep, ["depth": "\(maximumDepth)"])

    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: Message
    }

    /// The first alias or over-deep collection, with its position (1-based, in characters as
    /// libyaml counts them); nil when there is none. Syntax errors are left to the reader that
    /// builds the tree, which reports them with their own position.
    static func check(_ yaml: String) -> Problem? {
        // An alias always starts with `*` and deep nesting needs brackets or indentation:
        // text without a `*` and with little of either needs no second pass over its events.
        var text = yaml
        return text.withUTF8 { bytes in
            if !mayNeedEvents(bytes) { return nil }
            return walk(bytes)
        }
    }

    private static func mayNeedEvents(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var brackets = 0
        var lineStart = true
        var indent = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "*"): return true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                if brackets > maximumDepth / 2 { return true }
            case UInt8(ascii: "\n"):
                lineStart = true
                indent = 0
                continue
            default: break
            }
            if lineStart {
                // Every nesting level of block YAML adds at least one character of indentation.
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == 0x09 {
                    indent += 1
                    if indent > maximumDepth / 2 { return true }
                } else {
                    lineStart = false
                }
            }
        }
        return false
    }

    private static func walk(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var depth = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml's scanner reads ahead and has a nesting limit of its own; anything
                // else is a syntax error, reported by the tree reader.
                guard let problem = parser.problem, String(cString: problem).contains("nest") else { return nil }
                return Problem(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1, message: tooDeep)
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_ALIAS_EVENT:
                return Problem(line: mark.line + 1, column: mark.column + 1,
                               message: Message(.yamlAlias))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                depth += 1
                if depth > maximumDepth {
                    return Problem(line: mark.line + 1, column: mark.column + 1, message: tooDeep)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            case YAML_STREAM_END_EVENT:
                return nil
            default:
                break
            }
        }
    }
}
