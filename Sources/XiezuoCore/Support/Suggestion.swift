/// "did you mean …?" for a near-miss name: 区教育厅 → 区教育局.
public enum Suggestion {
    /// "; did you mean 'X'?", or nothing when no candidate is close enough.
    public static func didYouMean(_ text: String, among candidates: [String]) -> Message.Argument {
        .optional(closest(to: text, among: candidates).map { Message(.didYouMean, ["name": .text($0)]) })
    }

    /// The candidate with the smallest edit distance, if it is close enough to be a typo:
    /// at most a third of the characters differ (one may always differ), and at least one is
    /// shared, so that '7' never suggests '1'.
    public static func closest(to text: String, among candidates: [String]) -> String? {
        let target = Array(text)
        var best: (name: String, distance: Int)?
        for candidate in Set(candidates).sorted() where candidate != text {
            let distance = editDistance(target, Array(candidate))
            let longer = max(target.count, candidate.count)
            let allowed = max(1, longer / 3)
            if distance <= allowed, distance < longer, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Edits from one to the other: a character added, dropped or changed, or two neighbours
    /// swapped (`grdae` → `grade` is one edit, as a typist makes it).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
