import Foundation
import XiezuoCore

/// What a group's pages are made from, reduced to one number: if it is the same as in the
/// previous build, so are the pages. Built from file stamps (size, times, inode), never from
/// reading the files.
enum Fingerprint {
    /// Raised whenever what a build writes for the same input changes.
    static let version: UInt64 = 1

    /// What every page depends on: the program itself, the build options, the look, and the
    /// standard indicators (every indicator page names its standard).
    static func base(program: FileStamp?, options: SiteOptions, templates: TemplateSet, standards: FileStamp?) -> UInt64 {
        var hash = ContentHash()
        hash.combine(version)
        combine(program, into: &hash)
        hash.combine(options.asOf?.description ?? "")
        hash.combine(options.baseURL ?? "\u{0}")
        // Every page's header has the search box, or none.
        hash.combine(options.search ? "search" : "")
        hash.combine(templates.digest)
        combine(standards, into: &hash)
        return hash.value
    }

    /// A group's fingerprint, and the latest time any of its files changed.
    static func of(_ group: BuildGroup, base: UInt64, scan: ContentScan, shared: SharedContent) -> (UInt64, latest: Int64) {
        var hash = ContentHash(seed: base)
        var latest: Int64 = 0
        func file(_ path: String, _ stamp: FileStamp?) {
            hash.combine(path)
            combine(stamp, into: &hash)
            latest = max(latest, stamp?.modified ?? 0, stamp?.changed ?? 0)
        }
        func file(_ path: String) { file(path, scan.stamp(of: path)) }
        hash.combine(group.key)
        for plan in group.plans {
            let files = scan.files(ofPlan: plan)
            hash.combine(UInt64(files.count))
            for (path, stamp) in files { file(path, stamp) }
        }
        // A group's pages name both sides of its pairings, and show its regions' units.
        var regions = Set(group.regions)
        for id in group.pairings {
            file(ContentScan.pairingFile(id))
            if let pairing = shared.pairing(id) { regions.formUnion([pairing.helping, pairing.helped]) }
        }
        for id in regions.sorted() { file(ContentScan.regionFile(id)) }
        return (hash.value, latest)
    }

    /// The stamps of one plan folder's files alone, and the latest time any of them changed.
    static func ofFiles(ofPlan id: String, scan: ContentScan) -> (UInt64, latest: Int64) {
        var hash = ContentHash()
        var latest: Int64 = 0
        for (path, stamp) in scan.files(ofPlan: id) {
            hash.combine(path)
            combine(stamp, into: &hash)
            latest = max(latest, stamp.modified, stamp.changed)
        }
        return (hash.value, latest)
    }

    private static func combine(_ stamp: FileStamp?, into hash: inout ContentHash) {
        guard let stamp else { return hash.combine(UInt64.max) }
        hash.combine(stamp.size)
        hash.combine(stamp.modified)
        hash.combine(stamp.changed)
        hash.combine(stamp.inode)
    }
}
