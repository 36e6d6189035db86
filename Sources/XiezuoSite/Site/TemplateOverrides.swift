import Foundation
import XiezuoCore

extension TemplateSet {
    /// A site folder's own templates/ (and strings.yaml), which replace the built-in ones of the
    /// same name; empty when the folder has none. Problems reading them go to `sink`.
    public static func overrides(in root: URL, sink: DiagnosticSink) -> [String: Data] {
        // A site without its own templates/ uses the built-in look.
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path) else { return [:] }
        let source = DiskContentSource(root: root)
        let listing = source.files(under: "templates")
        for problem in listing.problems { sink.error(problem.message, at: SourceLocation(file: problem.path)) }
        var files: [String: Data] = [:]
        for path in listing.files where !path.hasSuffix("README.md") {
            switch source.read(path, limit: 8 * 1024 * 1024) {
            case .data(let data): files[String(path.dropFirst("templates/".count))] = data
            case .tooLarge(let size): sink.error(.templateTooLarge, ["size": "\(size)"], at: SourceLocation(file: path))
            case .unreadable(let reason): sink.error(.unreadableFile, ["reason": .message(reason)], at: SourceLocation(file: path))
            }
        }
        return files
    }
}
