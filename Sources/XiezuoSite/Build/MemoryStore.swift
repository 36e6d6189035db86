import Foundation
import XiezuoCore

/// Keeps a build's files in memory.
final class MemoryStore: FileStore, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [SitePath: Data] = [:]
    private var kept: [SitePath: Data] = [:]

    var previous: OutputRecord? { nil }
    var seconds: Double { 0 }
    var foreignFiles: Int { 0 }

    func store(_ path: SitePath, _ data: Data, digest: FileDigest) -> FileStamp? {
        lock.withLock { files[path] = data }
        return nil
    }

    func store(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) -> (digest: FileDigest, stamp: FileStamp?) {
        var data = Data()
        produce { data.append($0) }
        let digest = FileDigest(data)
        _ = store(path, data, digest: digest)
        return (digest, nil)
    }

    func commit(_ manifest: OutputManifest) throws -> SiteWriter.Counts {
        lock.withLock { kept = files.filter { manifest.files[$0.key] != nil } }
        return SiteWriter.Counts(written: kept.count, unchanged: 0, removed: 0)
    }

    func abort() { lock.withLock { files = [:] } }

    var hasChanges: Bool { lock.withLock { !files.isEmpty } }

    /// Memory keeps nothing from a previous build.
    func confirm(_ paths: [SitePath]) {}

    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func materialize(_ paths: [SitePath], into folder: URL) throws {
        let stored = lock.withLock { files }
        for path in paths {
            guard let data = stored[path] else { continue }
            let target = folder.appendingPathComponent(path.description)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
    }

    /// The files committed.
    var committed: [SitePath: Data] { lock.withLock { kept } }
}
