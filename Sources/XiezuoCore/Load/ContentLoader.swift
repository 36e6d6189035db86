import Foundation

/// What a load produced: the content model (as much of it as could be read) and every
/// problem found on the way.
public struct LoadResult: Sendable {
    public let content: Content
    public let diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Content read but not yet validated: the output of the load stage.
public struct LoadedContent: @unchecked Sendable {
    var shared: SharedContent
    var plans: [PlanDraft]
    let files: DeclaredFiles
    let sink: DiagnosticSink

    /// The validate stage: references resolved and checked across files. Consumes the draft,
    /// so that the validated plans replace it in memory rather than live beside it.
    public consuming func validated() -> LoadResult {
        let plans = self.plans
        self.plans = []
        let content = Validator.validate(shared: shared, plans: plans, files: files, sink: sink)
        return LoadResult(content: content, diagnostics: sink.sorted)
    }
}

/// Loads `content/` into the model and validates it: load → validate, the first two
/// stages of the pipeline. Reads only through a `ContentSource`.
///
/// A site build reads the shared part (regions, pairings, standards) whole and plans a group
/// at a time (`readShared`, `readPlans`); `check` and `report` read everything at once (`load`).
public enum ContentLoader {
    public static func load(from source: ContentSource) -> LoadResult {
        read(from: source).validated()
    }

    /// The load stage alone: every file read and decoded, problems collected.
    public static func read(from source: ContentSource) -> LoadedContent {
        let scan = ContentScan.scan(source)
        let sink = DiagnosticSink()
        scan.diagnostics.forEach(sink.add)
        let (shared, sharedProblems) = readShared(scan, from: source)
        let (plans, planProblems) = readPlans(scan.planIDs, of: scan, from: source)
        (sharedProblems + planProblems).forEach(sink.add)
        return LoadedContent(shared: shared, plans: plans, files: scan.declared, sink: sink)
    }

    /// Standards, regions and pairings, decoded on every core; not yet validated.
    public static func readShared(_ scan: ContentScan, from source: ContentSource) -> (SharedContent, [Diagnostic]) {
        let layout = scan.layout
        var problems: [Diagnostic] = []
        var standards: [StandardIndicator] = []
        if let path = layout.standards {
            let (decoded, found) = job { sink in parse(path, body: nil, source, sink).map(StandardDecoder.decode) }
            standards = decoded ?? []
            problems += found
        }
        let regions = collect(Parallel.map(layout.regions) { path in
            job { sink in parse(path, body: nil, source, sink).flatMap { RegionDecoder.decode($0, id: ContentLayout.stem(path)) } }
        }, into: &problems)
        let pairings = collect(Parallel.map(layout.pairings) { path in
            job { sink in parse(path, body: .checked, source, sink).flatMap { PairingDecoder.decode($0, id: ContentLayout.stem(path)) } }
        }, into: &problems)
        return (SharedContent(regions: regions, pairings: pairings, standards: standards), problems)
    }

    /// The plans with these ids (folder names), each with its tasks, indicators and records,
    /// in the order given; decoded on every core, not yet validated.
    public static func readPlans(_ ids: [String], of scan: ContentScan, from source: ContentSource) -> ([PlanDraft], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let folders = ids.compactMap(scan.folder)
        let plans = collect(Parallel.map(folders) { folder in
            job { sink in readPlan(folder, sink: sink) { parse($0, body: $1, source, sink) } }
        }, into: &problems)
        return (plans, problems)
    }

    /// Which pairing and year a plan belongs to and which side owns it, read from its plan.md
    /// alone; nil when plan.md is missing or unreadable (reading the plan reports why).
    public static func readHeader(ofPlan id: String, in scan: ContentScan, from source: ContentSource) -> PlanHeader? {
        guard let path = scan.folder(id)?.plan else { return nil }
        let sink = DiagnosticSink()
        return parse(path, body: .checked, source, sink).flatMap { PlanDecoder.decode($0, id: id) }
            .map { PlanHeader(id: id, pairing: $0.pairing, year: $0.year, owner: $0.owner) }
    }

    /// The latest `date` among a plan's progress records, read from their front matter alone:
    /// a site is shown as of the latest record anywhere, which must be known before any plan is
    /// computed. A record named for its month (`2022-08-乡村振兴局.md`) is dated in that month
    /// (RecordRules holds it), so only the records of the latest month named, and those named
    /// otherwise, are read. A record that cannot be read is skipped here; reading the plan
    /// reports it, and a build with errors writes nothing.
    public static func latestRecordDate(ofPlan id: String, in scan: ContentScan, from source: ContentSource) -> Day? {
        guard let folder = scan.folder(id) else { return nil }
        let named = folder.records.map { ($0, RecordName.month(ofPath: $0)) }
        let latestNamed = named.compactMap(\.1).max()
        let sink = DiagnosticSink()
        return named.filter { $0.1 == nil || $0.1 == latestNamed }.compactMap { path, _ in
            parse(path, body: .skipped, source, sink)?.root?["date"]?.string.flatMap(Day.init(parsing:))
        }.max()
    }

