import Foundation
import XiezuoCore

/// What one build leaves for the next, in a folder of its own (by default `.xiezuo-cache` in
/// the site folder): each group's fingerprint, summaries, diagnostics and output digests, its
/// plans' shares of the site-wide downloads, and each plan's header. A group whose inputs have
/// the same fingerprint is not read or rendered again: its pages are already in the output.
///
/// Files are named by group key and fingerprint and never changed once written, and
/// `state.json` names the ones that belong to the output: a build that fails or is cut off
/// leaves the last good state, and deleting the folder costs one full build, never a wrong one.
final class BuildCache: @unchecked Sendable {
    static let format = 3

    struct State: Codable {
        var format = BuildCache.format
        /// The fingerprint of what every page depends on (Fingerprint.base).
        var base: UInt64
        /// When the build listed its files, nanoseconds since 1970.
        var startedAt: Int64
        /// The output folder, and its marker file's stamp after the build: if either differs,
        /// the output is not the one this state describes.
        var output: String
        var marker: FileStamp?
        var headers: [String: CachedHeader]
        /// Plan id → its latest record date, for the site's as-of date.
        var latestRecords: [String: CachedLatest]
        /// Group key → fingerprint.
        var groups: [String: UInt64]
    }

    struct CachedHeader: Codable {
        let stamp: FileStamp
        let header: PlanHeader?
    }

    struct CachedLatest: Codable {
        /// Fingerprint of the plan folder's file stamps when the date was read.
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

    init(folder: URL, output: URL) {
        self.folder = folder
        let state = (try? Data(contentsOf: folder.appendingPathComponent("state.json")))
            .flatMap { try? JSONDecoder().decode(State.self, from: $0) }
            .flatMap { $0.format == Self.format ? $0 : nil }
        headers = state?.headers ?? [:]
        latestRecords = state?.latestRecords ?? [:]
        listedAt = state?.startedAt
        let marker = Self.stamp(of: output.appendingPathComponent(SiteWriter.marker))
        previous = state.flatMap { $0.output == output.standardizedFileURL.path && $0.marker != nil && $0.marker == marker ? $0 : nil }
    }

    private func name(_ key: String, _ fingerprint: UInt64) -> String { key + "-" + String(fingerprint, radix: 16) }
    private func recordFile(_ key: String, _ fingerprint: UInt64) -> URL {
        folder.appendingPathComponent("groups/\(name(key, fingerprint)).json")
    }
    private func outputsFile(_ key: String, _ fingerprint: UInt64) -> URL {
        folder.appendingPathComponent("groups/\(name(key, fingerprint)).outputs")
    }
    private var siteOutputsFile: URL { folder.appendingPathComponent("site.outputs") }

    /// The folder of a group's download shares.
    func partsFolder(_ key: String, _ fingerprint: UInt64) -> URL {
        folder.appendingPathComponent("parts/\(name(key, fingerprint))")
    }

    /// The kept render of a group with this fingerprint in the previous build.
    func record(_ key: String, _ fingerprint: UInt64) -> GroupRecord? {
        guard previous?.groups[key] == fingerprint else { return nil }
        return (try? Data(contentsOf: recordFile(key, fingerprint))).flatMap { try? JSONDecoder().decode(GroupRecord.self, from: $0) }
    }

    /// What a group of the previous build wrote.
    func outputs(_ key: String, _ fingerprint: UInt64) -> OutputList? {
        (try? Data(contentsOf: outputsFile(key, fingerprint))).flatMap(OutputList.init(decoding:))
    }

    var siteOutputs: OutputList? { (try? Data(contentsOf: siteOutputsFile)).flatMap(OutputList.init(decoding:)) }

    func save(_ record: GroupRecord, outputs: OutputList, key: String, fingerprint: UInt64) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("groups"), withIntermediateDirectories: true)
        try FileWriting.write(JSONEncoder().encode(record), to: recordFile(key, fingerprint).path)
        try FileWriting.write(outputs.encoded(), to: outputsFile(key, fingerprint).path)
    }

    /// Called before the output changes: from now until `commit`, no state describes it.
    func invalidate() {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("state.json"))
    }

    /// Records the build just committed, then removes what no longer belongs to it.
    func commit(_ state: State, siteOutputs: OutputList) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try siteOutputs.encoded().write(to: siteOutputsFile, options: .atomic)
        var state = state
        state.marker = Self.stamp(of: URL(fileURLWithPath: state.output).appendingPathComponent(SiteWriter.marker))
        try JSONEncoder().encode(state).write(to: folder.appendingPathComponent("state.json"), options: .atomic)
        removeUnreferenced(keeping: state)
    }

    /// Removes group files and shares that `state` does not name (those of earlier builds, or
    /// of a build that failed).
    func removeUnreferenced(keeping state: State?) {
        let kept = Set((state?.groups ?? [:]).map { name($0.key, $0.value) })
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("groups").path)) ?? [] {
            let stem = entry.hasSuffix(".json") ? String(entry.dropLast(5)) : entry.hasSuffix(".outputs") ? String(entry.dropLast(8)) : entry
            if !kept.contains(stem) { try? fm.removeItem(at: folder.appendingPathComponent("groups/\(entry)")) }
        }
        for entry in (try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("parts").path)) ?? [] where !kept.contains(entry) {
            try? fm.removeItem(at: folder.appendingPathComponent("parts/\(entry)"))
        }
    }

    static func stamp(of url: URL) -> FileStamp? { FileStamp.of(path: url.path) }
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
            try FileWriting.write(data, to: file.path)
        } catch {
            lock.withLock { if failure == nil { failure = "cannot write \(file.path): \(error.localizedDescription)" } }
        }
    }

    func get(_ kind: PartKind, plan: String) -> Data {
        file(kind, plan).flatMap { try? Data(contentsOf: $0) } ?? Data()
    }
}
