import Foundation
@testable import XiezuoCore
@testable import XiezuoSite

/// The bundled site, built once in memory with the embedded templates.
enum BundledSite {
    static let templates: TemplateSet = {
        let sink = DiagnosticSink()
        guard let set = TemplateSet.load(overrides: [:], language: "zh-CN", sink: sink) else {
            fatalError("the default templates do not load: \(sink.sorted)")
        }
        return set
    }()

    /// Built from content/ on disk, the way `xiezuo build` builds it.
    static let site = build(DiskContentSource(root: Bundled.root))

    /// A site made by the one build path (SiteBuild), in memory; fails the test run when the
    /// build reports an error.
    static func build(_ source: ContentSource, templates: TemplateSet = templates, asOf: Day? = nil) -> BuiltSite {
        let build = SiteBuild(source: source, destination: .memory, templates: templates, options: SiteOptions(asOf: asOf))
        guard let outcome = try? build.run(), let site = outcome.site else {
            fatalError("the test site does not build: \((try? build.run())?.diagnostics ?? [])")
        }
        return site
    }

    static func html(_ path: String) -> String? {
        site.files[SitePath(path.split(separator: "/").map(String.init))].flatMap { String(data: $0, encoding: .utf8) }
    }

    static var pages: [SitePath] { site.files.keys.filter { $0.segments.last == "index.html" }.sorted() }
}

extension BundledSite {
    /// Where the links of a page lead.
    static func links(_ path: String) -> Set<SitePath> {
        let page = SitePath(path.split(separator: "/").map(String.init))
        return Set(HTML.attributes("href", in: html(path) ?? "").compactMap { HTML.resolve($0, from: page) })
    }
}

/// Reads attributes and text out of generated HTML for assertions.
enum HTML {
    static func attributes(_ name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s\(name)=\"([^\"]*)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    /// Text with tags removed and entities left as they are.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// Resolves a relative link from `page` to a site path, or nil for an anchor-only link.
    static func resolve(_ href: String, from page: SitePath) -> SitePath? {
        let withoutAnchor = href.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !withoutAnchor.isEmpty else { return nil }
        var segments = Array(page.segments.dropLast())
        for part in withoutAnchor.split(separator: "/") {
            if part == ".." { segments = Array(segments.dropLast()) } else if part != "." {
                segments.append(part.removingPercentEncoding ?? String(part))
            }
        }
        return SitePath(segments)
    }
}
