import Foundation
import XiezuoCore

/// A commit written down, whole and on disk, before any file of the output is touched, so that
/// one cut off half way (Ctrl-C, a kill, a power cut) is finished by the next xiezuo command
/// instead of leaving old and new pages mixed.
///
/// Carrying it out is idempotent: files still in the staging folder are moved in, listed files
/// still in the output are removed, then the output's record (`.xiezuo-site`) is written with
/// each file's stamp, and last the journal and the staging folder are removed. Until then the
/// journal stays, and the next command carries it out again from wherever it stopped.
struct CommitJournal: Sendable {
    static let fileName = ".xiezuo-commit"
    /// A test seam: carrying out a commit into one output stops (as a killed process would)
    /// after so many moves. Keyed by output path, so that tests running side by side do not meet.
    static let stops = StopsForTests()

    final class StopsForTests: @unchecked Sendable {
        private let lock = NSLock()
        private var afterMoves: [String: Int] = [:]

        func set(_ output: URL, afterMoves count: Int?) { lock.withLock { afterMoves[output.standardizedFileURL.path] = count } }
        func count(for output: String) -> Int? { lock.withLock { afterMoves[output] } }
    }

    struct Stopped: Error {}
    private static let header = "xiezuo-commit 1"

    /// Paths, relative to the staging folder and the output, to move in (a file, or a whole
    /// folder when the output held none of it).
    var moves: [String] = []
    /// Paths of the output to remove: files the previous build wrote and this one did not make.
    var removals: [String] = []
    /// What changes in the output's record: files made or changed now, with their digest and
    /// group (their stamps are read once they are in place). The rest of the record stays.
    var upserts = OutputManifest()
    /// Nothing changes in the output's record: it is not written again (not kept in the journal:
    /// a commit carried out again simply rewrites the same record).
    var unchangedRecord = false
    /// Every upsert's stamp below the top, taken as it was written in staging, is the one it has
    /// in place: its whole folder was moved, and a file in a folder moved keeps its stamp. Not
    /// kept in the journal: a commit carried out again reads each stamp in place.
    var stagedStampsHold = false

    /// Writes the journal to `path`, line by line.
    func write(to path: String) throws {
        var lines = try ChecksummedLines(path: path, header: Self.header)
        do {
            for path in moves { try lines.line("m", path) }
            for path in removals { try lines.line("r", path) }
            for (path, entry) in upserts.files {
                try lines.line("f", String(entry.digest.hash, radix: 16), String(entry.digest.size),
                               entry.group.isEmpty ? "-" : entry.group, path.description)
            }
            try lines.finish()
        } catch {
            lines.abandon()
            throw error
        }
    }

    init() {}

    /// The journal written whole at `path`; nil for one cut off while being written (its commit
    /// never began). Read a megabyte at a time, as the output's record is.
    init?(reading path: String) {
        var journal = CommitJournal()
        let whole = ChecksummedLines.read(path: path, header: Self.header) { line in
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            switch fields.first {
            case "m" where fields.count == 2: journal.moves.append(fields[1])
            case "r" where fields.count == 2: journal.removals.append(fields[1])
            case "f" where fields.count == 5:
                guard let hash = UInt64(fields[1], radix: 16), let size = Int(fields[2]) else { return false }
                journal.upserts.files[SitePath(fields[4].split(separator: "/").map(String.init))] =
                    OutputManifest.Entry(digest: FileDigest(size: size, hash: hash), group: fields[3] == "-" ? "" : fields[3])
            default: return false
            }
            return true
        }
        guard whole else { return nil }
        self = journal
    }

    /// Writes the journal into `output` so that it is either there whole or not at all, and the
    /// staged files it names are on the disk before it is (one sync of the file system).
    func record(in output: URL) throws {
        let final = output.appendingPathComponent(Self.fileName).path
        let temporary = final + ".tmp"
        Durability.syncFileSystem(of: output.path)
        try write(to: temporary)
        try Durability.flush(path: temporary)
        guard rename(temporary, final) == 0 else { throw FileWriting.POSIXError(errno, final) }
        try Durability.flush(path: output.path)
    }

    /// The journal a commit left in `output`, if one was cut off; a journal cut off while being
    /// written is removed (its commit never began).
    static func pending(in output: URL) -> CommitJournal? {
        let path = output.appendingPathComponent(fileName).path
        try? FileManager.default.removeItem(atPath: path + ".tmp")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let journal = CommitJournal(reading: path) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        return journal
    }

