import Foundation
import XiezuoCore

/// Where a build puts the site.
public enum SiteDestination: Sendable {
    /// A folder, written atomically (SiteWriter), with a cache for the next build (nil: keep
    /// nothing, build everything).
    case folder(URL, cache: URL?)
    /// Memory: tests, and whoever serves the site without writing it.
    case memory
}

/// A site built in memory: every file's path and bytes.
public struct BuiltSite: Sendable {
    public let files: [SitePath: Data]
    public let pages: Int
}
