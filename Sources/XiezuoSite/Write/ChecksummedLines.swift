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

    /// Reads a file written so, a megabyte at a time, handing `each` every line after the
    /// header (without its line break). True when the file was there, began with `header`,
    /// ended with the `end` line of its checksum and `each` took every line (returned true);
    /// otherwise what `each` was given is to be thrown away.
    static func read(path: String, header: String, _ each: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var hash = ContentHash.Stream()
        var sound = true
        var sawHeader = false
        // A line is taken only once the next one is read: the last one is the `end` line, not data.
        var held: [UInt8] = []
        var holding = false
        var partial: [UInt8] = []
        func take(_ line: UnsafeBufferPointer<UInt8>) {
            guard sound else { return }
            hash.combine(UnsafeRawBufferPointer(line))
            withUnsafeBytes(of: UInt8(ascii: "\n")) { hash.combine($0) }
            if sawHeader {
                sound = each(line)
            } else {
                sound = line.elementsEqual(header.utf8)
                sawHeader = true
            }
        }
        func arrive(_ line: UnsafeBufferPointer<UInt8>) {
            if holding { held.withUnsafeBufferPointer(take) }
            held.removeAll(keepingCapacity: true)
            held.append(contentsOf: line)
            holding = true
        }
        let read = FileReading.pieces(of: path) { piece in
            guard sound else { return }
            let bytes = piece.bindMemory(to: UInt8.self)
            var start = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if partial.isEmpty {
                    arrive(UnsafeBufferPointer(rebasing: bytes[start..<newline]))
                } else {
                    partial.append(contentsOf: bytes[start..<newline])
                    partial.withUnsafeBufferPointer(arrive)
                    partial.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            partial.append(contentsOf: bytes[start...])
        }
        guard read, sound, sawHeader, holding, partial.isEmpty else { return false }
        return held.elementsEqual("end \(String(hash.value, radix: 16))".utf8)
    }
}
