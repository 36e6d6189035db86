import Foundation

/// A path inside the output folder, such as `units/putuo/区商务局/index.html`. Built only from
/// slugs, so no path can climb out of the output folder.
public struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let segments: [String]

    public init(_ segments: [String]) {
        self.segments = segments
    }

    /// A folder page: `segments/index.html`, so links work opened from disk (file://) too.
    public static func page(_ segments: String...) -> SitePath { SitePath(segments + ["index.html"]) }
    public static func file(_ segments: String...) -> SitePath { SitePath(segments) }

    public var description: String { segments.joined(separator: "/") }

    /// How many folders deep the file is.
    public var depth: Int { segments.count - 1 }

    /// `../` repeated up to the site's root from this file.
    public var root: String { String(repeating: "../", count: depth) }

    /// A relative, percent-encoded link from this file to `target`.
    public func link(to target: SitePath) -> String {
        var common = 0
        let from = segments.dropLast()
        while common < from.count, common < target.segments.count - 1, from[from.startIndex + common] == target.segments[common] {
            common += 1
        }
        let up = Array(repeating: "..", count: from.count - common)
        let down = target.segments[common...].map(SitePath.encode)
        return (up + down).joined(separator: "/")
    }

    /// Percent-encodes a segment: letters and digits of any script become UTF-8 escapes, so the
    /// link is plain ASCII that every server, browser and checker reads the same way.
    static func encode(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: unreserved) ?? segment
    }

    private static let unreserved = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.description < rhs.description }
}

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
        // A name of punctuation only still needs a segment; never an empty one.
        return result.isEmpty ? "item" : String(result.prefix(80))
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
