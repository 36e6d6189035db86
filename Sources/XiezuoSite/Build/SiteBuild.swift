import Foundation
import XiezuoCore

/// `xiezuo build`: content on disk to a site folder, one group of plans at a time, reusing
/// what the previous build left for the groups whose inputs did not change. The steps, top
/// to bottom:
///
/// 1. scan     list content/ with each file's stamp
/// 2. shared   read and check regions, pairings, standards
/// 3. group    split the plans into independent groups (BuildGroups); settle the site's as-of
///             date (the latest record anywhere, unless given); fingerprint each group
/// 4. groups   for each group, on every core: reuse the previous build's render when the
///             fingerprint is unchanged, else load → validate → compute → render → stage
/// 5. site     home, indexes, standard comparisons, site downloads, from every group's summary
/// 6. commit   if nothing went wrong anywhere: move the changed files into the output, remove
///             the files no longer made, keep what the next build needs
///
/// Memory holds the shared content, the groups in progress and every plan's summary; plans
/// and their records are let go as soon as their group is rendered.
public struct SiteBuild {
    public let source: ContentSource
    public let output: URL
    /// Where the build keeps what the next one needs; nil: build everything, keep nothing.
    public let cache: URL?
    public let templates: TemplateSet
    public let options: SiteOptions

    public init(source: ContentSource, output: URL, cache: URL?, templates: TemplateSet, options: SiteOptions) {
        self.source = source
        self.output = output.standardizedFileURL
        self.cache = cache?.standardizedFileURL
        self.templates = templates
        self.options = options
    }

    public struct Report: Sendable {
        /// Every problem of the run, sorted by place; the build wrote nothing if one is an error.
        public let diagnostics: [Diagnostic]
        public let pages: Int
        public let files: SiteWriter.Summary?
        public let groups: Int
        public let groupsRendered: Int
        /// Seconds per stage, summed over cores: scan+load, validate, compute, render, write, cache.
        public let timings: [(String, Double)]

        public var failed: Bool { files == nil }
    }

