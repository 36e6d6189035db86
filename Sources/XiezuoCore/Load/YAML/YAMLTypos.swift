/// The mistakes a clerk makes typing YAML with a Chinese input method, each named as such at its
/// line and column, before the YAML is read (read, most of them give no error, or an error about
/// something else): a full-width colon after a field name (`unit：区教育局`), no space after the
/// colon (`date:2022-07-23`), and a Tab or a full-width space in the indentation. Scanned as
/// bytes: every content file passes through here.
enum YAMLTypos {
    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: Message
    }

    /// Every such mistake in `yaml`; lines and columns 1-based, columns in characters.
    static func find(_ yaml: String) -> [Problem] {
        var problems: [Problem] = []
        var text = yaml
        text.withUTF8 { bytes in
            var start = 0
            var line = 1
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let problem = check(bytes, from: start, to: end, line: line) { problems.append(problem) }
                if end >= bytes.count { break }
                start = end + 1
                line += 1
            }
        }
        return problems
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                              line: Int) -> Problem? {
        var at = start
        // The indentation: spaces only. (Everything before a field name is ASCII, so a byte's
        // offset is its column.)
        while at < end {
            if bytes[at] == UInt8(ascii: "\t") {
                return .init(line: line, column: at - start + 1, message: Message(.tabIndent))
            }
            if at + 2 < end, bytes[at] == 0xE3, bytes[at + 1] == 0x80, bytes[at + 2] == 0x80 {
                return .init(line: line, column: at - start + 1,
                             message: Message(.fullWidthSpaceIndent))
            }
            guard bytes[at] == UInt8(ascii: " ") else { break }
            at += 1
        }
        if at + 1 < end, bytes[at] == UInt8(ascii: "-"), bytes[at + 1] == UInt8(ascii: " ") {
            at += 2
            while at < end, bytes[at] == UInt8(ascii: " ") { at += 1 }
        }
        // A field name as content uses them: ASCII letters first, then letters, digits, - and _.
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard at < end, isLetter(bytes[at]) else { return nil }
        let nameStart = at
        while at < end, isLetter(bytes[at]) || (0x30...0x39).contains(bytes[at]) || bytes[at] == UInt8(ascii: "-")
            || bytes[at] == UInt8(ascii: "_") { at += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<at]), as: UTF8.self)
        let column = at - start + 1
        if at + 3 <= end, bytes[at] == 0xEF, bytes[at + 1] == 0xBC, bytes[at + 2] == 0x9A {
            return .init(line: line, column: column,
                         message: Message(.fullWidthColon, ["field": .text(name)]))
        }
        if at + 1 < end, bytes[at] == UInt8(ascii: ":") {
            let next = bytes[at + 1]
            if next != UInt8(ascii: " ") && next != UInt8(ascii: "\t") && next != UInt8(ascii: "\r") && next != UInt8(ascii: "/") {
                let valueEnd = end > at + 1 && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<valueEnd]), as: UTF8.self)
                return .init(line: line, column: column + 1, message: Message(.noSpaceAfterColon, ["field": .text(name), "value": .text(value)]))
            }
        }
        return nil
    }
}
