import Foundation
import XiezuoCore

/// Reads a file a megabyte at a time with plain POSIX calls: the output's record and the build
/// cache's table of content hashes are a hundred megabytes and more at a national scale, and
/// read whole (`Data(contentsOf:)`) each was held as bytes beside what is made of it.
enum FileReading {
    static let pieceSize = 1 << 20

    /// Hands the file at `path` to `consume` piece by piece, in order; false when the file
    /// cannot be opened or a read fails (what was handed over is then to be thrown away).
    static func pieces(of path: String, _ consume: (UnsafeRawBufferPointer) -> Void) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, pieceSize)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 { return true }
            consume(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `ContentHash.of` the file's bytes, computed as they are read; nil without the file.
    static func contentHash(of path: String) -> UInt64? {
        var hash = ContentHash.Stream()
        return pieces(of: path) { hash.combine($0) } ? hash.value : nil
    }
}