    /// Moves, removes, records, in that order; safe to run again after any interruption.
    /// `record`: the output's record before this commit, when the caller holds it (else it is
    /// read from the output: the previous one, or this commit's if it was already written).
    func carryOut(output: URL, staging: URL, record base: OutputRecord? = nil) throws -> (moved: Int, removed: Int) {
        let fm = FileManager.default
        let outputPath = output.path, stagingPath = staging.path
        var moved = 0, removed = 0
        var folders = Set<String>()
        let stopAfter = Self.stops.count(for: outputPath)
        for path in moves {
            let source = stagingPath + "/" + path
            guard fm.fileExists(atPath: source) else { continue }  // moved before the interruption
            let target = outputPath + "/" + path
            let folder = (target as NSString).deletingLastPathComponent
            if folders.insert(folder).inserted { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            guard rename(source, target) == 0 else { throw FileWriting.POSIXError(errno, target) }
            moved += 1
            if moved == stopAfter { throw Stopped() }
            // The end-to-end check (scripts/interrupt-check) kills the process itself here, as
            // a power cut or `kill -9` would, in the middle of a real commit.
            if moved == ProcessHooks.killAfterMoves { kill(getpid(), SIGKILL) }
        }
        // The record: the previous one, less what was removed, with what changed; each changed
        // file's stamp read once it is in place. Written as it is made, never merged in memory.
        let record = base ?? OutputRecord.read(in: output) ?? OutputRecord()
        // The previous record's rows that do not go into the new one as they are: removed or replaced.
        var dropped = [Bool](repeating: false, count: record.count)
        for path in removals {
            let row = record.row(path)
            if let row { dropped[row] = true }
            let target = output.appendingPathComponent(path)
            guard let stamp = FileStamp.of(path: target.path) else { continue }
            // A file put in place of the one xiezuo wrote (another stamp) is someone's: it stays.
            let listed = row.flatMap { record.entry($0).stamp }
            guard listed == nil || listed == stamp else { continue }
            try? fm.removeItem(at: target)
            SiteWriter.removeEmptyFolders(from: target.deletingLastPathComponent(), upTo: output)
            removed += 1
        }
        if !unchangedRecord {
            for path in upserts.files.keys { if let row = record.row(path) { dropped[row] = true } }
            let manifestPath = output.appendingPathComponent(OutputRecord.fileName).path
            var lines = try OutputRecord.lines(at: manifestPath + ".tmp")
            do {
                for row in record.rows where !dropped[row] {
                    let entry = record.entry(row)
                    try OutputRecord.line(record.pathText(row), entry, stamp: entry.stamp, into: &lines)
                }
                // A changed file that is not in place (removed by hand since) is not listed.
                // A national site's commit read a million stamps in place, each a lookup on the disk.
                for (path, entry) in upserts.files {
                    let text = path.description
                    // A file at the top was renamed itself (a rename changes its change time).
                    let held = stagedStampsHold && path.segments.count > 1 ? entry.stamp : nil
                    guard let stamp = held ?? FileStamp.of(path: outputPath + "/" + text) else { continue }
                    try OutputRecord.line(text, entry, stamp: stamp, into: &lines)
                }
                try lines.finish()
            } catch {
                lines.abandon()
                throw error
            }
            guard rename(manifestPath + ".tmp", manifestPath) == 0 else { throw FileWriting.POSIXError(errno, manifestPath) }
        }
        try? fm.removeItem(at: staging)
        try Durability.flush(path: outputPath)
        try fm.removeItem(atPath: output.appendingPathComponent(Self.fileName).path)
        return (moved, removed)
    }
}

/// The few syncs that make a commit survive a power cut: the staged files before the journal
/// that names them, the journal itself, the folder that holds it.
enum Durability {
    static func flush(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriting.POSIXError(errno, path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileWriting.POSIXError(errno, path) }
    }

    /// Everything written to the file system holding `path`: one call instead of one fsync per file.
    static func syncFileSystem(of path: String) {
        // syncfs(2) is Linux's and not in the headers Swift imports; found at run time, with
        // the whole-system sync as the fallback.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(nil, "syncfs") else { return sync() }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return sync() }
        defer { close(descriptor) }
        _ = unsafeBitCast(symbol, to: SyncFS.self)(descriptor)
    }
}

/// Test hooks for the end-to-end interruption check, read from the environment once; unset in
/// normal use, when they do nothing.
enum ProcessHooks {
    /// `XIEZUO_TEST_KILL_AFTER_MOVES=N`: the process kills itself (SIGKILL) after moving N files.
    static let killAfterMoves: Int? = ProcessInfo.processInfo.environment["XIEZUO_TEST_KILL_AFTER_MOVES"].flatMap(Int.init)
    /// `XIEZUO_TEST_PAUSE_BEFORE_COMMIT=S`: the build waits S seconds with its files staged, before
    /// its commit, so that a signal can be sent then.
    static let pauseBeforeCommit: Double? =
        ProcessInfo.processInfo.environment["XIEZUO_TEST_PAUSE_BEFORE_COMMIT"].flatMap(Double.init)
}
