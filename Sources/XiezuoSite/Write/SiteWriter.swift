import Foundation
import XiezuoCore

/// The write stage, safe against interruption at any moment:
///
/// 1. `open` takes the output folder's lock (one build at a time), finishes a commit an earlier
///    build was cut off in (CommitJournal) and removes what a killed build left staged.
/// 2. Files are written into a staging folder inside the output (`.xiezuo-staging`: the same
///    file system even when the output is a mount point) as they are rendered. A file whose
///    bytes did not change is not written: it keeps its modification time, and rsync to the
///    server moves only what changed.
/// 3. `commit` writes down what it will do (the journal, synced to disk), then moves the
///    changed files in, removes the files of the previous build that were not made again, and
///    records what the output now holds (`.xiezuo-site`). Cut off anywhere, the output is the
///    previous site until the journal is written, and the new one once the next xiezuo command
///    has carried the journal out: never a mix that lasts.
///
/// Xiezuo removes only files its record lists: whatever else is in the folder stays.
public enum SiteWriter {
    /// The output's record of what xiezuo wrote; its presence marks a folder made by xiezuo.
    static let marker = OutputRecord.fileName
    static let stagingName = ".xiezuo-staging"
    static let lockName = ".xiezuo-lock"
    /// Names of xiezuo's own files in the output, never pages.
    static func isOwnFile(_ name: String) -> Bool { name.hasPrefix(".xiezuo-") }

    public struct Counts: Sendable {
        public let written: Int
        public let unchanged: Int
        public let removed: Int
    }

    public enum Failure: MessageError {
        case notASiteFolder(String)
        case busy(String)
        case misplaced(Message)
        /// The path, and the system's reason.
        case io(String, String)
        case unfinishedCommit(String, String)

        public var message: Message {
            switch self {
            case .notASiteFolder(let path): return Message(.notASiteFolder, ["path": .text(path)])
            case .busy(let path): return Message(.outputBusy, ["path": .text(path)])
            case .misplaced(let message): return message
            case .io(let path, let reason): return Message(.cannotWrite, ["path": .text(path), "reason": .text(reason)])
            case .unfinishedCommit(let path, let reason): return Message(.unfinishedCommit, ["path": .text(path), "reason": .text(reason)])
            }
        }
    }

    /// Writes a site held in memory (tests, small sites).
    public static func write(_ site: BuiltSite, to output: URL) throws -> Counts {
        let writer = try SiteWriter.Staging(output: output)
        let recording = site.files.sorted(by: { $0.key < $1.key })
        var manifest = OutputManifest()
        for (path, data) in recording {
            writer.put(path, data)
            manifest.files[path] = OutputManifest.Entry(digest: FileDigest(data), group: "")
        }
        return try writer.commit(manifest)
    }

    /// A build in progress: files go into the staging folder inside the output as they are
    /// rendered, from any core; `commit` moves the changed ones in, `abort` removes the
    /// staging folder. Holds the output's lock from `init` to the end of `commit` or `abort`.
    public final class Staging: SiteSink, @unchecked Sendable {
        let output: URL
        let staging: URL
        /// The same folders as plain paths: URL's path handling was 3 % of a build, on every file.
        private let outputPath: String
        private let stagingPath: String
        /// What the output held after the previous build, when its record is sound; nil when
        /// there is none (a new folder, or one whose record is missing or damaged: then no file
        /// is removed, and old files are read to compare).
        let previous: OutputRecord?
        /// The output held only xiezuo's own files when the build began (a first build, or the
        /// output removed): there is no old page to compare a new one with, and none is looked
        /// for (a lookup of a missing file walks its whole path: 1 % of a first build).
        private let heldNoPage: Bool
        private let lock: FolderLock
        private let guardLock = NSLock()
        /// The files to move in at commit.
        private var changed: [SitePath] = []
        /// Files found unchanged by reading them (their stamp is not the record's): restamped at commit.
        private var unconfirmed = Set<SitePath>()
        private var written = 0
        private var unchanged = 0
        private var failure: Failure?
        /// Seconds spent writing and comparing files, summed over cores.
        private(set) var seconds: Double = 0
        /// Files in the output that no record says xiezuo wrote, left in place.
        private(set) var foreignFiles = 0
        /// Once the journal is written the staged files belong to it: the next xiezuo command
        /// finishes the commit if this one cannot, so nothing staged may be removed.
        private var journaled = false

