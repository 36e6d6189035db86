import Foundation

/// Writes a file with plain POSIX calls.
///
/// Foundation's `Data.write(to:)` ends every file with fsync (seen with strace on this
/// toolchain). On tmpfs that costs nothing; on an ext4 disk it waits for the journal, which
/// made writing a generated file take milliseconds instead of tens of microseconds. A site is
/// made again from its content at any time, so its files need not reach the disk one by one:
/// they are written to the page cache like any other program's output.
enum FileWriting {
    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXError(errno, path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(errno, path)
                }
                offset += written
            }
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
