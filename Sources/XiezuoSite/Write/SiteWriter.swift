import Foundation
import XiezuoCore

/// The write stage. Files are written to a staging folder beside the output as they are
/// rendered, and moved into the output only once the whole build has succeeded, so a failed
/// build leaves the previous output untouched. A file whose bytes did not change is not written
/// at all: it keeps its modification time, and rsync to the server moves only what changed.
/// Files of earlier builds that no longer exist are removed.
public enum SiteWriter {
    /// Marks a folder as made by Xiezuo: only such a folder is ever replaced.
    static let marker = ".xiezuo-site"

    public struct Summary: Sendable {
        public let written: Int
        public let unchanged: Int
        public let removed: Int
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
    /// rendered, from any core; `commit` moves the changed ones into the output, `abort`
    /// removes the staging folder.
    public final class Staging: SiteSink, @unchecked Sendable {
        let output: URL
        let staging: URL
        /// The same folders as plain paths: URL's path handling was 3 % of a build, on every file.
        private let outputPath: String
        private let stagingPath: String
        /// Whether the output folder exists (and is Xiezuo's).
        let outputExists: Bool
        /// What the previous build wrote, where the build cache knows it: equal digests mean
        /// equal bytes, and the old file need not be read.
        private let previous: [SitePath: FileDigest]
        private let lock = NSLock()
        private var folders = Set<String>()
        /// Over an existing output: the files to move in at commit, and every file this build
        /// made (the others are removed). A new output is the staging folder itself, and needs
        /// neither: at national scale they would be a million paths.
        private var changed: [SitePath] = []
        private var produced = Set<SitePath>()
        private var written = 0
        private var unchanged = 0
        private var failure: Failure?
        /// Seconds spent writing and comparing files, summed over cores.
        private(set) var seconds: Double = 0

