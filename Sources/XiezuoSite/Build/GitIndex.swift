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
              mayBeInWorkTree(root, environment: environment),
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

    /// Whether git could find a repository for `folder`: a `.git` in it or a folder above it, or
    /// one named by GIT_DIR. Starting git only to hear that there is none was 25 ms of every
    /// build outside a clone, while both cores waited.
    static func mayBeInWorkTree(_ folder: URL, environment: [String: String]) -> Bool {
        if environment["GIT_DIR"] != nil { return true }
        var path = folder.standardizedFileURL.path
        while true {
            if FileManager.default.fileExists(atPath: path + (path.hasSuffix("/") ? "" : "/") + ".git") { return true }
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path || parent.isEmpty { return false }
            path = parent
        }
    }
}
