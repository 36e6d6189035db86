import Foundation

/// What git already knows of the content files in a clone: the blob id of every tracked file
/// that `git diff-files` finds unchanged since checkout. A CI job on a fresh clone learns from
/// git's index in a fraction of a second what reading a quarter of a million files to hash them
/// would take seconds to learn. Without git, outside a git work tree, or when git fails, there
/// is nothing to learn and every file is read.
enum GitIndex {
    /// Path (relative to `root`) → the first 64 bits of its blob id, for the tracked files below
    /// `folder` that are unchanged in the working tree; nil when git cannot tell.
    static func unchangedBlobs(root: URL, under folder: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: UInt64]? {
        guard environment["XIEZUO_NO_GIT"] == nil,
              FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path),
              let url = ExternalProgram.locate(["git"], overriddenBy: "XIEZUO_GIT", environment: environment) else { return nil }
        let git = ExternalProgram(url: url)
        // `diff-files` refreshes nothing and trusts the index's stamps, reading a file only
        // where git cannot tell by its stamp (a change within the index's clock tick).
        guard let listed = try? git.output(["-C", root.path, "ls-files", "--stage", "-z", "--", folder], timeout: 120),
              let modified = try? git.output(["-C", root.path, "diff-files", "--name-only", "--relative", "-z", "--", folder],
                                             timeout: 120) else { return nil }
        let changed = Set(modified.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
        var blobs: [String: UInt64] = [:]
        for entry in listed.split(separator: 0) {
            // "<mode> <blob id> <stage>\t<path>"
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = entry[entry.startIndex..<tab].split(separator: UInt8(ascii: " "))
            guard fields.count == 3, fields[2].elementsEqual([UInt8(ascii: "0")]), fields[1].count >= 16,
                  let blob = UInt64(String(decoding: fields[1].prefix(16), as: UTF8.self), radix: 16) else { continue }
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            if !changed.contains(path) { blobs[path] = blob }
        }
        return blobs
    }
}
