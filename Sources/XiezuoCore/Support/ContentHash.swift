import Foundation

/// A 64-bit hash of bytes that is the same in every run (Swift's `Hasher` is seeded anew per
/// process), for telling whether a file or a set of inputs changed since the last build.
/// Eight bytes at a time, mixed by a 64×64→128-bit multiply (as wyhash does): a site's output
/// is hashed in a fraction of the time it takes to render. Not for security.
public struct ContentHash: Sendable {
    private var state: UInt64

    public init(seed: UInt64 = 0) {
        state = seed ^ Self.p0
    }

    public static func of(_ data: Data) -> UInt64 {
        var hash = ContentHash()
        hash.combine(data)
        return hash.value
    }

    public static func of(_ text: String) -> UInt64 {
        var hash = ContentHash()
        hash.combine(text)
        return hash.value
    }

    public var value: UInt64 { Self.mix(state, Self.p1) }

    public mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine($0) }
    }

    /// A string's bytes and its length, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ number: Int64) {
        state = Self.mix(state ^ UInt64(bitPattern: number), Self.p2)
    }

    public mutating func combine(_ number: UInt64) {
        state = Self.mix(state ^ number, Self.p2)
    }

    /// The bytes, then their tail and length: a piece hashed whole, as `Stream` hashes pieces.
    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var stream = Stream(state: state)
        stream.combine(bytes)
        state = stream.closed
    }

    @inline(__always)
    fileprivate static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    fileprivate static let p0: UInt64 = 0xA076_1D64_78BD_642F
    fileprivate static let p1: UInt64 = 0xE703_7ED1_A0B4_28DB
    fileprivate static let p2: UInt64 = 0x8EBC_6AF0_9C88_C6E3
    fileprivate static let p3: UInt64 = 0x5899_65CC_7537_4CC3
}

extension ContentHash {
    /// The value `ContentHash.of` gives for bytes that arrive in pieces of any size: a file
    /// written as it is made (the record of a national site's million pages) is checksummed
    /// without being held whole. Words are mixed as they complete; the tail and the length
    /// are mixed at the end, as for bytes given in one piece.
    public struct Stream: Sendable {
        private var state: UInt64
        /// Bytes not yet a whole word, the first in the low byte.
        private var pending: UInt64 = 0
        private var pendingCount = 0
        private var count = 0

        public init() {
            state = ContentHash.p0
        }

        /// Continuing from a hash's state (ContentHash.combine hashes each piece so).
        fileprivate init(state: UInt64) {
            self.state = state
        }

        public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
            count += bytes.count
            var offset = 0
            // Complete the word begun by an earlier piece.
            while pendingCount > 0, pendingCount < 8, offset < bytes.count {
                pending |= UInt64(bytes[offset]) << UInt64(8 * pendingCount)
                pendingCount += 1
                offset += 1
            }
            if pendingCount == 8 {
                state = ContentHash.mix(state ^ pending, ContentHash.p1)
                (pending, pendingCount) = (0, 0)
            }
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                state = ContentHash.mix(state ^ word, ContentHash.p1)
                offset += 8
            }
            while offset < bytes.count {
                pending |= UInt64(bytes[offset]) << UInt64(8 * pendingCount)
                pendingCount += 1
                offset += 1
            }
        }

        /// The state once the tail and the length are mixed in.
        fileprivate var closed: UInt64 { ContentHash.mix(state ^ pending ^ (UInt64(count) << 56), ContentHash.p3) }

        public var value: UInt64 { ContentHash.mix(closed, ContentHash.p1) }
    }
}
