import Foundation
import XiezuoCore

/// What a group's pages are made from, reduced to one number: if it is the same as in the
/// previous build, so are the pages. Built from the content hashes of its files (FileHashes:
/// read again only when a file's stamp changed), so that a fresh clone of the same content
/// has the same fingerprints.
enum Fingerprint {
    /// Raised whenever what a build writes for the same input changes.
    static let version: UInt64 = 1

    /// What every page depends on: the program (its sources' digest: the same wherever it is
    /// built), the build options, the look, and the standard indicators (every indicator page
    /// names its standard).
    static func base(options: SiteOptions, templates: TemplateSet, standards: UInt64?) -> UInt64 {
        var hash = ContentHash()
        hash.combine(version)
        hash.combine(ProgramIdentity.digest)
        hash.combine(options.asOf?.description ?? "")
        hash.combine(options.baseURL ?? "\u{0}")
        // Every page's header has the search box, or none.
        hash.combine(options.search ? "search" : "")
        hash.combine(templates.digest)
        hash.combine(standards ?? UInt64.max)
        return hash.value
    }

    /// A group's fingerprint: its plan folders' (`planFolders`, made once by `ofFiles` for every
    /// plan), its pairings' files and its regions' (and those of both sides of its pairings).
    static func of(_ group: BuildGroup, base: UInt64, planFolders: [String: UInt64], hashes: FileHashes,
                   shared: SharedContent) -> UInt64 {
        var hash = ContentHash(seed: base)
        func file(_ path: String) {
            hash.combine(path)
            hash.combine(hashes.hash(path) ?? UInt64.max)
        }
        hash.combine(group.key)
        for plan in group.plans {
            hash.combine(plan)
            hash.combine(planFolders[plan] ?? UInt64.max)
        }
        // A group's pages name both sides of its pairings, and show its regions' units.
        var regions = Set(group.regions)
        for id in group.pairings {
            file(ContentScan.pairingFile(id))
            if let pairing = shared.pairing(id) { regions.formUnion([pairing.helping, pairing.helped]) }
        }
        for id in regions.sorted() { file(ContentScan.regionFile(id)) }
        return hash.value
    }

    /// One plan folder's files alone, by path and content: what the plan's latest record date is
    /// kept for, and its part of its group's fingerprint.
    static func ofFiles(ofPlan id: String, scan: ContentScan, hashes: FileHashes) -> UInt64 {
        var hash = ContentHash()
        let files = scan.files(ofPlan: id)
        hash.combine(UInt64(files.count))
        for (path, _) in files {
            hash.combine(path)
            hash.combine(hashes.hash(path) ?? UInt64.max)
        }
        return hash.value
    }
}
