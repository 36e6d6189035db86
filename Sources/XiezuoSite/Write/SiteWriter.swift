import Foundation

/// The write stage. The site is written to a staging folder beside the output and swapped
/// in, so a failed build leaves the previous output untouched and files of earlier builds
/// that no longer exist disappear. A file whose bytes did not change is hard-linked from the
/// previous output instead of written, keeping its modification time, so that rsync to the
/// server moves only what changed.
public enum SiteWriter {
    /// Marks a folder as made by Xiezuo: only such a folder is ever replaced.
    static let marker = ".xiezuo-site"

    public struct Summary: Sendable {
        public let written: Int
        public let unchanged: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case notASiteFolder(String)
        case io(String, String)

        public var description: String {
            switch self {
            case .notASiteFolder(let path):
                return "\(path) exists and was not made by xiezuo; remove it or choose another --output"
            case .io(let path, let reason):
                return "cannot write \(path): \(reason)"
            }
        }
    }

    public static func write(_ site: BuiltSite, to output: URL) throws -> Summary {
        let fm = FileManager.default
        let output = output.standardizedFileURL
        var isFolder: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            guard isFolder.boolValue, contents.isEmpty || contents.contains(marker) else {
                throw Failure.notASiteFolder(output.path)
            }
        }
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var written = 0
            var unchanged = 0
            var folders = Set<String>()
            for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
                let target = staging.appendingPathComponent(path.description)
                let folder = target.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let previous = output.appendingPathComponent(path.description)
                if exists, sameBytes(previous, data), (try? fm.linkItem(at: previous, to: target)) != nil {
                    unchanged += 1
                } else {
                    try data.write(to: target)
                    written += 1
                }
            }
            try Data().write(to: staging.appendingPathComponent(marker))
            if exists { try fm.moveItem(at: output, to: retired) }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: retired)
            return Summary(written: written, unchanged: unchanged)
        } catch let failure as Failure {
            try? fm.removeItem(at: staging)
            throw failure
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure.io(output.path, error.localizedDescription)
        }
    }

    private static func sameBytes(_ url: URL, _ data: Data) -> Bool {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber,
              size.intValue == data.count else { return false }
        return (try? Data(contentsOf: url)) == data
    }
}
