import Foundation
import XiezuoCore

/// The site's search index, made by Pagefind's extended build (PyPI `pagefind-bin-extended`,
/// installed by scripts/bootstrap): the plain build cannot split Chinese text into words. The
/// index is static files under `pagefind/`, read by the search page's script in the browser;
/// it is made from the new site's pages as they will be published, before the commit, so the
/// published index always matches the published pages.
public enum SearchIndex {
    /// The index's folder in the site.
    static let folder = "pagefind"
    /// The program's name, looked for on PATH unless XIEZUO_PAGEFIND names it.
    public static let toolName = "pagefind_extended"

    /// The Pagefind program to use, or nil when it is not installed.
    public static func locateTool(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        ExternalProgram.locate([toolName], overriddenBy: "XIEZUO_PAGEFIND", environment: environment)
    }

    /// Longest wait for the index, in seconds (about 3 ms a page here: 32 s for 11,105 pages).
    static let timeout: TimeInterval = 3600

    /// The index of `pages`, whose bytes `store` holds, as files under `pagefind/`, in path order.
    /// `scratch` is an empty folder on the output's file system, removed afterwards.
    static func make(pages: [SitePath], from store: FileStore, tool: URL, scratch: URL) throws -> [(SitePath, Data)] {
        let fm = FileManager.default
        defer { try? fm.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        let index = scratch.appendingPathComponent("index")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        try store.materialize(pages, into: site)
        // Result links keep index.html, so that they open from any server and sub-path.
        try ExternalProgram(url: tool, scratch: scratch).run(["--site", site.path, "--output-path", index.path,
                                                              "--keep-index-url", "--silent"], timeout: timeout)
        var files: [(SitePath, Data)] = []
        let listing = fm.enumerator(at: index, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = listing?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = url.path.dropFirst(index.path.count + 1).split(separator: "/").map(String.init)
            files.append((SitePath([folder] + relative), try Data(contentsOf: url)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
