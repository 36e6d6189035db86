/// A list of strings kept as one block of UTF-8 bytes and where each ends: what a build holds
/// for every content file's path. A national site lists two and a half million files, and a
/// `String` each (its own allocation, its header, the array's slot) was a third of a build's
/// memory. Each string is made again when it is read.
public struct PackedStrings: RandomAccessCollection, Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Four bytes each: a list is never 4 GiB of text.
    private var ends: [UInt32] = []

    public init() {}

    public init<S: Sequence>(_ strings: S) where S.Element: StringProtocol {
        for string in strings { append(string) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<Int(ends[index])]), as: UTF8.self)
        }
    }

    /// The UTF-8 bytes of the string at `index`, without making the string.
    public func withUTF8<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
    }

    /// Appends a string given as UTF-8 bytes.
    public mutating func append(utf8 string: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: string)
        ends.append(UInt32(bytes.count))
    }

    public mutating func append<S: StringProtocol>(_ string: S) {
        bytes.append(contentsOf: string.utf8)
        ends.append(UInt32(bytes.count))
    }

    /// Appends the bytes of several pieces as one string (a folder, "/", a name) without making
    /// the string.
    public mutating func append(joining pieces: String...) {
        for piece in pieces { bytes.append(contentsOf: piece.utf8) }
        ends.append(UInt32(bytes.count))
    }

    public mutating func append(contentsOf other: PackedStrings) {
        let offset = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.map { $0 + offset })
    }
}
