/// Turns names into path segments that keep Chinese: 区委办（区府办） → 区委办-区府办.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let keep = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" || (scalar.properties.numericType != nil && scalar.value < 0x2460)
            if keep {
                if pendingDash && !result.isEmpty { result += "-" }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        // A name of punctuation only still needs a segment; never an empty one. At most 80
        // characters and 200 bytes, so that a segment (with a `-2` after it) stays within the
        // 255 bytes a file name may have.
        guard !result.isEmpty else { return "item" }
        var cut = Substring(result.prefix(80))
        while cut.utf8.count > 200 { cut = cut.dropLast() }
        return String(cut)
    }

    /// Slugs for `names` within one folder, each unique: a repeat gets `-2`, `-3` in the
    /// order given (callers pass a stable order, so the same content gives the same paths).
    public static func unique(_ names: [String]) -> [String] {
        var used: [String: Int] = [:]
        return names.map { name in
            let base = make(name)
            let count = (used[base] ?? 0) + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }
}
