import Foundation
import XiezuoCore

/// What a build is asked for beyond the content and templates.
public struct SiteOptions: Sendable {
    /// Show every plan as of this date; nil: the latest record date anywhere in the content.
    public var asOf: Day?
    /// Only used to add canonical addresses; links stay relative.
    public var baseURL: String?
    /// Pagefind's extended build, which makes the search index; nil: a site without search
    /// (no search box, no search page).
    public var searchTool: URL?

    public init(asOf: Day? = nil, baseURL: String? = nil, searchTool: URL? = nil) {
        self.asOf = asOf
        self.baseURL = baseURL
        self.searchTool = searchTool
    }

    /// These options with the as-of date settled: the given one, else `fallback`.
    func settled(asOf fallback: @autoclosure () -> Day) -> SiteOptions {
        SiteOptions(asOf: asOf ?? fallback(), baseURL: baseURL, searchTool: searchTool)
    }

    /// Whether the site has search.
    var search: Bool { searchTool != nil }
}
