import Foundation
import XiezuoCore
#if canImport(Glibc)
import Glibc
#endif

/// Tells when anything below some folders changes (a file written, created, removed or
/// renamed; a folder created is watched too), once per burst of changes: an editor's save is
/// often several writes and a rename. Linux's inotify, called directly: a thread sleeps in
/// poll(2) until the kernel has news, so a watch costs nothing while nothing changes.
final class ContentWatcher: @unchecked Sendable {
    /// Quiet time that ends a burst, in milliseconds.
    static let settle: Int32 = 120

    struct Failure: MessageError {
        let message: Message
    }

    private let changed: @Sendable () -> Void
    #if canImport(Glibc)
    private let events: Int32
    private var stopPipe: [Int32] = [-1, -1]
    /// Watch descriptor → its folder.
    private var folders: [Int32: String] = [:]
    #endif

    init(folders roots: [URL], changed: @escaping @Sendable () -> Void) throws {
        self.changed = changed
        #if canImport(Glibc)
        events = inotify_init1(Int32(IN_CLOEXEC))
        guard events >= 0 else { throw Failure(message: Message(.noInotify, ["reason": .message(.system(errno))])) }
        guard pipe(&stopPipe) == 0 else { throw Failure(message: Message(.noPipe, ["reason": .message(.system(errno))])) }
        for root in roots where FileManager.default.fileExists(atPath: root.path) { try watchTree(root.path) }
        #else
        throw Failure(message: Message(.watchNeedsLinux))
        #endif
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    /// Watches `folder` and every folder below it.
    private func watchTree(_ folder: String) throws {
        let descriptor = inotify_add_watch(events, folder, Self.mask)
        guard descriptor >= 0 else {
            throw Failure(message: Message(.cannotWatch, ["folder": "\(folder)", "reason": .message(.system(errno))]))
        }
        folders[descriptor] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { try? watchTree(path) }
        }
    }

    /// Starts the watching thread.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "xiezuo-watch"
        thread.start()
    }

    /// Ends the watching thread; no call to `changed` follows.
    func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe[1], &byte, 1)
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending = false
        while true {
            var polled = [pollfd(fd: events, events: Int16(POLLIN), revents: 0),
                          pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            // Block until news; once some came, wait only for the burst to settle.
            let ready = poll(&polled, 2, pending ? Self.settle : -1)
            if ready < 0 && errno == EINTR { continue }
            if polled[1].revents != 0 { break }
            if ready == 0 {
                pending = false
                changed()
                continue
            }
            let count = read(events, &buffer, buffer.count)
            guard count > 0 else { continue }
            var offset = 0
            while offset + 16 <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                // A folder made (or moved in) is watched with everything already in it.
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[descriptor] {
                    try? watchTree(parent + "/" + name)
                }
                pending = true
            }
        }
        close(events)
        close(stopPipe[0])
        close(stopPipe[1])
    }
    #else
    func start() {}
    func stop() {}
    #endif
}