    public func run() throws -> Report {
        let clock = StageClock()
        let started = Int64(Date().timeIntervalSince1970 * 1e9)
        // 1. scan, 2. shared
        let scan = clock.time("load") { ContentScan.scan(source) }
        let (shared, sharedProblems) = clock.time("load") { ContentLoader.readShared(scan, from: source) }
        let sharedSink = DiagnosticSink()
        clock.time("validate") { Validator.checkShared(shared, files: scan.declared, sink: sharedSink) }
        var diagnostics = scan.diagnostics + sharedProblems + sharedSink.diagnostics

        // 3. group, fingerprint
        let cache = self.cache.map { BuildCache(folder: $0, output: output) }
        let headers = clock.time("load") { readHeaders(scan, cache: cache) }
        let groups = BuildGroups.partition(planIDs: scan.planIDs, headers: headers.compactMap(\.header), shared: shared)
        // Each plan's latest record date, for the site's as-of date; not needed when it is given.
        let latest = self.options.asOf != nil ? [] : clock.time("load") { readLatestRecords(scan, cache: cache) }
        let options = self.options.settled(asOf: Engine.defaultAsOf(latestRecords: latest.compactMap(\.latest),
                                                                    years: headers.compactMap(\.header?.year)))
        let base = Fingerprint.base(program: Self.program, options: options, templates: templates,
                                    standards: scan.standardsFile.flatMap(scan.stamp(of:)))
        let previous = cache?.previous.flatMap { $0.base == base ? $0 : nil }
        let plans = clock.time("cache") {
            Parallel.map(groups) { group -> PlannedGroup in
                let (fingerprint, latest) = Fingerprint.of(group, base: base, scan: scan, shared: shared)
                // A file changed within two seconds of the previous build's listing may have
                // changed again after it was read, within the file system's clock tick.
                let settled = previous.map { latest < $0.startedAt - 2_000_000_000 } ?? false
                let kept = settled ? cache?.record(group.key, fingerprint) : nil
                return PlannedGroup(group: group, fingerprint: fingerprint, kept: kept)
            }
        }
        // What the previous build wrote for everything rendered again: the writer compares
        // new bytes with these digests, and what is not made again is removed.
        let reused = Set(plans.filter { $0.kept != nil }.map(\.group.key))
        let old = clock.time("cache") { previousOutputs(previous, cache: cache, reused: reused) }
        let writer = try SiteWriter.Staging(output: output, previous: old?.files ?? [:])
        let frame = SitePipeline.frame(shared, headers: headers.compactMap(\.header), templates: templates, options: options)
        let parts: PartStore = cache.map { cache in
            DiskPartStore(folders: Dictionary(plans.flatMap { planned in
                planned.group.plans.map { ($0, cache.partsFolder(planned.group.key, planned.fingerprint)) }
            }, uniquingKeysWith: { first, _ in first }))
        } ?? MemoryPartStore()

        // 4. groups
        let outcomes = Parallel.map(plans) { planned -> GroupOutcome in
            if let kept = planned.kept { return GroupOutcome(summaries: kept.summaries, diagnostics: kept.diagnostics, made: nil) }
            return renderGroup(planned, shared: shared, scan: scan, frame: frame, parts: parts, writer: writer,
                               cache: cache, asOf: options.asOf!, clock: clock)
        }
        diagnostics += outcomes.flatMap(\.diagnostics)
        let sorted = Diagnostic.ordered(diagnostics)
        // On any error the output and the last good state of the cache stay as they were.
        let abandon = {
            writer.abort()
            cache?.removeUnreferenced(keeping: cache?.previous)
        }
        if let failure = (parts as? DiskPartStore)?.failure {
            abandon()
            throw SiteWriter.Failure.io(cache?.folder.path ?? "", failure)
        }
        guard !sorted.contains(where: { $0.severity == .error }) else {
            abandon()
            return Report(diagnostics: sorted, pages: 0, files: nil, groups: groups.count,
                          groupsRendered: outcomes.filter { $0.made != nil }.count, timings: clock.report(writer: writer))
        }

        // 5. site
        let siteSink = RecordingSink(writer)
        let sitePages = clock.time("render") {
            SitePipeline.renderSite(frame: frame, groups: outcomes.map(\.summaries), templates: templates, parts: parts,
                                    into: siteSink)
        }

        // 6. commit
        var files = try clock.time("write") { () throws -> SiteWriter.Summary in
            cache?.invalidate()
            // What the previous build wrote and this one did not make is removed.
            let removed = old.map { old in
                outcomes.compactMap(\.made).reduce(into: Set(old.files.keys).subtracting(siteSink.outputs.files.keys)) {
                    $0.subtract($1)
                }
            }
            return try writer.commit(removing: removed)
        }
        // The files of groups kept from the previous build are in the output, unchanged.
        let kept = outcomes.filter { $0.made == nil }.reduce(0) { $0 + $1.summaries.files }
        files = SiteWriter.Summary(written: files.written, unchanged: files.unchanged + kept, removed: files.removed)
        if let cache {
            try clock.time("cache") {
                let state = BuildCache.State(base: base, startedAt: started, output: output.path, marker: nil,
                                             headers: Dictionary(headers.compactMap { read in read.cached.map { (read.id, $0) } },
                                                                 uniquingKeysWith: { a, _ in a }),
                                             latestRecords: self.options.asOf != nil ? cache.latestRecords
                                                 : Dictionary(latest.map { ($0.id, $0.cached) }, uniquingKeysWith: { a, _ in a }),
                                             groups: Dictionary(plans.map { ($0.group.key, $0.fingerprint) },
                                                                uniquingKeysWith: { a, _ in a }))
                try cache.commit(state, siteOutputs: siteSink.outputs)
            }
        }
        return Report(diagnostics: sorted, pages: sitePages + outcomes.reduce(0) { $0 + $1.summaries.pages }, files: files,
                      groups: groups.count, groupsRendered: outcomes.filter { $0.made != nil }.count,
                      timings: clock.report(writer: writer))
    }

    /// A group with its fingerprint, and the previous build's render of it when still valid.
    struct PlannedGroup {
        let group: BuildGroup
        let fingerprint: UInt64
        let kept: BuildCache.GroupRecord?
    }

    struct GroupOutcome {
        let summaries: GroupSummaries
        let diagnostics: [Diagnostic]
        /// The files rendered, nil for a group kept from the previous build.
        let made: Set<SitePath>?
    }

