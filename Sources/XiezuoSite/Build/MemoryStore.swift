import Foundation
import XiezuoCore

/// Keeps a build's files in memory.
final class MemoryStore: FileStore, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [SitePath: Data] = [:]
    private var kept: [SitePath: Data] = [:]

    var previous: OutputManifest? { nil }
    var seconds: Double { 0 }
    var foreignFiles: Int { 0 }

    func store(_ path: SitePath, _ data: Data, digest: FileDigest) {
        lock.withLock { files[path] = data }
    }

    func store(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) -> FileDigest {
        var data = Data()
        produce { data.append($0) }
        store(path, data, digest: FileDigest(data))
        return FileDigest(data)
    }

    func commit(_ manifest: OutputManifest) throws -> SiteWriter.Counts {
        lock.withLock { kept = files.filter { manifest.files[$0.key] != nil } }
        return SiteWriter.Counts(written: kept.count, unchanged: 0, removed: 0)
    }

    func abort() { lock.withLock { files = [:] } }

    /// The files committed.
    var committed: [SitePath: Data] { lock.withLock { kept } }
}