        public init(output: URL, previous: [SitePath: FileDigest] = [:]) throws {
            let fm = FileManager.default
            self.output = output.standardizedFileURL
            self.previous = previous
            var isFolder: ObjCBool = false
            var exists = fm.fileExists(atPath: self.output.path, isDirectory: &isFolder)
            if exists {
                let contents = (try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []
                guard isFolder.boolValue, contents.isEmpty || contents.contains(SiteWriter.marker) else {
                    throw Failure.notASiteFolder(self.output.path)
                }
                // An empty folder is taken over as if it were not there.
                if contents.isEmpty {
                    try? fm.removeItem(at: self.output)
                    exists = false
                }
            }
            outputExists = exists
            let parent = self.output.deletingLastPathComponent()
            let pid = ProcessInfo.processInfo.processIdentifier
            staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(pid)")
            outputPath = self.output.path
            stagingPath = staging.path
            try? fm.removeItem(at: staging)
            do {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw Failure.io(staging.path, error.localizedDescription)
            }
        }

        public func put(_ path: SitePath, _ data: Data) {
            store(path, data, digest: FileDigest(data))
        }

        public func put(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) {
            _ = store(path, parts: produce)
        }

        /// Writes `data` unless the output already holds exactly these bytes at `path`.
        func store(_ path: SitePath, _ data: Data, digest: FileDigest) {
            timed {
                guard !isUnchanged(path, digest: digest, sameAs: { old in
                    (try? Data(contentsOf: URL(fileURLWithPath: old))).map { $0 == data }
                })
                else { return markUnchanged(path) }
                do {
                    let target = try prepare(path)
                    try FileWriting.write(data, to: target)
                    markChanged(path)
                } catch {
                    fail(path, error)
                }
            }
        }

        /// Written part by part as they come into the staging folder, then compared; returns the
        /// digest of the whole file.
        @discardableResult
        func store(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) -> FileDigest {
            var hash = ContentHash()
            var size = 0
            timed {
                do {
                    let target = try prepare(path)
                    guard FileManager.default.createFile(atPath: target, contents: nil),
                          let handle = FileHandle(forWritingAtPath: target) else {
                        throw Failure.io(target, "cannot create the file")
                    }
                    var failure: Error?
                    produce { part in
                        hash.combine(part)
                        size += part.count
                        guard failure == nil else { return }
                        do { try handle.write(contentsOf: part) } catch { failure = error }
                    }
                    try handle.close()
                    if let failure { throw failure }
                    let digest = FileDigest(size: size, hash: hash.value)
                    if isUnchanged(path, digest: digest, sameAs: { try? SiteWriter.sameFiles($0, target) }) {
                        try FileManager.default.removeItem(atPath: target)
                        markUnchanged(path)
                    } else {
                        markChanged(path)
                    }
                } catch {
                    fail(path, error)
                }
            }
            return FileDigest(size: size, hash: hash.value)
        }

        /// Whether the output already holds these bytes at `path`: by the cache's digest where
        /// it has one (checking only that the file is still there with that size), else by
        /// reading the old file.
        private func isUnchanged(_ path: SitePath, digest: FileDigest, sameAs: (_ old: String) -> Bool?) -> Bool {
            guard outputExists else { return false }
            let old = outputPath + "/" + path.description
            guard let size = SiteWriter.size(of: old), size == digest.size else { return false }
            if let known = previous[path] { return known == digest }
            return sameAs(old) ?? false
        }

        /// The file's place in the staging folder, its folder created once.
        private func prepare(_ path: SitePath) throws -> String {
            let target = stagingPath + "/" + path.description
            let folder = stagingPath + "/" + path.segments.dropLast().joined(separator: "/")
            let isNew = lock.withLock { folders.insert(folder).inserted }
            if isNew { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            return target
        }

        private func markChanged(_ path: SitePath) {
            lock.withLock {
                written += 1
                if outputExists {
                    changed.append(path)
                    produced.insert(path)
                }
            }
        }

        private func markUnchanged(_ path: SitePath) {
            lock.withLock {
                unchanged += 1
                if outputExists { produced.insert(path) }
            }
        }

        private func fail(_ path: SitePath, _ error: Error) {
            lock.withLock {
                if failure == nil { failure = .io(stagingPath + "/" + path.description, "\(error)") }
            }
        }

        private func timed(_ work: () -> Void) {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.withLock { seconds += elapsed }
        }

        /// Moves the changed files into the output and removes `removed`; with `removed` nil,
        /// every file in the output that this build did not produce (nothing is known of the
        /// previous build). On any earlier write failure, removes the staging folder and leaves
        /// the output as it was.
        public func commit(removing removed: Set<SitePath>? = nil) throws -> Summary {
            let fm = FileManager.default
            if let failure {
                abort()
                throw failure
            }
            do {
                if !outputExists {
                    try FileWriting.write(Data(), to: staging.appendingPathComponent(marker).path)
                    try fm.moveItem(at: staging, to: output)
                    return Summary(written: written, unchanged: unchanged, removed: 0)
                }
                var createdFolders = Set<String>()
                for path in changed {
                    let target = outputPath + "/" + path.description
                    let folder = outputPath + "/" + path.segments.dropLast().joined(separator: "/")
                    if createdFolders.insert(folder).inserted {
                        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    }
                    guard rename(stagingPath + "/" + path.description, target) == 0 else {
                        throw Failure.io(target, String(cString: strerror(errno)))
                    }
                }
                let stale = removed.map { $0.subtracting(produced) } ?? SiteWriter.files(in: output).subtracting(produced)
                for path in stale {
                    let target = output.appendingPathComponent(path.description)
                    try? fm.removeItem(at: target)
                    SiteWriter.removeEmptyFolders(from: target.deletingLastPathComponent(), upTo: output)
                }
                try? fm.removeItem(at: staging)
                if !fm.fileExists(atPath: output.appendingPathComponent(marker).path) {
                    try FileWriting.write(Data(), to: output.appendingPathComponent(marker).path)
                }
                return Summary(written: written, unchanged: unchanged, removed: stale.count)
            } catch let failure as Failure {
                abort()
                throw failure
            } catch {
                abort()
                throw Failure.io(output.path, error.localizedDescription)
            }
        }

        public func abort() {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Every file below `folder` but the marker, as site paths.
    static func files(in folder: URL) -> Set<SitePath> {
        var found = Set<SitePath>()
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard path != marker, FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path,
                                                                 isDirectory: &isFolder), !isFolder.boolValue else { continue }
            found.insert(SitePath(path.split(separator: "/").map(String.init)))
        }
        return found
    }

    /// Removes `folder` and its parents while they are empty, stopping at `root`.
    static func removeEmptyFolders(from folder: URL, upTo root: URL) {
        var folder = folder.standardizedFileURL
        let root = root.standardizedFileURL
        while folder.path.count > root.path.count, folder.path.hasPrefix(root.path),
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }

    /// Whether two files hold the same bytes, read a megabyte at a time.
    static func sameFiles(_ a: String, _ b: String) throws -> Bool {
        guard let size = size(of: a), size == self.size(of: b),
              let fileA = FileHandle(forReadingAtPath: a), let fileB = FileHandle(forReadingAtPath: b) else {
            return false
        }
        defer { try? fileA.close(); try? fileB.close() }
        while true {
            // At the end of a file the read gives nil or empty data, depending on the platform.
            let chunkA = try fileA.read(upToCount: 1 << 20) ?? Data()
            let chunkB = try fileB.read(upToCount: 1 << 20) ?? Data()
            guard chunkA == chunkB else { return false }
            if chunkA.isEmpty { return true }
        }
    }

    static func size(of path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }
}
