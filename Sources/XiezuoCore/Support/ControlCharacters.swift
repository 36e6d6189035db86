/// Control characters that YAML escapes (`"\0"`, `"\e"`) or a copied text can carry: no page,
/// spreadsheet or printout can show them, and some break the HTML or a CSV cell. They are left
/// out, and the reader says so.
enum ControlCharacters {
    /// `text` without its control characters (line breaks and tabs stay), and the ones left out
    /// as `U+001B`; nil when there are none, which is nearly always and costs one pass over bytes.
    static func strip(_ text: String) -> (text: String, removed: [String])? {
        // Every file read goes through here: the bytes are looked at in place, not through
        // the string's iterator (2 % of a build's instructions).
        let found = text.utf8.withContiguousStorageIfAvailable(hasControl) ?? Array(text.utf8).withUnsafeBufferPointer(hasControl)
        guard found else { return nil }
        var kept = String.UnicodeScalarView()
        var removed: [String] = []
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
                if !removed.contains(name) { removed.append(name) }
            } else {
                kept.append(scalar)
            }
        }
        return (String(kept), removed)
    }

    /// Whether UTF-8 `bytes` hold a control character: C0 but tab and line ends, DEL, or C1
    /// (U+0080–U+009F, written C2 80 to C2 9F). Eight bytes at a time: a word with no byte
    /// below 0x20, no 7F and no C2 (nearly every word of Chinese text) is passed in a few
    /// operations; the others, mostly those holding a line end, are looked at byte by byte.
    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if mayHoldSuspect(word), hasControl(bytes, from: index, to: index + 8) { return true }
            index += 8
        }
        return hasControl(bytes, from: index, to: bytes.count)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte of `word` is below 0x20, is 7F or is C2 (the classic tests for a zero byte
    /// and a byte below n, which may flag a word that holds none, never miss one).
    @inline(__always)
    private static func mayHoldSuspect(_ word: UInt64) -> Bool {
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return (word &- ones &* 0x20) & ~word & highs != 0 || hasZero(word ^ (ones &* 0x7F)) || hasZero(word ^ (ones &* 0xC2))
    }

    /// The byte-by-byte test, on `bytes[start..<end]`; a C2 at the end looks at the byte after.
    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return true
            }
            index += 1
        }
        return false
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        default: return false
        }
    }
}
