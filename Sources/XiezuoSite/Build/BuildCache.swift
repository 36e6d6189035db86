import Foundation
import XiezuoCore

/// What one build leaves for the next, in a folder of its own (by default `.xiezuo-cache` in
/// the site folder): each group's fingerprint, summaries and diagnostics, its plans' shares of
/// the site-wide downloads, each plan's header and latest record date, and every content file's
/// hash (`files.bin`). Nothing in it names a folder or depends on file times alone: restored
/// beside a fresh clone's content and its `public/`, it serves as well as where it was made. A group whose inputs
/// have the same fingerprint, and whose pages are all in the output as the output's record
/// lists them, is not read or rendered again.
///
/// Every file carries a checksum and the format's version on its first line: a file damaged,
/// edited or of another version is not used (its group, or everything, is built afresh).
/// Files are named by group key and fingerprint and never changed once written, and
/// `state.json` names the ones that belong to the output: a build that fails or is cut off
/// leaves the last good state, and deleting the folder costs one full build, never a wrong one.
/// One build at a time uses the folder (its `lock`).
final class BuildCache: @unchecked Sendable {
    static let format = 8

    struct State: Codable {
        /// The fingerprint of what every page depends on (Fingerprint.base).
        var base: UInt64
        /// When the build listed its files, nanoseconds since 1970.
        var startedAt: Int64
        /// The digest of the output's record once committed (OutputRecord.digest): the output
        /// this state describes, wherever it is.
        var output: UInt64
        var headers: [String: CachedHeader]
        /// Plan id → its latest record date, for the site's as-of date.
        var latestRecords: [String: CachedLatest]
        /// Group key → fingerprint.
        var groups: [String: UInt64]
    }

    struct CachedHeader: Codable {
        /// The content hash of plan.md when it was read.
        let file: UInt64
        let header: PlanHeader?
    }

    struct CachedLatest: Codable {
        /// Fingerprint of the plan folder's files (paths and contents) when the date was read.
        let files: UInt64
        /// `YYYY-MM-DD`; nil for a plan without records.
        let latest: String?
    }

    /// A group's render, kept: what the site-wide stage and the diagnostics list need.
    struct GroupRecord: Codable {
        let summaries: GroupSummaries
        let diagnostics: [Diagnostic]
    }

    let folder: URL
    /// The previous build's state, when it describes this output.
    let previous: State?
    /// Headers of the previous build, usable whatever the output.
    let headers: [String: CachedHeader]
    /// Latest record dates of the previous build, usable whatever the output.
    let latestRecords: [String: CachedLatest]
    /// When the previous build listed its files.
    let listedAt: Int64?
    /// Whether the previous build's content hashes were given (`takeFileHashes`): they are read
    /// only then, once the content is listed, and given once, so that one table is held at a time.
    private var fileHashesTaken = false
    private let lock: FolderLock