    /// Load → validate → compute → render one group; its record kept for the next build.
    private func renderGroup(_ planned: PlannedGroup, shared: SharedContent, scan: ContentScan, frame: SiteFrame,
                             parts: PartStore, writer: SiteWriter.Staging, cache: BuildCache?, asOf: Day,
                             clock: StageClock) -> GroupOutcome {
        let group = planned.group
        let (drafts, problems) = clock.time("load") { ContentLoader.readPlans(group.plans, of: scan, from: source) }
        let sink = DiagnosticSink()
        let content = clock.time("validate") { Validator.checkPlans(drafts, shared: shared, files: scan.declared, sink: sink) }
        let diagnostics = problems + sink.diagnostics
        // A group with errors is not rendered: the build writes nothing.
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return GroupOutcome(summaries: GroupSummaries(), diagnostics: diagnostics, made: [])
        }
        let results = clock.time("compute") { SiteBuilder.compute(content, asOf: asOf) }
        let recording = RecordingSink(writer)
        var summaries = clock.time("render") {
            SitePipeline.renderGroup(group, content: content, results: results, frame: frame, templates: templates,
                                     parts: parts, into: recording)
        }
        summaries.files = recording.outputs.files.count
        clock.time("cache") {
            try? cache?.save(BuildCache.GroupRecord(summaries: summaries, diagnostics: diagnostics), outputs: recording.outputs,
                             key: group.key, fingerprint: planned.fingerprint)
        }
        // The files made are kept only to find, over an earlier output, those no longer made.
        return GroupOutcome(summaries: summaries, diagnostics: diagnostics,
                            made: writer.outputExists ? Set(recording.outputs.files.keys) : [])
    }

    /// Each plan's header: from the cache while its plan.md keeps its stamp, else read.
    private func readHeaders(_ scan: ContentScan, cache: BuildCache?) -> [ReadHeader] {
        Parallel.map(scan.planIDs) { id in
            let stamp = scan.planFileStamp(id)
            if let stamp, let cached = cache?.headers[id], cached.stamp == stamp {
                return ReadHeader(id: id, stamp: stamp, header: cached.header)
            }
            return ReadHeader(id: id, stamp: stamp, header: ContentLoader.readHeader(ofPlan: id, in: scan, from: source))
        }
    }

    /// Each plan's latest record date: from the cache while none of its files changed, else
    /// read from its records' front matter.
    private func readLatestRecords(_ scan: ContentScan, cache: BuildCache?) -> [ReadLatest] {
        Parallel.map(scan.planIDs) { id in
            let (files, changed) = Fingerprint.ofFiles(ofPlan: id, scan: scan)
            // As for groups: a file changed right around the previous listing is read again.
            if let cached = cache?.latestRecords[id], cached.files == files,
               let listed = cache?.listedAt, changed < listed - 2_000_000_000 {
                return ReadLatest(id: id, files: files, latest: cached.latest.flatMap(Day.init(parsing:)))
            }
            return ReadLatest(id: id, files: files,
                              latest: ContentLoader.latestRecordDate(ofPlan: id, in: scan, from: source))
        }
    }

    struct ReadLatest {
        let id: String
        /// The fingerprint of the plan folder's files.
        let files: UInt64
        let latest: Day?

        var cached: BuildCache.CachedLatest { BuildCache.CachedLatest(files: files, latest: latest?.description) }
    }

    struct ReadHeader {
        let id: String
        let stamp: FileStamp?
        let header: PlanHeader?

        var cached: BuildCache.CachedHeader? { stamp.map { BuildCache.CachedHeader(stamp: $0, header: header) } }
    }

    /// What the previous build wrote for every group not kept, and for the site stage; nil
    /// when nothing is known of the previous build (then the old files are read to compare,
    /// and whatever this build does not make is removed).
    private func previousOutputs(_ previous: BuildCache.State?, cache: BuildCache?, reused: Set<String>) -> OutputList? {
        guard let previous, let cache, let site = cache.siteOutputs else { return nil }
        var all = site
        for (key, fingerprint) in previous.groups where !reused.contains(key) {
            guard let outputs = cache.outputs(key, fingerprint) else { return nil }
            all.files.merge(outputs.files) { first, _ in first }
        }
        return all
    }

    /// This program's file: a new build of xiezuo may write other bytes for the same input.
    static let program: FileStamp? = FileStamp.of(path: "/proc/self/exe")
        ?? CommandLine.arguments.first.flatMap { FileStamp.of(path: $0) }
}

/// Hands files to the writer and notes each one's digest, for the build cache.
final class RecordingSink: SiteSink, @unchecked Sendable {
    private let writer: SiteWriter.Staging
    private let lock = NSLock()
    private var list = OutputList()

    init(_ writer: SiteWriter.Staging) {
        self.writer = writer
    }

    var outputs: OutputList { lock.withLock { list } }

    func put(_ path: SitePath, _ data: Data) {
        let digest = FileDigest(data)
        writer.store(path, data, digest: digest)
        lock.withLock { list.files[path] = digest }
    }

    func put(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) {
        let digest = writer.store(path, parts: produce)
        lock.withLock { list.files[path] = digest }
    }
}

/// Time per stage, summed over the cores that worked on it.
final class StageClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [String: Double] = [:]

    func time<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.withLock { seconds[stage, default: 0] += elapsed }
        }
        return try work()
    }

    /// The stages in pipeline order; staged writes happen while rendering and count as writing.
    func report(writer: SiteWriter.Staging) -> [(String, Double)] {
        lock.withLock {
            let staged = writer.seconds
            return [("load", seconds["load"] ?? 0), ("validate", seconds["validate"] ?? 0), ("compute", seconds["compute"] ?? 0),
                    ("render", max(0, (seconds["render"] ?? 0) - staged)), ("write", (seconds["write"] ?? 0) + staged),
                    ("cache", seconds["cache"] ?? 0)]
        }
    }
}