        /// `wait`: when another build holds the output, wait for it (saying so through
        /// `waiting`) rather than stop.
        public init(output: URL, wait: Bool = true, waiting: () -> Void = {}) throws {
            let fm = FileManager.default
            self.output = output.standardizedFileURL
            outputPath = self.output.path
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: outputPath, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw Failure.notASiteFolder(outputPath) }
                let contents = (try? fm.contentsOfDirectory(atPath: outputPath)) ?? []
                // A folder is xiezuo's when it is empty or holds xiezuo's record of it.
                guard contents.allSatisfy(SiteWriter.isOwnFile) || contents.contains(SiteWriter.marker) else {
                    throw Failure.notASiteFolder(outputPath)
                }
            } else {
                do {
                    try fm.createDirectory(atPath: outputPath, withIntermediateDirectories: true)
                } catch {
                    throw Failure.io(outputPath, error.localizedDescription)
                }
            }
            lock = try FolderLock(folder: self.output, name: SiteWriter.lockName, wait: wait, waiting: waiting)
            staging = self.output.appendingPathComponent(SiteWriter.stagingName)
            stagingPath = staging.path
            // What an earlier build was cut off in: a commit half done is finished, staged files
            // of a build that never reached its commit are removed.
            if let pending = CommitJournal.pending(in: self.output) {
                do {
                    _ = try pending.carryOut(output: self.output, staging: staging)
                } catch {
                    throw Failure.unfinishedCommit(outputPath, "\(error)")
                }
            }
            try? fm.removeItem(at: staging)
            heldNoPage = (try? fm.contentsOfDirectory(atPath: outputPath)).map { $0.allSatisfy(SiteWriter.isOwnFile) } ?? false
            previous = OutputRecord.read(in: self.output)
            do {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw Failure.io(stagingPath, error.localizedDescription)
            }
            Interruption.shared.staging(staging)
        }

        public func put(_ path: SitePath, _ data: Data) {
            store(path, data, digest: FileDigest(data))
        }

        public func put(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) {
            _ = store(path, parts: produce)
        }

        /// Writes `data` unless the output already holds exactly these bytes at `path`; returns
        /// the staged file's stamp.
        @discardableResult
        func store(_ path: SitePath, _ data: Data, digest: FileDigest) -> FileStamp? {
            var stamp: FileStamp?
            timed {
                guard !isUnchanged(path, digest: digest, sameAs: { old in
                    (try? Data(contentsOf: URL(fileURLWithPath: old))).map { $0 == data }
                })
                else { return markUnchanged(path) }
                do {
                    stamp = try FileWriting.write(data, to: stagingTarget(path), makingFolder: true, folderFirst: path.isFolderPage)
                    markChanged(path)
                } catch {
                    fail(path, error)
                }
            }
            return stamp
        }

        /// Written part by part as they come into the staging folder, then compared; returns the
        /// digest of the whole file and the staged file's stamp.
        @discardableResult
        func store(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) -> (digest: FileDigest, stamp: FileStamp?) {
            var hash = ContentHash()
            var size = 0
            var stamp: FileStamp?
            timed {
                do {
                    let target = stagingTarget(path)
                    let descriptor = try FileWriting.create(target, makingFolder: true)
                    var failure: Error?
                    produce { part in
                        hash.combine(part)
                        size += part.count
                        guard failure == nil else { return }
                        do { try FileWriting.write(part, to: descriptor, path: target) } catch { failure = error }
                    }
                    let written = FileStamp.of(descriptor: descriptor)
                    close(descriptor)
                    if let failure { throw failure }
                    let digest = FileDigest(size: size, hash: hash.value)
                    if isUnchanged(path, digest: digest, sameAs: { try? SiteWriter.sameFiles($0, target) }) {
                        try FileManager.default.removeItem(atPath: target)
                        markUnchanged(path)
                    } else {
                        stamp = written
                        markChanged(path)
                    }
                } catch {
                    fail(path, error)
                }
            }
            return (FileDigest(size: size, hash: hash.value), stamp)
        }

        /// Whether the output already holds these bytes at `path`: by the record's digest while
        /// the file keeps the stamp the record gives it, else by reading the old file.
        private func isUnchanged(_ path: SitePath, digest: FileDigest, sameAs: (_ old: String) -> Bool?) -> Bool {
            guard !heldNoPage else { return false }
            let text = path.description
            let old = outputPath + "/" + text
            guard let stamp = FileStamp.of(path: old), stamp.size == digest.size else { return false }
            if let listed = previous?.entry(text), listed.stamp == stamp { return listed.digest == digest }
            let same = sameAs(old) ?? false
            if same { guardLock.withLock { _ = unconfirmed.insert(path) } }
            return same
        }

        /// The file's place in the staging folder.
        private func stagingTarget(_ path: SitePath) -> String {
            Interruption.shared.holdIfInterrupted()
            return stagingPath + "/" + path.description
        }

        private func markChanged(_ path: SitePath) {
            guardLock.withLock {
                written += 1
                changed.append(path)
            }
        }

        private func markUnchanged(_ path: SitePath) {
            guardLock.withLock { unchanged += 1 }
        }

        private func fail(_ path: SitePath, _ error: Error) {
            guardLock.withLock {
                if failure == nil { failure = .io(stagingPath + "/" + path.description, "\(error)") }
            }
        }

        private func timed(_ work: () -> Void) {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guardLock.withLock { seconds += elapsed }
        }

        /// Makes `manifest` (the files made now, and the groups kept from the previous build as
        /// the record lists them) what the output holds: the changed files move in, the files of
        /// the previous record that the manifest neither made nor kept are removed. On an earlier
        /// write failure, removes the staging folder and leaves the output as it was.
        func commit(_ manifest: OutputManifest) throws -> Counts {
            if let failure {
                abort()
                throw failure
            }
            if let pause = ProcessHooks.pauseBeforeCommit { Thread.sleep(forTimeInterval: pause) }
            var journal = CommitJournal()
            let (unconfirmed, moved) = guardLock.withLock { (self.unconfirmed, Set(changed)) }
            if let previous {
                journal.upserts = Self.upserts(manifest, previous: previous, unconfirmed: unconfirmed, moved: moved)
                journal.removals = Self.removals(manifest, previous: previous)
            } else {
                // Without a previous record that is every file: the manifest itself, not a copy of it.
                journal.upserts = manifest
            }
            // Into a folder that holds no page yet, whole folders move at once.
            let fresh = previous?.isEmpty ?? true
                && ((try? FileManager.default.contentsOfDirectory(atPath: outputPath)) ?? []).allSatisfy(SiteWriter.isOwnFile)
            journal.moves = fresh ? ((try? FileManager.default.contentsOfDirectory(atPath: stagingPath)) ?? []).sorted()
                : changed.map(\.description)
            // A folder moved whole keeps its files' stamps: those taken as they were written hold.
            journal.stagedStampsHold = fresh
            // Nothing to change in the record: it is left as it is (a rebuild that changed nothing).
            journal.unchangedRecord = journal.upserts.files.isEmpty && journal.removals.isEmpty && previous != nil
            if previous == nil && !fresh { foreignFiles = SiteWriter.files(in: output).subtracting(manifest.files.keys).count }
            // Nothing to move, remove or record: the output already is the new site.
            if journal.moves.isEmpty && journal.removals.isEmpty && journal.unchangedRecord {
                abort()
                return Counts(written: written, unchanged: unchanged, removed: 0)
            }
            do {
                Interruption.shared.committing()
                defer { Interruption.shared.done() }
                try journal.record(in: output)
                journaled = true
                let (_, removed) = try journal.carryOut(output: output, staging: staging, record: previous)
                return Counts(written: written, unchanged: unchanged, removed: removed)
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.io(outputPath, "\(error)")
            }
        }

        /// What changes in the record: every file made that is not listed as it is now, and every
        /// file whose stamp was not confirmed (it was compared by reading), kept groups' included.
        private static func upserts(_ manifest: OutputManifest, previous: OutputRecord, unconfirmed: Set<SitePath>,
                                    moved: Set<SitePath>) -> OutputManifest {
            var upserts = OutputManifest()
            upserts.files = manifest.files.filter { path, entry in
                guard let listed = previous[path] else { return true }
                return listed.digest != entry.digest || listed.group != entry.group || listed.stamp == nil
                    || unconfirmed.contains(path) || moved.contains(path)
            }
            for path in unconfirmed where manifest.files[path] == nil {
                if let listed = previous[path], manifest.keptGroups.contains(listed.group) { upserts.files[path] = listed }
            }
            return upserts
        }

        /// The previous record's files that this build neither made nor kept.
        private static func removals(_ manifest: OutputManifest, previous: OutputRecord) -> [String] {
            let kept = previous.groups(in: manifest.keptGroups)
            return previous.rows.compactMap { row in
                kept[previous.groupNumber(row)] || manifest.files[previous.path(row)] != nil ? nil : previous.pathText(row)
            }
        }

        var hasChanges: Bool { guardLock.withLock { !changed.isEmpty } }

        /// Files kept as they are whose bytes were confirmed by reading: the record takes their
        /// new stamps at the commit.
        func confirm(_ paths: [SitePath]) {
            guard !paths.isEmpty else { return }
            guardLock.withLock { unconfirmed.formUnion(paths) }
        }

        /// Inside the staging folder, so that a build cut off leaves nothing behind it.
        func scratchFolder() throws -> URL {
            Interruption.shared.holdIfInterrupted()
            let folder = staging.appendingPathComponent(".xiezuo-scratch")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }

        /// Hard links (the same file system), copies where links are refused.
        func materialize(_ paths: [SitePath], into folder: URL) throws {
            let moved = guardLock.withLock { Set(changed) }
            let fm = FileManager.default
            var made = Set<String>()
            for path in paths {
                Interruption.shared.holdIfInterrupted()
                let source = (moved.contains(path) ? stagingPath : outputPath) + "/" + path.description
                let target = folder.path + "/" + path.description
                let parent = (target as NSString).deletingLastPathComponent
                if made.insert(parent).inserted { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                if link(source, target) != 0 { try fm.copyItem(atPath: source, toPath: target) }
            }
        }

        public func abort() {
            if !journaled { try? FileManager.default.removeItem(at: staging) }
            Interruption.shared.done()
        }
    }

    /// Every file below `folder` but xiezuo's own, as site paths.
    static func files(in folder: URL) -> Set<SitePath> {
        var found = Set<SitePath>()
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if isOwnFile(path.split(separator: "/").first.map(String.init) ?? path) {
                if path.hasPrefix(stagingName) { enumerator?.skipDescendants() }
                continue
            }
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path,
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
