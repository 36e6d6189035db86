import Foundation
import XiezuoCore

/// Writes a file with plain POSIX calls.
///
/// Foundation's `Data.write(to:)` ends every file with fsync (seen with strace on this
/// toolchain). On tmpfs that costs nothing; on an ext4 disk it waits for the journal, which
/// made writing a generated file take milliseconds instead of tens of microseconds. A site is
/// made again from its content at any time, so its files need not reach the disk one by one:
/// they are written to the page cache like any other program's output.
enum FileWriting {
    /// `makingFolder`: create the file's folder (and its parents) when it is missing. Returns
    /// the file's stamp once written, read from the open file (no lookup by path).
    /// `folderFirst`: the folder is most likely missing (a page in a folder of its own, staged
    /// anew): it is made before the file is opened, not after an open that fails. The kernel
    /// looks the path up twice instead of three times.
    @discardableResult
    static func write(_ data: Data, to path: String, makingFolder: Bool = false, folderFirst: Bool = false) throws -> FileStamp? {
        if makingFolder, folderFirst, let folder = parent(of: Substring(path)) { try makeFolder(folder, for: path) }
        let descriptor = try create(path, makingFolder: makingFolder)
        defer { close(descriptor) }
        try write(data, to: descriptor, path: path)
        return FileStamp.of(descriptor: descriptor)
    }

    /// Opens the file at `path` for writing, created or emptied. With `makingFolder`, a missing
    /// folder is created and the open tried again: a site puts most pages in a folder of their
    /// own, and making folders as files find them missing keeps no list of the folders made
    /// (a million of them at a national scale).
    static func create(_ path: String, makingFolder: Bool = false) throws -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        var descriptor = open(path, flags, 0o666)
        if descriptor < 0, errno == ENOENT, makingFolder, let folder = parent(of: Substring(path)) {
            try makeFolder(folder, for: path)
            descriptor = open(path, flags, 0o666)
        }
        guard descriptor >= 0 else { throw POSIXError(errno, path) }
        return descriptor
    }

    /// Makes `folder`, and its missing parents first. One mkdir when only the folder is
    /// missing, as for nearly every page: FileManager's `createDirectory` looked at each
    /// folder of the path first, a tenth of all the writing's time.
    private static func makeFolder(_ folder: Substring, for path: String) throws {
        if mkdir(String(folder), 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let above = parent(of: folder) else { throw POSIXError(errno, path) }
        try makeFolder(above, for: path)
        guard mkdir(String(folder), 0o777) == 0 || errno == EEXIST else { throw POSIXError(errno, path) }
    }

    /// The path without its last part; nil for a path with no folder in it (or only "/").
    private static func parent(of path: Substring) -> Substring? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return nil }
        return path[..<slash]
    }

    static func write(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { try write($0, to: descriptor, path: path) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno, path)
            }
            offset += written
        }
    }

    struct POSIXError: Error, CustomStringConvertible {
        let code: Int32
        let path: String

        init(_ code: Int32, _ path: String) {
            self.code = code
            self.path = path
        }

        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }
}
