import XiezuoCore

/// What a build is asked for beyond the content and templates.
public struct SiteOptions: Sendable {
    /// Show every plan as of this date; nil: the latest record date anywhere in the content.
    public var asOf: Day?
    /// Only used to add canonical addresses; links stay relative.
    public var baseURL: String?

    public init(asOf: Day? = nil, baseURL: String? = nil) {
        self.asOf = asOf
        self.baseURL = baseURL
    }

    /// These options with the as-of date settled: the given one, else `fallback`.
    func settled(asOf fallback: @autoclosure () -> Day) -> SiteOptions {
        SiteOptions(asOf: asOf ?? fallback(), baseURL: baseURL)
    }
}
