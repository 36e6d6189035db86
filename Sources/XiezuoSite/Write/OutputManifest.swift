import Foundation
import XiezuoCore

/// What a build hands to its commit: every file it made, with its digest and group, and the
/// groups it kept from the previous build, whose files stay as the output's record
/// (OutputRecord) lists them. A rebuild that renders one group of a thousand names the other
/// groups instead of listing their pages again (a national site has a million).
struct OutputManifest: Sendable {
    struct Entry: Sendable, Equatable {
        let digest: FileDigest
        /// The group of plans that made the file; "" for the site-wide pages.
        let group: String
        /// Size, times and inode: in a record, the file's once in place; in a build's own list,
        /// the staged file's as it was written (CommitJournal.stagedStampsHold says when that is
        /// also its stamp in place); nil when not known.
        var stamp: FileStamp?
    }

    /// The files made by this build.
    var files: [SitePath: Entry] = [:]
    /// Keys of the groups kept from the previous build: their files are the record's.
    var keptGroups: Set<String> = []

    init() {}
}
