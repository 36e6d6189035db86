import Foundation
import XiezuoCore

/// The one way a site is made — by `xiezuo build`, the tests and anything that serves the
/// site: content (on disk or in memory) to a site folder or to memory, one group of plans at a
/// time, reusing what the previous build left for the groups whose inputs did not change. The
/// steps, top to bottom:
///
/// 1. scan     list content/ with each file's stamp
/// 2. shared   read and check regions, pairings, standards
/// 3. group    hash every content file whose stamp changed (FileHashes; git's index in a
///             clone); split the plans into independent groups (BuildGroups); settle the site's
///             as-of date (the latest record anywhere, unless given); fingerprint each group
/// 4. groups   for each group, on every core: reuse the previous build's render when the
///             fingerprint is unchanged and its pages are in the output, else load → validate →
///             compute → render → stage
/// 5. site     home, indexes, standard comparisons, site downloads, from every group's summary;
///             the search index of the new pages (SearchIndex), when Pagefind is there
/// 6. commit   if nothing went wrong anywhere: move the changed files into the output, remove
///             the files no longer made, keep what the next build needs
///
/// Memory holds the shared content, the groups in progress and every plan's summary; plans
/// and their records are let go as soon as their group is rendered.
public struct SiteBuild {
    public let source: ContentSource
    public let destination: SiteDestination
    public let templates: TemplateSet
    public let options: SiteOptions

