import Foundation
import XiezuoCore

/// Prints a page of a built site to PDF with headless Chromium (Debian package `chromium`), as
/// a reader would print it from the browser: the site's own print style sheet sets the A4 page.
public enum BrowserPrint {
    /// Looked for on PATH in this order, unless XIEZUO_CHROMIUM names the program.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// Longest wait for one page, in seconds.
    static let timeout: TimeInterval = 120

    public struct Failure: MessageError {
        public let message: Message
    }

    /// The browser to print with, or nil when none is installed.
    public static func locateBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        ExternalProgram.locate(names, overriddenBy: "XIEZUO_CHROMIUM", environment: environment)
    }

    /// Prints `page` of `site` to `pdf`. Only the page and the site's assets (its style sheets)
    /// are written out, into a temporary folder removed afterwards.
    public static func print(_ page: SitePath, of site: BuiltSite, to pdf: URL, browser: URL) throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("xiezuo-print-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        for (path, data) in site.files where path == page || path.segments.first == "assets" {
            let target = folder.appendingPathComponent(path.description)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        let partial = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).part")
        try? fm.removeItem(at: partial)
        do {
            try ExternalProgram(url: browser, scratch: folder).run(
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                 "--user-data-dir=" + folder.appendingPathComponent(".profile").path,
                 "--print-to-pdf=" + partial.path, folder.appendingPathComponent(page.description).absoluteString],
                timeout: timeout)
        } catch let failure as ExternalProgram.Failure {
            try? fm.removeItem(at: partial)
            throw Failure(message: failure.message)
        }
        guard ((try? fm.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0) > 0 else {
            try? fm.removeItem(at: partial)
            throw Failure(message: Message(.noPDFWritten, ["browser": .text(browser.path)]))
        }
        // The PDF appears whole or not at all.
        guard rename(partial.path, pdf.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: partial)
            throw Failure(message: Message(.cannotWrite, ["path": .text(pdf.path), "reason": .text(reason)]))
        }
    }
}
