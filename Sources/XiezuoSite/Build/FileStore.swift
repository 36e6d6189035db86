import Foundation
import XiezuoCore

/// Takes a build's files as they are rendered, from every core at once, until the build
/// commits them or gives up: the output folder's staging (SiteWriter.Staging) or memory.
protocol FileStore: AnyObject, Sendable {
    /// What the destination held after the previous build, when it keeps a record.
    var previous: OutputRecord? { get }
    /// Returns the stamp the file has where it was stored, when the store keeps it in a file
    /// and wrote it (nil for a file the destination already holds).
    @discardableResult
    func store(_ path: SitePath, _ data: Data, digest: FileDigest) -> FileStamp?
    /// A file too large to hold at once, handed over part by part; returns its digest and stamp.
    func store(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) -> (digest: FileDigest, stamp: FileStamp?)
    /// Publishes what was stored: the destination then holds exactly the files `manifest` lists.
    func commit(_ manifest: OutputManifest) throws -> SiteWriter.Counts
    /// Drops what was stored; the destination stays as it was.
    func abort()
    /// Seconds spent storing, summed over cores (counted as writing, not rendering).
    var seconds: Double { get }
    /// Files in the destination that no build of xiezuo made (left in place).
    var foreignFiles: Int { get }
    /// Files kept from the previous build whose bytes were confirmed by reading (their stamps
    /// changed): their new stamps are recorded at the commit.
    func confirm(_ paths: [SitePath])
    /// Whether any file stored so far differs from what the destination holds.
    var hasChanges: Bool { get }
    /// A new, empty folder for work on the destination's file system; the caller removes it
    /// before the commit.
    func scratchFolder() throws -> URL
    /// Puts the bytes each of `paths` will have once committed (stored now, or kept from the
    /// previous build) into `folder`, at the same relative paths.
    func materialize(_ paths: [SitePath], into folder: URL) throws
}

extension SiteWriter.Staging: FileStore {}