    init(folder: URL, output: URL, wait: Bool = true, waiting: () -> Void = {}) throws {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SiteWriter.Failure.io(folder.path, error.localizedDescription)
        }
        lock = try FolderLock(folder: folder, name: "lock", wait: wait, waiting: waiting)
        let state = Self.read(State.self, from: folder.appendingPathComponent("state.json"))
        headers = state?.headers ?? [:]
        latestRecords = state?.latestRecords ?? [:]
        listedAt = state?.startedAt
        let record = OutputRecord.digest(in: output)
        previous = state.flatMap { record != nil && $0.output == record ? $0 : nil }
    }

    private func name(_ key: String, _ fingerprint: UInt64) -> String { key + "-" + String(fingerprint, radix: 16) }
    private func recordFile(_ key: String, _ fingerprint: UInt64) -> URL {
        folder.appendingPathComponent("groups/\(name(key, fingerprint)).json")
    }

    /// The folder of a group's download shares.
    func partsFolder(_ key: String, _ fingerprint: UInt64) -> URL {
        folder.appendingPathComponent("parts/\(name(key, fingerprint))")
    }

    /// The kept render of a group with this fingerprint in the previous build.
    func record(_ key: String, _ fingerprint: UInt64) -> GroupRecord? {
        guard previous?.groups[key] == fingerprint else { return nil }
        return Self.read(GroupRecord.self, from: recordFile(key, fingerprint))
    }

    func save(_ record: GroupRecord, key: String, fingerprint: UInt64) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("groups"), withIntermediateDirectories: true)
        try FileWriting.write(Self.sealed(JSONEncoder().encode(record)), to: recordFile(key, fingerprint).path)
    }

    /// The previous build's content hashes, usable whatever the output: read from `files.bin` a
    /// megabyte at a time, and given once. Nil when there are none or they do not read back whole.
    func takeFileHashes() -> FileHashes? {
        guard !fileHashesTaken else { return nil }
        fileHashesTaken = true
        var decoder = FileHashes.Decoder()
        guard Self.readSealed(folder.appendingPathComponent("files.bin").path, { decoder.feed($0) }) else { return nil }
        return decoder.finish()
    }

    /// Keeps this build's content hashes for the next, when they changed. Done as soon as they
    /// are made, whatever becomes of the build: a state names nothing in them, and a stamp's
    /// hash stays true of that file. Sealed as `sealed` seals, but written as the table is read,
    /// twice (once for the checksum the first line carries, once to write), never held as bytes.
    func save(_ hashes: FileHashes) throws {
        let table = folder.appendingPathComponent("files.bin")
        guard hashes.changed || !FileManager.default.fileExists(atPath: table.path) else { return }
        var checksum = ContentHash.Stream()
        hashes.encode { checksum.combine($0) }
        let temporary = table.path + ".tmp"
        let descriptor = try FileWriting.create(temporary)
        do {
            try FileWriting.write(Data("xiezuo-cache \(Self.format) \(String(checksum.value, radix: 16))\n".utf8),
                                  to: descriptor, path: temporary)
            try hashes.encode { try FileWriting.write($0, to: descriptor, path: temporary) }
            close(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        guard rename(temporary, table.path) == 0 else { throw FileWriting.POSIXError(errno, table.path) }
    }

    /// Called before the output changes: from now until `commit`, no state describes it.
    func invalidate() {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("state.json"))
    }

    /// A damaged cache found late (a download share that does not read back whole): nothing of
    /// it is used again, and the next build is a full one.
    func discard() {
        invalidate()
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("groups"))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("parts"))
    }

    /// Records the build just committed, then removes what no longer belongs to it.
    /// The content hashes were saved when they were made (`save`).
    func commit(_ state: State) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.sealed(JSONEncoder().encode(state)).write(to: folder.appendingPathComponent("state.json"), options: .atomic)
        removeUnreferenced(keeping: state)
    }

    /// Removes group files and shares that `state` does not name (those of earlier builds, or
    /// of a build that failed).
    func removeUnreferenced(keeping state: State?) {
        let kept = Set((state?.groups ?? [:]).map { name($0.key, $0.value) })
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("groups").path)) ?? [] {
            let stem = entry.hasSuffix(".json") ? String(entry.dropLast(5)) : entry
            if !kept.contains(stem) { try? fm.removeItem(at: folder.appendingPathComponent("groups/\(entry)")) }
        }
        for entry in (try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("parts").path)) ?? [] where !kept.contains(entry) {
            try? fm.removeItem(at: folder.appendingPathComponent("parts/\(entry)"))
        }
    }

    /// `xiezuo-cache <format> <checksum>` on the first line, then the bytes.
    static func sealed(_ data: Data) -> Data {
        var sealed = Data("xiezuo-cache \(format) \(String(ContentHash.of(data), radix: 16))\n".utf8)
        sealed.append(data)
        return sealed
    }

    /// The bytes of a sealed file when its version and checksum are right; nil otherwise.
    static func unsealed(_ data: Data) -> Data? {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let checksum = sealChecksum(data[data.startIndex..<newline]) else { return nil }
        let body = Data(data[(newline + 1)...])
        return ContentHash.of(body) == checksum ? body : nil
    }

    /// The checksum a sealed file's first line (`xiezuo-cache <format> <checksum>`) gives its
    /// body; nil for a line of another version or no seal at all.
    private static func sealChecksum<Line: Collection<UInt8>>(_ line: Line) -> UInt64? {
        let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard fields.count == 3, fields[0] == "xiezuo-cache", fields[1] == Substring(String(format)) else { return nil }
        return UInt64(fields[2], radix: 16)
    }

    /// Hands the body of a sealed file to `consume` a megabyte at a time; true when the file was
    /// there, of this version, and its body matched its checksum (what was handed over is then
    /// the body; otherwise it must be thrown away).
    static func readSealed(_ path: String, _ consume: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var header: [UInt8] = []
        var checksum = ContentHash.Stream()
        var expected: UInt64?
        var sound = true
        let read = FileReading.pieces(of: path) { piece in
            guard sound else { return }
            var body = piece[...]
            if expected == nil {
                guard let newline = body.firstIndex(of: UInt8(ascii: "\n")) else {
                    header += body
                    // A first line longer than any header: not a sealed file.
                    sound = header.count < 256
                    return
                }
                header += body[..<newline]
                guard let sum = sealChecksum(header) else { sound = false; return }
                expected = sum
                body = body[(newline + 1)...]
            }
            let rest = UnsafeRawBufferPointer(rebasing: body)
            checksum.combine(rest)
            consume(rest)
        }
        return read && sound && expected != nil && checksum.value == expected
    }

    private static func read<T: Decodable>(_ type: T.Type, from url: URL) -> T? {
        (try? Data(contentsOf: url)).flatMap(unsealed).flatMap { try? JSONDecoder().decode(type, from: $0) }
    }
}

/// Download shares kept as files in the build cache, a folder per group.
final class DiskPartStore: PartStore, @unchecked Sendable {
    /// Plan id → its group's folder.
    private let folders: [String: URL]
    private let lock = NSLock()
    /// The first share that could not be written: the build fails rather than publish a
    /// download with a plan missing.
    private(set) var failure: String?

    init(folders: [String: URL]) {
        self.folders = folders
    }

    private func file(_ kind: PartKind, _ plan: String) -> URL? {
        folders[plan]?.appendingPathComponent("\(plan).\(kind.rawValue)")
    }

    func put(_ kind: PartKind, plan: String, _ data: Data) {
        guard let file = file(kind, plan) else { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileWriting.write(BuildCache.sealed(data), to: file.path)
        } catch {
            lock.withLock { if failure == nil { failure = "cannot write \(file.path): \(error.localizedDescription)" } }
        }
    }

    /// A share that is missing or damaged is a failure (the site stage would publish the
    /// download with the plan left out), not an empty share.
    func get(_ kind: PartKind, plan: String) -> Data {
        guard let file = file(kind, plan) else { return Data() }
        guard let data = (try? Data(contentsOf: file)).flatMap(BuildCache.unsealed) else {
            lock.withLock { if failure == nil { failure = "the build cache's \(file.path) is missing or damaged" } }
            return Data()
        }
        return data
    }
}
