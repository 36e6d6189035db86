import Foundation
import XiezuoCore

/// A file of tab-separated lines ended by `end <checksum>`, written as it is made: the output's
/// record and the commit journal list every page of a site, a million lines at a national
/// scale, and holding them whole (then a copy to write) was the largest part of a build's
/// memory. The checksum is `ContentHash.of` the bytes before the `end` line, as a reader
/// computes it over the file it read.
struct ChecksummedLines {
    private let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var hash = ContentHash.Stream()
    private static let flushAt = 1 << 20

    /// Creates (or empties) the file at `path`, and writes `header` as its first line.
    init(path: String, header: String) throws {
        self.path = path
        descriptor = try FileWriting.create(path)
        buffer.reserveCapacity(Self.flushAt + 4096)
        buffer.append(contentsOf: header.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Fields joined by tabs, ended by a line break.
    mutating func line(_ fields: String...) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            buffer.append(contentsOf: field.utf8)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushAt { try flush() }
    }

    /// Writes the checksum line and closes the file. When it throws the file is still open:
    /// the caller abandons it (closing it once, never twice: the number may be another file's).
    mutating func finish() throws {
        try flush()
        try FileWriting.write(Data("end \(String(hash.value, radix: 16))\n".utf8), to: descriptor, path: path)
        close(descriptor)
    }

    /// Closes the file unfinished (after a failure of `line` or `finish`): without its `end`
    /// line no reader takes it.
    func abandon() {
        close(descriptor)
    }

    private mutating func flush() throws {
        try buffer.withUnsafeBytes { bytes in
            hash.combine(bytes)
            try FileWriting.write(bytes, to: descriptor, path: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
