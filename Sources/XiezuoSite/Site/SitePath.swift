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

    /// How many folders deep the file is.
    public var depth: Int { segments.count - 1 }

    /// `../` repeated up to the site's root from this file.
    public var root: String { String(repeating: "../", count: depth) }

    /// A relative, percent-encoded link from this file to `target`: up to the site's root, then
    /// down to the target. Always through the root, even to a neighbour, so that a link depends
    /// only on how deep the page is: a piece of a page (a table row, a unit's link) rendered once
    /// is right on every page at that depth, and the site works under any sub-path.
    public func link(to target: SitePath) -> String {
        root + target.segments.map(SitePath.encode).joined(separator: "/")
    }

    /// Percent-encodes a segment: letters and digits of any script become UTF-8 escapes, so the
    /// link is plain ASCII that every server, browser and checker reads the same way. Byte by
    /// byte (RFC 3986 unreserved characters stay): Foundation's `addingPercentEncoding` was 3 %
    /// of a build, as every link of every page goes through here.
    static func encode(_ segment: String) -> String {
        var segment = segment
        return segment.withUTF8 { bytes in
            guard bytes.contains(where: { !isUnreserved($0) }) else { return String(decoding: bytes, as: UTF8.self) }
            var encoded: [UInt8] = []
            encoded.reserveCapacity(bytes.count * 3)
            for byte in bytes {
                if isUnreserved(byte) {
                    encoded.append(byte)
                } else {
                    encoded += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                }
            }
            return String(decoding: encoded, as: UTF8.self)
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

