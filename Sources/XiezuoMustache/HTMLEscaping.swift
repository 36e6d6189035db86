/// HTML escaping for `{{name}}`, byte by byte: the five characters `< > & " '`, looking at
/// UTF-8 bytes, and the very same string back when nothing needs escaping, which is almost
/// always.
public enum HTMLEscaping {
    @Sendable
    public static func escape(_ text: String) -> String {
        var text = text
        let needsEscaping = text.withUTF8 { bytes in bytes.contains(where: isSpecial) }
        guard needsEscaping else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let replacement = replacement(for: byte) { escaped += replacement } else { escaped.append(byte) }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The bytes `replacement` escapes, each a bit of one word (all are below 64): the test
    /// every byte of every value drawn goes through, with no branch on which byte it is.
    private static let specials: UInt64 = (0..<64).reduce(0) { mask, byte in
        replacement(for: UInt8(byte)) == nil ? mask : mask | 1 << UInt64(byte)
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && specials & (1 << UInt64(byte)) != 0
    }

    /// The entity for a byte that must be escaped; UTF-8 continuation bytes are never ASCII,
    /// so looking at single bytes cannot split a character.
    @inline(__always)
    private static func replacement(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "<"): return lt
        case UInt8(ascii: ">"): return gt
        case UInt8(ascii: "&"): return amp
        case UInt8(ascii: "\""): return quot
        case UInt8(ascii: "'"): return apos
        default: return nil
        }
    }

    private static let lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}
