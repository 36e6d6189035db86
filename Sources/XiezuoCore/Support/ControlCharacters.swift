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
    /// (U+0080–U+009F, written C2 80 to C2 9F). One table look-up per byte.
    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        suspects.withUnsafeBufferPointer { suspect in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if suspect[Int(byte)] {
                    guard byte == 0xC2 else { return true }
                    if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// The bytes that are a control character, or may begin one (C2, the lead byte of C1).
    private static let suspects: [Bool] = (0...255).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        default: return false
        }
    }
}
