import Foundation
import XiezuoCore

/// The small valid site every content input starts from (Fuzz/seed-site: two regions, a
/// pairing, a plan with two tasks, two indicators and one record), and where a bundled file
/// goes in it: a record replaces its record, a plan.md its plan.md, a region a region.
enum TinySite {
    static func files(in folder: URL) throws -> [String: Data] {
        let disk = DiskContentSource(root: folder)
        var files: [String: Data] = [:]
        for path in disk.files(under: "content").files {
            guard case .data(let data) = disk.read(path, limit: 1 << 20) else { continue }
            files[path] = data
        }
        guard !files.isEmpty else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path]) }
        return files
    }

    static func target(for path: String) -> String? {
        let plan = "content/plans/a-b-2022/"
        if path.hasPrefix("content/regions/") { return path.utf8.count % 2 == 0 ? "content/regions/a.yaml" : "content/regions/b.yaml" }
        if path.hasPrefix("content/pairings/") { return "content/pairings/a-b.md" }
        if path == "content/standards.yaml" { return "content/standards.yaml" }
        if path.hasSuffix("/plan.md") { return plan + "plan.md" }
        if path.hasSuffix("/tasks.yaml") { return plan + "tasks.yaml" }
        if path.hasSuffix("/indicators.yaml") { return plan + "indicators.yaml" }
        if path.contains("/progress/") { return plan + "progress/2022-06-区教育局.md" }
        return nil
    }
}