    /// When another build holds the output or the cache: wait for it (calling `waiting` first)
    /// or stop with SiteWriter.Failure.busy.
    public var wait = true
    public var waiting: @Sendable () -> Void = {}
    /// Warnings found loading the templates, listed with the build's own problems.
    public var templateProblems: [Diagnostic] = []
    /// Told as the build goes, from any core.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(source: ContentSource, destination: SiteDestination, templates: TemplateSet,
                options: SiteOptions = SiteOptions()) {
        self.source = source
        switch destination {
        case .folder(let output, let cache):
            self.destination = .folder(output.standardizedFileURL, cache: cache?.standardizedFileURL)
        case .memory:
            self.destination = .memory
        }
        self.templates = templates
        self.options = options
    }

    /// The output folder; nil for a build in memory.
    public var output: URL? {
        if case .folder(let output, _) = destination { return output }
        return nil
    }

    /// Where the build keeps what the next one needs; nil: build everything, keep nothing.
    public var cache: URL? {
        if case .folder(_, let cache) = destination { return cache }
        return nil
    }

    /// What a build did.
    public struct Outcome: Sendable {
        /// Every problem of the run, sorted by place; the build wrote nothing if one is an error.
        public let diagnostics: [Diagnostic]
        public let pages: Int
        public let files: SiteWriter.Counts?
        public let groups: Int
        public let groupsRendered: Int
        /// Seconds per stage, summed over cores, in pipeline order.
        public let timings: [(BuildStage, Double)]
        /// The site, for a build in memory that succeeded.
        public let site: BuiltSite?

        public var failed: Bool { files == nil }
    }

    public func run() throws -> Outcome {
        try checkFolders()
        let clock = StageClock()
        let counter = ProgressCounter(progress)
        let started = Int64(Date().timeIntervalSince1970 * 1e9)
        // The output's lock, a commit an earlier build was cut off in finished, and the record of
        // what the output holds: before anything is read.
        let writer: FileStore = try output.map { try SiteWriter.Staging(output: $0, wait: wait, waiting: waiting) } ?? MemoryStore()
        let cache = try output.flatMap { output in
            try self.cache.map { try BuildCache(folder: $0, output: output, wait: wait, waiting: waiting) }
        }
        // 1. scan, 2. shared
        let scan = clock.time(.load) { ContentScan.scan(source) }
        let (shared, sharedProblems) = clock.time(.load) { ContentLoader.readShared(scan, from: source) }
        let sharedSink = DiagnosticSink()
        clock.time(.validate) { Validator.checkShared(shared, files: scan.declared, sink: sharedSink) }
        var diagnostics = templateProblems + scan.diagnostics + sharedProblems + sharedSink.diagnostics

        // 3. group, fingerprint: from the content of every file, read again only where its stamp changed.
        // The table of content hashes is saved for the next build as soon as it is made, and let
        // go once the fingerprints are made from it: at a national scale it is 200 MB.
        let headers: [ReadHeader], groups: [BuildGroup], latest: [ReadLatest], options: SiteOptions
        let base: UInt64, fingerprints: [UInt64], filesRead: Int
        do {
            let hashes = clock.time(.cache) {
                let disk = source as? DiskContentSource
                return FileHashes.make(scan.allFiles, previous: cache?.takeFileHashes(), listedAt: cache?.listedAt, source: source,
                                       git: disk.map { disk in { GitIndex.unchangedBlobs(root: disk.root, under: "content") } })
            }
            do {
                try clock.time(.cache) { try cache?.save(hashes) }
            } catch {
                writer.abort()
                throw SiteWriter.Failure.io(cache?.folder.path ?? "", "\(error)")
            }
            headers = clock.time(.load) { readHeaders(scan, hashes: hashes, cache: cache) }
            groups = BuildGroups.partition(planIDs: scan.planIDs, headers: headers.compactMap(\.header), shared: shared)
            // Each plan's latest record date, for the site's as-of date; not needed when it is given.
            // Each plan folder's fingerprint, once: for its latest record date and its group's fingerprint.
            let planFolders = clock.time(.cache) {
                Dictionary(uniqueKeysWithValues: Parallel.map(scan.planIDs) { ($0, Fingerprint.ofFiles(ofPlan: $0, scan: scan, hashes: hashes)) })
            }
            latest = self.options.asOf != nil ? [] : clock.time(.load) { readLatestRecords(scan, planFolders: planFolders, cache: cache) }
            options = self.options.settled(asOf: Engine.defaultAsOf(latestRecords: latest.compactMap(\.latest),
                                                                    years: headers.compactMap(\.header?.year)))
            base = Fingerprint.base(options: options, templates: templates, standards: scan.standardsFile.flatMap(hashes.hash))
            fingerprints = clock.time(.cache) {
                Parallel.map(groups) { Fingerprint.of($0, base: base, planFolders: planFolders, hashes: hashes, shared: shared) }
            }
            filesRead = hashes.read
        }
        let previous = cache?.previous.flatMap { $0.base == base ? $0 : nil }
        let record = writer.previous
        let outputPath = output?.path ?? ""
        let plans = clock.time(.cache) { () -> [PlannedGroup] in
            // Gathered once: filtering the whole record for each of a thousand groups was quadratic.
            let recordRows = record?.rowsByGroup() ?? []
            let groupNumbers = Dictionary((record?.groups ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            return Parallel.map(Array(zip(groups, fingerprints))) { group, fingerprint -> PlannedGroup in
                // A group is kept only while every page it made is in the output with the bytes
                // recorded: a page edited, replaced or removed by hand is made again.
                let rendered = PlannedGroup(group: group, fingerprint: fingerprint, kept: nil, reread: [])
                guard previous != nil, let kept = cache?.record(group.key, fingerprint), let record else { return rendered }
                let rows = groupNumbers[group.key].map { recordRows[$0] } ?? []
                guard rows.count == kept.summaries.files else { return rendered }
                var reread: [SitePath] = []
                for row in rows.lazy.map(Int.init) {
                    switch record.check(row, in: outputPath) {
                    case .asListed: continue
                    case .sameBytes: reread.append(record.path(row))
                    case .changed: return rendered
                    }
                }
                return PlannedGroup(group: group, fingerprint: fingerprint, kept: kept, reread: reread)
            }
        }
        // Pages found by reading (their stamps changed, not their bytes) get their new stamps recorded.
        writer.confirm(plans.flatMap(\.reread))
        // Workbooks are put together in the staging area: on the output's file system, and a
        // build cut off leaves none of their files behind (the next build removes the staging
        // area). libxlsxwriter makes a file per part of a workbook: at 100 plans on tmpfs, made
        // in /tmp on the disk they cost 0.13 s of system time more.
        let scratch = plans.contains(where: { $0.kept == nil }) ? try? writer.scratchFolder() : nil
        let frame = SiteRenderer.frame(shared, headers: headers.compactMap(\.header), templates: templates, options: options,
                                       scratch: scratch)
        let parts: PartStore = cache.map { cache in
            DiskPartStore(folders: Dictionary(plans.flatMap { planned in
                planned.group.plans.map { ($0, cache.partsFolder(planned.group.key, planned.fingerprint)) }
            }, uniquingKeysWith: { first, _ in first }))
        } ?? MemoryPartStore()

        // 4. groups
        counter.planned(groups: plans.count, kept: plans.filter { $0.kept != nil }.count, filesRead: filesRead)
        var outcomes = Parallel.map(plans) { planned -> GroupOutcome in
            if let kept = planned.kept {
                counter.groupDone(pages: kept.summaries.pages)
                return GroupOutcome(summaries: kept.summaries, diagnostics: kept.diagnostics, files: [], rendered: false)
            }
            let outcome = renderGroup(planned, shared: shared, scan: scan, frame: frame, parts: parts, writer: writer,
                                      cache: cache, asOf: options.asOf!, clock: clock)
            counter.groupDone(pages: outcome.summaries.pages)
            return outcome
        }
        if let scratch = frame.scratch { try? FileManager.default.removeItem(at: scratch) }
        diagnostics += outcomes.flatMap(\.diagnostics)
        let sorted = Diagnostic.ordered(diagnostics)
        // On any error the output and the last good state of the cache stay as they were.
        let abandon = {
            writer.abort()
            cache?.removeUnreferenced(keeping: cache?.previous)
        }
        let rendered = outcomes.filter(\.rendered).count
        guard !sorted.contains(where: { $0.severity == .error }) else {
            abandon()
            return Outcome(diagnostics: sorted, pages: 0, files: nil, groups: groups.count, groupsRendered: rendered,
                          timings: clock.report(writer: writer), site: nil)
        }

        // 5. site
        let siteSink = RecordingSink(writer, group: "")
        let sitePages = clock.time(.render) {
            SiteRenderer.renderSite(frame: frame, groups: outcomes.map(\.summaries), templates: templates, parts: parts,
                                    into: siteSink)
        }
        // A UI string the program asked for and strings.yaml lacks would be published as its key.
        let missingStrings = templates.strings.missingKeys
        guard missingStrings.isEmpty else {
            abandon()
            let problems = missingStrings.map {
                Diagnostic(.error, at: SourceLocation(file: "templates/strings.yaml"), Message(.undefinedUIString, ["key": .text($0)]))
            }
            return Outcome(diagnostics: Diagnostic.ordered(sorted + problems), pages: 0, files: nil, groups: groups.count,
                          groupsRendered: rendered, timings: clock.report(writer: writer), site: nil)
        }
        // A share of a download kept in the cache that cannot be read back whole: the cache is
        // damaged, and this build would publish a download with a plan missing.
        if let failure = (parts as? DiskPartStore)?.failure {
            abandon()
            cache?.discard()
            throw SiteWriter.Failure.io(cache?.folder.path ?? "", failure + "; the build cache was set aside, build again")
        }

        counter.step(.site, pages: sitePages)
        // 6. commit: the new record lists the kept groups' pages as they are and every page made now.
        var next = OutputManifest()
        next.keptGroups = Set(zip(plans, outcomes).filter { !$1.rendered }.map(\.0.group.key))
        next.files.reserveCapacity(outcomes.reduce(0) { $0 + $1.files.count } + 512)
        for index in outcomes.indices {
            for (path, entry) in outcomes[index].files where next.files[path] == nil { next.files[path] = entry }
            // Held once, by the record: a national site has a million pages.
            outcomes[index].files = []
        }
        for (path, entry) in siteSink.entries where next.files[path] == nil { next.files[path] = entry }
        var keptIndex = 0
        if let tool = options.searchTool {
            do {
                keptIndex = try clock.time(.search) { try indexSearch(&next, tool: tool, writer: writer, record: record) }
                counter.step(.search)
            } catch {
                abandon()
                throw SiteWriter.Failure.io(output?.path ?? SearchIndex.folder, "the search index could not be made: \(error)")
            }
        }
        var files = try clock.time(.write) { () throws -> SiteWriter.Counts in
            cache?.invalidate()
            return try writer.commit(next)
        }
        counter.step(.committed)
        // The files of groups kept from the previous build are in the output, unchanged.
        let kept = outcomes.filter { !$0.rendered }.reduce(0) { $0 + $1.summaries.files } + keptIndex
        files = SiteWriter.Counts(written: files.written, unchanged: files.unchanged + kept, removed: files.removed)
        if let cache {
            try clock.time(.cache) {
                let state = BuildCache.State(base: base, startedAt: started, output: output.flatMap(OutputRecord.digest) ?? 0,
                                             headers: Dictionary(headers.compactMap { read in read.cached.map { (read.id, $0) } },
                                                                 uniquingKeysWith: { a, _ in a }),
                                             latestRecords: self.options.asOf != nil ? cache.latestRecords
                                                 : Dictionary(latest.map { ($0.id, $0.cached) }, uniquingKeysWith: { a, _ in a }),
                                             groups: Dictionary(plans.map { ($0.group.key, $0.fingerprint) },
                                                                uniquingKeysWith: { a, _ in a }))
                try cache.commit(state)
            }
        }
        var reported = sorted
        if writer.foreignFiles > 0 {
            reported.append(Diagnostic(.warning, at: SourceLocation(file: outputPath),
                                       Message(.foreignFiles, ["count": "\(writer.foreignFiles)"])))
        }
        let pages = sitePages + outcomes.reduce(0) { $0 + $1.summaries.pages }
        return Outcome(diagnostics: reported, pages: pages, files: files, groups: groups.count, groupsRendered: rendered,
                       timings: clock.report(writer: writer),
                       site: (writer as? MemoryStore).map { BuiltSite(files: $0.committed, pages: pages) })
    }

    /// Adds the search index of the pages `manifest` lists to it, storing its files. When no
    /// file changed and the previous build's index is in the output as recorded, that index
    /// is kept as it is: Pagefind reads every page, and the same pages give the same index.
    /// Returns the number of index files kept so.
    private func indexSearch(_ manifest: inout OutputManifest, tool: URL, writer: FileStore, record: OutputRecord?) throws -> Int {
        let isPage = { (path: SitePath) in path.segments.last?.hasSuffix(".html") == true }
        let recordPaths: [(row: Int, path: SitePath, kept: Bool)] = record.map { record in
            let kept = record.groups(in: manifest.keptGroups)
            return record.rows.map { (row: $0, path: record.path($0), kept: kept[record.groupNumber($0)]) }
        } ?? []
        let previousIndex = recordPaths.filter { $0.path.segments.first == SearchIndex.folder }
        let keptPages = recordPaths.filter(\.kept).map(\.path)
        let pages = (manifest.files.keys.filter(isPage) + keptPages.filter(isPage)).sorted()
        let previousPages = recordPaths.map(\.path).filter(isPage).sorted()
        if !writer.hasChanges, !previousIndex.isEmpty, pages == previousPages, let record {
            let checks = previousIndex.map { ($0.path, record.check($0.row, in: output?.path ?? "")) }
            if !checks.contains(where: { $0.1 == .changed }) {
                writer.confirm(checks.filter { $0.1 == .sameBytes }.map(\.0))
                for file in previousIndex { manifest.files[file.path] = record.entry(file.row) }
                return previousIndex.count
            }
        }
        let sink = RecordingSink(writer, group: "")
        for (path, data) in try SearchIndex.make(pages: pages, from: writer, tool: tool, scratch: try writer.scratchFolder()) {
            sink.put(path, data)
        }
        for (path, entry) in sink.entries { manifest.files[path] = entry }
        return 0
    }

    /// The output and the cache may not lie inside the content (they would be read as content,
    /// or a build would delete what an author wrote), nor the cache inside the output (it would
    /// be published, and removed as a stale page).
    private func checkFolders() throws {
        guard let output else { return }
        func inside(_ folder: URL, _ other: URL) -> Bool {
            let (a, b) = (folder.standardizedFileURL.resolvingSymlinksInPath().path,
                          other.standardizedFileURL.resolvingSymlinksInPath().path)
            return a == b || a.hasPrefix(b.hasSuffix("/") ? b : b + "/")
        }
        if let disk = source as? DiskContentSource {
            let content = disk.root.appendingPathComponent("content")
            if inside(output, content) || inside(content, output) {
                throw SiteWriter.Failure.misplaced(Message(.outputInContent, ["output": .text(output.path)]))
            }
            if let cache, inside(cache, content) {
                throw SiteWriter.Failure.misplaced(Message(.cacheInContent, ["cache": .text(cache.path)]))
            }
        }
        if let cache, inside(cache, output) || inside(output, cache) {
            throw SiteWriter.Failure.misplaced(Message(.cacheInOutput, ["cache": .text(cache.path), "output": .text(output.path)]))
        }
    }

    /// A group with its fingerprint, and the previous build's render of it when still valid.
    struct PlannedGroup {
        let group: BuildGroup
        let fingerprint: UInt64
        let kept: BuildCache.GroupRecord?
        /// A kept group's pages whose bytes were confirmed by reading.
        let reread: [SitePath]
    }

    struct GroupOutcome {
        let summaries: GroupSummaries
        let diagnostics: [Diagnostic]
        /// The pages made, for the output's record (none for a group kept: the record has them).
        var files: [(path: SitePath, entry: OutputManifest.Entry)]
        /// False for a group kept from the previous build.
        let rendered: Bool
    }

    /// Load → validate → compute → render one group; its record kept for the next build.
    private func renderGroup(_ planned: PlannedGroup, shared: SharedContent, scan: ContentScan, frame: SiteFrame,
                             parts: PartStore, writer: FileStore, cache: BuildCache?, asOf: Day,
                             clock: StageClock) -> GroupOutcome {
        let group = planned.group
        let (drafts, problems) = clock.time(.load) { ContentLoader.readPlans(group.plans, of: scan, from: source) }
        let sink = DiagnosticSink()
        let content = clock.time(.validate) { Validator.checkPlans(drafts, shared: shared, files: scan.declared, sink: sink) }
        let diagnostics = problems + sink.diagnostics
        // A group with errors is not rendered: the build writes nothing.
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return GroupOutcome(summaries: GroupSummaries(), diagnostics: diagnostics, files: [], rendered: true)
        }
        let results = clock.time(.compute) { Engine.evaluateAll(content, asOf: asOf) }
        let recording = RecordingSink(writer, group: group.key)
        var summaries = clock.time(.render) {
            SiteRenderer.renderGroup(group, content: content, results: results, frame: frame, templates: templates,
                                     parts: parts, into: recording)
        }
        let files = recording.entries.map { (path: $0.key, entry: $0.value) }
        summaries.files = files.count
        clock.time(.cache) {
            try? cache?.save(BuildCache.GroupRecord(summaries: summaries, diagnostics: diagnostics),
                             key: group.key, fingerprint: planned.fingerprint)
        }
        return GroupOutcome(summaries: summaries, diagnostics: diagnostics, files: files, rendered: true)
    }

    /// Each plan's header: from the cache while its plan.md has the same content, else read.
    private func readHeaders(_ scan: ContentScan, hashes: FileHashes, cache: BuildCache?) -> [ReadHeader] {
        Parallel.map(scan.planIDs) { id in
            let file = scan.planFile(id).flatMap(hashes.hash)
            if let file, let cached = cache?.headers[id], cached.file == file {
                return ReadHeader(id: id, file: file, header: cached.header)
            }
            return ReadHeader(id: id, file: file, header: ContentLoader.readHeader(ofPlan: id, in: scan, from: source))
        }
    }

    /// Each plan's latest record date: from the cache while none of its files changed, else
    /// read from its records' front matter.
    private func readLatestRecords(_ scan: ContentScan, planFolders: [String: UInt64], cache: BuildCache?) -> [ReadLatest] {
        Parallel.map(scan.planIDs) { id in
            let files = planFolders[id] ?? UInt64.max
            if let cached = cache?.latestRecords[id], cached.files == files {
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
        /// The content hash of plan.md; nil without one.
        let file: UInt64?
        let header: PlanHeader?

        var cached: BuildCache.CachedHeader? { file.map { BuildCache.CachedHeader(file: $0, header: header) } }
    }
}

/// Hands files to the writer and notes each one's digest, for the output's record.
final class RecordingSink: SiteSink, @unchecked Sendable {
    private let writer: FileStore
    private let group: String
    private let lock = NSLock()
    private var files: [SitePath: OutputManifest.Entry] = [:]

    /// `group`: the key of the group of plans whose pages these are; "" for the site-wide pages.
    init(_ writer: FileStore, group: String) {
        self.writer = writer
        self.group = group
    }

    var entries: [SitePath: OutputManifest.Entry] { lock.withLock { files } }

    func put(_ path: SitePath, _ data: Data) {
        let digest = FileDigest(data)
        let stamp = writer.store(path, data, digest: digest)
        lock.withLock { files[path] = OutputManifest.Entry(digest: digest, group: group, stamp: stamp) }
    }

    func put(_ path: SitePath, parts produce: ((Data) -> Void) -> Void) {
        let (digest, stamp) = writer.store(path, parts: produce)
        lock.withLock { files[path] = OutputManifest.Entry(digest: digest, group: group, stamp: stamp) }
    }
}

/// The stages a build's time is counted in, in pipeline order.
public enum BuildStage: String, CaseIterable, Sendable {
    /// Listing and reading content/, decoding YAML and Markdown.
    case load
    case validate
    case compute
    case render
    /// Writing files, staged as they are rendered, and the commit.
    case write
    /// Reading and keeping what the next build needs.
    case cache
    /// Making the search index (Pagefind).
    case search
}

/// Time per stage, summed over the cores that worked on it.
final class StageClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [BuildStage: Double] = [:]

    func time<T>(_ stage: BuildStage, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.withLock { seconds[stage, default: 0] += elapsed }
        }
        return try work()
    }

    /// The stages in pipeline order; staged writes happen while rendering and count as writing.
    func report(writer: FileStore) -> [(BuildStage, Double)] {
        let staged = writer.seconds
        return lock.withLock {
            BuildStage.allCases.map { stage in
                let counted = seconds[stage] ?? 0
                switch stage {
                case .render: return (stage, max(0, counted - staged))
                case .write: return (stage, counted + staged)
                default: return (stage, counted)
                }
            }
        }
    }
}