    /// Runs one unit of work with its own problem list, so that work can run on every core.
    private static func job<T>(_ work: (DiagnosticSink) -> T?) -> (T?, [Diagnostic]) {
        let local = DiagnosticSink()
        return (work(local), local.diagnostics)
    }

    private static func collect<T>(_ results: [(T?, [Diagnostic])], into problems: inout [Diagnostic]) -> [T] {
        problems += results.flatMap(\.1)
        return results.compactMap(\.0)
    }

    /// A YAML file (`body` nil), or a Markdown file whose body is used as `body` says.
    private static func parse(_ path: String, body: ParsedFile.Body?, _ source: ContentSource, _ sink: DiagnosticSink) -> ParsedFile? {
        guard let text = readText(path, from: source, sink: sink) else { return nil }
        return body.map { ParsedFile.markdown(text, sink: sink, body: $0) } ?? ParsedFile.yaml(text, sink: sink)
    }

    /// One plan folder: plan.md, tasks.yaml, indicators.yaml and its progress records.
    private static func readPlan(_ folder: ContentLayout.PlanFolder, sink: DiagnosticSink,
                                 parse: (String, ParsedFile.Body?) -> ParsedFile?) -> PlanDraft? {
        guard let planFile = folder.plan else {
            sink.error(.noPlanFile,
                       at: SourceLocation(file: folder.path))
            return nil
        }
        guard let header = parse(planFile, .checked).flatMap({ PlanDecoder.decode($0, id: folder.id) }) else { return nil }
        // Dates written without a year (12月底, 年底) are in the plan's year.
        func parseInYear(_ path: String, _ body: ParsedFile.Body?) -> ParsedFile? {
            var file = parse(path, body)
            file?.context.year = header.year
            return file
        }
        let tasksFile = folder.tasks.map { ($0, parseInYear($0, nil)) }
        let indicatorsFile = folder.indicators.map { ($0, parseInYear($0, nil)) }
        let sections = tasksFile?.1.map(TaskDecoder.decode) ?? []
        let indicators = indicatorsFile?.1.map(IndicatorDecoder.decode) ?? []
        if folder.tasks == nil && folder.indicators == nil {
            sink.error(.nothingToTrack,
                       at: header.location)
        }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [RecordDraft] = [], undated: [UndatedRecord] = []
        for path in folder.records {
            switch parseInYear(path, .rendered).flatMap({ RecordDecoder.decode($0, plan: folder.id, indicators: byID) }) {
            case .dated(let record): records.append(record)
            case .undated(let record): undated.append(record)
            case nil: continue
            }
        }
        var plan = Plan(header: header, sections: sections, indicators: indicators)
        plan.unreadTasksFile = tasksFile.flatMap { $0.1 == nil ? $0.0 : nil }
        plan.unreadIndicatorsFile = indicatorsFile.flatMap { $0.1 == nil ? $0.0 : nil }
        return PlanDraft(plan: plan, records: records, undated: undated)
    }

    private static func readText(_ path: String, from source: ContentSource, sink: DiagnosticSink) -> SourceText? {
        let here = SourceLocation(file: path)
        switch source.read(path, limit: SourceText.sizeLimit) {
        case .tooLarge(let size):
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            sink.unreadFile(.fileTooLarge, ["size": .text(megabytes), "limit": "\(SourceText.sizeLimit / 1_048_576)"], at: here)
        case .unreadable(let reason):
            sink.unreadFile(.unreadableFile, ["reason": .message(reason)], at: here)
        case .data(let data):
            switch SourceText.decode(data, path: path) {
            case .success(let text): return text
            case .failure(.binary):
                sink.unreadFile(.binaryFile, at: here)
            case .failure(.notUTF8):
                sink.unreadFile(.notUTF8, at: here)
            }
        }
        return nil
    }
}

/// A plan's place: its pairing, year and owning side, known before the plan is read whole.
public struct PlanHeader: Sendable, Hashable, Codable {
    public let id: String
    public let pairing: String
    public let year: Int
    public let owner: Plan.Side
}

extension Plan {
    /// A plan without records: they are added when validated.
    init(header: PlanDecoder.Header, sections: [Section], indicators: [Indicator]) {
        self.init(id: header.id, pairing: header.pairing, year: header.year, title: header.title,
                  number: header.number, issuer: header.issuer, issued: header.issued, start: header.start, scheme: header.scheme,
                  owner: header.owner, coordinator: header.coordinator, deadline: header.deadline,
                  reporting: header.reporting, deadlineNearDays: header.deadlineNearDays, scoring: header.scoring, narrative: header.narrative,
                  note: header.note, sections: sections, indicators: indicators,
                  records: [],
                  location: header.location)
    }
}
