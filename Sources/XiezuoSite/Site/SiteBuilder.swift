import Foundation
import XiezuoCore

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

/// Where rendered files go as soon as each is ready: the disk (SiteWriter) or memory (BuiltSite).
/// Called from every core at once.
public protocol SiteSink: Sendable {
    func put(_ path: SitePath, _ data: Data)
    /// A file too large to hold in memory at once (results.json holds every plan): `produce`
    /// hands its bytes over part by part, in order.
    func put(_ path: SitePath, parts produce: (_ part: (Data) -> Void) -> Void)
}

extension SiteSink {
    /// Sinks that keep files in memory anyway gather the parts.
    public func put(_ path: SitePath, parts produce: (_ part: (Data) -> Void) -> Void) {
        var data = Data()
        produce { data.append($0) }
        put(path, data)
    }
}

/// A built site, in memory: every file's path and bytes.
public struct BuiltSite: Sendable {
    public let files: [SitePath: Data]
    public let pages: Int
}

/// Collects files in memory, for tests and small sites.
final class MemorySink: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [SitePath: Data] = [:]

    func put(_ path: SitePath, _ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        if files[path] == nil { files[path] = data }
    }

    var collected: [SitePath: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}

/// The compute and render stages over content already loaded and validated as a whole: the
/// site in memory, for tests and `xiezuo` commands other than `build`. It takes the same steps
/// as a build from disk (SiteBuild) — group by group, then the site-wide pages from the
/// groups' summaries — so both give the same bytes.
public enum SiteBuilder {
    public static func build(_ content: Content, templates: TemplateSet, options: SiteOptions = SiteOptions()) -> BuiltSite {
        let options = options.settled(asOf: Engine.defaultAsOf(in: content))
        let sink = MemorySink()
        let parts = MemoryPartStore()
        let frame = SitePipeline.frame(content.shared, headers: content.plans.map(\.header), templates: templates, options: options)
        let groups = BuildGroups.partition(planIDs: content.plans.map(\.id), headers: content.plans.map(\.header),
                                           shared: content.shared)
        let outcomes = Parallel.map(groups) { group in
            let slice = content.slice(group.plans)
            return SitePipeline.renderGroup(group, content: slice, results: compute(slice, asOf: options.asOf!), frame: frame,
                                            templates: templates, parts: parts, into: sink)
        }
        let pages = SitePipeline.renderSite(frame: frame, groups: outcomes, templates: templates, parts: parts, into: sink)
        return BuiltSite(files: sink.collected, pages: pages + outcomes.reduce(0) { $0 + $1.pages })
    }

    /// The compute stage: every plan as of the site's date, on every core (plans are independent).
    public static func compute(_ content: Content, asOf: Day) -> [String: PlanResult] {
        Dictionary(uniqueKeysWithValues: Parallel.map(content.plans) { plan in
            (plan.id, Engine.evaluate(plan, in: content, asOf: asOf))
        })
    }
}
