import Foundation

/// A path inside the output folder, such as `units/putuo/区商务局/index.html`. Built only from
/// slugs, so no path can climb out of the output folder.
public struct SitePath: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let segments: [String]

    public init(_ segments: [String]) {
        self.segments = segments
    }

    /// A folder page: `segments/index.html`, so links work opened from disk (file://) too.
    public static func page(_ segments: String...) -> SitePath { SitePath(segments + ["index.html"]) }
    public static func file(_ segments: String...) -> SitePath { SitePath(segments) }

    public var description: String { segments.joined(separator: "/") }

    /// A folder page below the root (`segments/index.html`): the one file of a folder of its
    /// own, which holds only the folders of the pages below it.
    public var isFolderPage: Bool { segments.count > 1 && segments.last == "index.html" }

    /// How many folders deep the file is.
    public var depth: Int { segments.count - 1 }

    /// `../` repeated up to the site's root from this file.
    public var root: String { String(repeating: "../", count: depth) }

    /// A relative, percent-encoded link from this file to `target`: up to the site's root, then
    /// down to the target. Always through the root, even to a neighbour, so that a link depends
    /// only on how deep the page is: a piece of a page (a table row, a unit's link) rendered once
    /// is right on every page at that depth, and the site works under any sub-path.
    public func link(to target: SitePath) -> String { target.written(after: depth) }

    /// The path's segments percent-encoded and joined by "/", as a link from the root ends
    /// (a page's canonical address, after the site's base URL).
    public var encodedPath: String { written(after: 0) }

    /// `../` `levels` times, then the encoded path. Written into one buffer: every page has
    /// dozens of links, and a string for each segment, its escape and the joins cost more than
    /// the link.
    private func written(after levels: Int) -> String {
        var link: [UInt8] = []
        link.reserveCapacity(3 * levels + segments.reduce(0) { $0 + 1 + 3 * $1.utf8.count })
        for _ in 0..<levels {
            link.append(UInt8(ascii: "."))
            link.append(UInt8(ascii: "."))
            link.append(UInt8(ascii: "/"))
        }
        for (index, segment) in segments.enumerated() {
            if index > 0 { link.append(UInt8(ascii: "/")) }
            Self.appendEncoded(segment, to: &link)
        }
        return String(decoding: link, as: UTF8.self)
    }

    /// Percent-encodes a segment: letters and digits of any script become UTF-8 escapes, so the
    /// link is plain ASCII that every server, browser and checker reads the same way. Byte by
    /// byte (RFC 3986 unreserved characters stay): Foundation's `addingPercentEncoding` was 3 %
    /// of a build, as every link of every page goes through here.
    static func encode(_ segment: String) -> String {
        var encoded: [UInt8] = []
        appendEncoded(segment, to: &encoded)
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func appendEncoded(_ segment: String, to encoded: inout [UInt8]) {
        var segment = segment
        segment.withUTF8 { bytes in
            for byte in bytes {
                if isUnreserved(byte) {
                    encoded.append(byte)
                } else {
                    encoded.append(UInt8(ascii: "%"))
                    encoded.append(hexDigits[Int(byte >> 4)])
                    encoded.append(hexDigits[Int(byte & 0x0F)])
                }
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.description < rhs.description }
}

