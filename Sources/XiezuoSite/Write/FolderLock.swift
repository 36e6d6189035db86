import Foundation

/// One build at a time in a folder (the output, the build cache): an exclusive `flock` on a
/// file in it, held until this object goes away. The operating system releases it when the
/// process ends in any way, so a killed build never leaves it taken.
final class FolderLock: @unchecked Sendable {
    private let descriptor: Int32

    /// `wait`: when another process holds it, wait (calling `waiting` first) instead of failing.
    init(folder: URL, name: String, wait: Bool, waiting: () -> Void) throws {
        let path = folder.appendingPathComponent(name).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteWriter.Failure.io(path, String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else { return }
        guard errno == EWOULDBLOCK else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SiteWriter.Failure.io(path, reason)
        }
        guard wait else {
            close(descriptor)
            throw SiteWriter.Failure.busy(folder.path)
        }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw SiteWriter.Failure.io(path, reason)
            }
        }
    }

    deinit { close(descriptor) }
}
