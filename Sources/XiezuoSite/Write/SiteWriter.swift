import Foundation

/// The write stage. The site is written to a staging folder beside the output and swapped
/// in, so a failed build leaves the previous output untouched and files of earlier builds
/// that no longer exist disappear. A file whose bytes did not change is hard-linked from the
/// previous output instead of written, keeping its modification time, so that rsync to the
/// server moves only what changed.
public enum SiteWriter {
    /// Marks a folder as made by Xiezuo: only such a folder is ever replaced.
    static let marker = ".xiezuo-site"

    public struct Summary: Sendable {
        public let written: Int
        public let unchanged: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case notASiteFolder(String)
        case io(String, String)

        public var description: String {
            switch self {
            case .notASiteFolder(let path):
                return "\(path) exists and was not made by xiezuo; remove it or choose another --output"
            case .io(let path, let reason):
                return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes a site held in memory (tests, small sites).
    public static func write(_ site: BuiltSite, to output: URL) throws -> Summary {
        let writer = try SiteWriter.Staging(output: output)
        for (path, data) in site.files.sorted(by: { $0.key < $1.key }) { writer.put(path, data) }
        return try writer.commit()
    }

    /// A build in progress: files go into a staging folder beside the output as they are
    /// rendered, from any core; `commit` swaps the staging folder in, `abort` removes it.
    public final class Staging: SiteSink, @unchecked Sendable {
        let output: URL
        let staging: URL
        let retired: URL
        let previousExists: Bool
        private let lock = NSLock()
        private var folders = Set<String>()
        private var written = 0
        private var unchanged = 0
        private var failure: Failure?

        public init(output: URL) throws {
            let fm = FileManager.default
            self.output = output.standardizedFileURL
            var isFolder: ObjCBool = false
            previousExists = fm.fileExists(atPath: self.output.path, isDirectory: &isFolder)
            if previousExists {
                let contents = (try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []
                guard isFolder.boolValue, contents.isEmpty || contents.contains(marker) else {
                    throw Failure.notASiteFolder(self.output.path)
                }
            }
            let parent = self.output.deletingLastPathComponent()
            let name = self.output.lastPathComponent
            let pid = ProcessInfo.processInfo.processIdentifier
            staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
            retired = parent.appendingPathComponent(".\(name).old-\(pid)")
            try? fm.removeItem(at: staging)
            do {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw Failure.io(staging.path, error.localizedDescription)
            }
        }

        public func put(_ path: SitePath, _ data: Data) {
            store(path) { target, previous in
                if let previous, sameBytes(previous, data) { return .unchanged }
                try data.write(to: target)
                return .written
            }
        }

        /// Written part by part as they come, then compared with the previous output on disk.
        public func put(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) {
            store(path) { target, previous in
                guard FileManager.default.createFile(atPath: target.path, contents: nil),
                      let handle = FileHandle(forWritingAtPath: target.path) else {
                    throw Failure.io(target.path, "cannot create the file")
                }
                var failure: Error?
                produce { part in
                    guard failure == nil else { return }
                    do { try handle.write(contentsOf: part) } catch { failure = error }
                }
                try handle.close()
                if let failure { throw failure }
                if let previous, sameFiles(previous, target) {
                    try FileManager.default.removeItem(at: target)
                    return .unchanged
                }
                return .written
            }
        }

        private enum Stored { case written, unchanged }

        /// Creates the file's folder once, lets `write` put the file at `target` (or find the
        /// previous output's file unchanged, which is then hard-linked) and counts it.
        private func store(_ path: SitePath, _ write: (_ target: URL, _ previous: URL?) throws -> Stored) {
            let fm = FileManager.default
            let target = staging.appendingPathComponent(path.description)
            let folder = target.deletingLastPathComponent().path
            lock.lock()
            let newFolder = folders.insert(folder).inserted
            lock.unlock()
            do {
                if newFolder { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                let previous = previousExists ? output.appendingPathComponent(path.description) : nil
                var stored = try write(target, previous)
                if stored == .unchanged, let previous, (try? fm.linkItem(at: previous, to: target)) == nil {
                    // The old file cannot be linked (another file system): write it anew.
                    try fm.copyItem(at: previous, to: target)
                    stored = .written
                }
                count(unchanged: stored == .unchanged)
            } catch {
                lock.lock()
                if failure == nil { failure = .io(target.path, error.localizedDescription) }
                lock.unlock()
            }
        }

        private func count(unchanged isUnchanged: Bool) {
            lock.lock()
            if isUnchanged { unchanged += 1 } else { written += 1 }
            lock.unlock()
        }

        /// Swaps the staging folder in for the output; on any earlier write failure, removes it
        /// and leaves the output as it was.
        public func commit() throws -> Summary {
            let fm = FileManager.default
            if let failure {
                abort()
                throw failure
            }
            do {
                try Data().write(to: staging.appendingPathComponent(marker))
                if previousExists { try fm.moveItem(at: output, to: retired) }
                try fm.moveItem(at: staging, to: output)
                try? fm.removeItem(at: retired)
            } catch {
                abort()
                throw Failure.io(output.path, error.localizedDescription)
            }
            return Summary(written: written, unchanged: unchanged)
        }

        public func abort() {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Whether two files hold the same bytes, read a megabyte at a time.
    private static func sameFiles(_ a: URL, _ b: URL) -> Bool {
        guard let size = size(of: a), size == self.size(of: b),
              let fileA = FileHandle(forReadingAtPath: a.path), let fileB = FileHandle(forReadingAtPath: b.path) else {
            return false
        }
        defer { try? fileA.close(); try? fileB.close() }
        do {
            while true {
                // At the end of a file the read gives nil or empty data, depending on the platform.
                let chunkA = try fileA.read(upToCount: 1 << 20) ?? Data()
                let chunkB = try fileB.read(upToCount: 1 << 20) ?? Data()
                guard chunkA == chunkB else { return false }
                if chunkA.isEmpty { return true }
            }
        } catch {
            return false
        }
    }

    /// Whether a file holds exactly `data`; the size is compared first, without reading.
    private static func sameBytes(_ url: URL, _ data: Data) -> Bool {
        size(of: url) == data.count && (try? Data(contentsOf: url)) == data
    }

    private static func size(of url: URL) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.intValue
    }
}
