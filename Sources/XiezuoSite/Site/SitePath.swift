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

