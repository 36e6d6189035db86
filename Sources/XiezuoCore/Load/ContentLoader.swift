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
    var draft: Content
    let files: DeclaredFiles
    let sink: DiagnosticSink

    /// The validate stage: references resolved and checked across files. Consumes the draft,
    /// so that the validated plans replace it in memory rather than live beside it.
    public consuming func validated() -> LoadResult {
        let draft = self.draft
        self.draft = Content.empty
        let content = Validator.validate(draft, files: files, sink: sink)
        return LoadResult(content: content, diagnostics: sink.sorted)
    }
}

/// Loads `content/` into the model and validates it: load → validate, the first two
/// stages of the pipeline. Reads only through a `ContentSource`.
public enum ContentLoader {
    public static func load(from source: ContentSource) -> LoadResult {
        read(from: source).validated()
    }

    /// The load stage alone: every file read and decoded, problems collected.
    public static func read(from source: ContentSource) -> LoadedContent {
        let sink = DiagnosticSink()
        let layout = ContentLayout.classify(source.files(under: "content"), sink: sink)
        // Files are read and decoded on every core; each job collects its own problems.
        func job<T>(_ work: (DiagnosticSink) -> T?) -> (T?, [Diagnostic]) {
            let local = DiagnosticSink()
            return (work(local), local.diagnostics)
        }
        func parse(_ path: String, markdown: Bool, _ sink: DiagnosticSink) -> ParsedFile? {
            guard let text = readText(path, from: source, sink: sink) else { return nil }
            return markdown ? ParsedFile.markdown(text, sink: sink) : ParsedFile.yaml(text, sink: sink)
        }
        var all: [Diagnostic] = []
        func collect<T>(_ results: [(T?, [Diagnostic])]) -> [T] {
            all += results.flatMap(\.1)
            return results.compactMap(\.0)
        }
        let standards = layout.standards.flatMap { parse($0, markdown: false, sink) }.map(StandardDecoder.decode) ?? []
        let regions = collect(Parallel.map(layout.regions) { path in
            job { sink in parse(path, markdown: false, sink).flatMap { RegionDecoder.decode($0, id: ContentLayout.stem(path)) } }
        })
        let pairings = collect(Parallel.map(layout.pairings) { path in
            job { sink in parse(path, markdown: true, sink).flatMap { PairingDecoder.decode($0, id: ContentLayout.stem(path)) } }
        })
        let plans = collect(Parallel.map(layout.plans) { folder in
            job { sink in readPlan(folder, sink: sink) { parse($0, markdown: $1, sink) } }
        })
        all.forEach { sink.add($0) }
        let draft = Content(regions: regions, pairings: pairings, plans: plans, standards: standards,
                            units: UnitDirectory(taskUnits: [:], indicatorUnits: [:], coordinators: [:]))
        let files = DeclaredFiles(regions: Set(layout.regions.map(ContentLayout.stem)),
                                  pairings: Set(layout.pairings.map(ContentLayout.stem)))
        return LoadedContent(draft: draft, files: files, sink: sink)
    }

    /// One plan folder: plan.md, tasks.yaml, indicators.yaml and its progress records.
    private static func readPlan(_ folder: ContentLayout.PlanFolder, sink: DiagnosticSink,
                                 parse: (String, Bool) -> ParsedFile?) -> Plan? {
        guard let planFile = folder.plan else {
            sink.error("plan folder has no plan.md; add one with the plan's title, year and pairing",
                       at: SourceLocation(file: folder.path))
            return nil
        }
        guard let header = parse(planFile, true).flatMap({ PlanDecoder.decode($0, id: folder.id) }) else { return nil }
        let sections = folder.tasks.flatMap { parse($0, false) }.map(TaskDecoder.decode) ?? []
        let indicators = folder.indicators.flatMap { parse($0, false) }.map(IndicatorDecoder.decode) ?? []
        if folder.tasks == nil && folder.indicators == nil {
            sink.error("plan has neither tasks.yaml nor indicators.yaml; a plan needs tasks or indicators to track",
                       at: header.location)
        }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let records = folder.records.compactMap { path in
            parse(path, true).flatMap { RecordDecoder.decode($0, plan: folder.id, indicators: byID) }
        }
        return Plan(header: header, sections: sections, indicators: indicators, records: records)
    }

    private static func readText(_ path: String, from source: ContentSource, sink: DiagnosticSink) -> SourceText? {
        let here = SourceLocation(file: path)
        switch source.read(path, limit: SourceText.sizeLimit) {
        case .tooLarge(let size):
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            sink.error("file is \(megabytes) MB; content files are limited to \(SourceText.sizeLimit / 1_048_576) MB, "
                       + "split it or move large attachments out of content/", at: here)
        case .unreadable(let reason):
            sink.error("cannot read file: \(reason)", at: here)
        case .data(let data):
            switch SourceText.decode(data, path: path) {
            case .success(let text): return text
            case .failure(.binary):
                sink.error("not a text file (it contains binary data); content files are UTF-8 text", at: here)
            case .failure(.notUTF8):
                sink.error("not UTF-8 text; save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)", at: here)
            }
        }
        return nil
    }
}

extension Plan {
    init(header: PlanDecoder.Header, sections: [Section], indicators: [Indicator], records: [ProgressRecord]) {
        self.init(id: header.id, pairing: header.pairing, year: header.year, title: header.title,
                  number: header.number, issuer: header.issuer, issued: header.issued, scheme: header.scheme,
                  owner: header.owner, coordinator: header.coordinator, deadline: header.deadline,
                  reporting: header.reporting, scoring: header.scoring, narrative: header.narrative,
                  note: header.note, sections: sections, indicators: indicators,
                  records: records.sorted { ($0.date, $0.unit.text) < ($1.date, $1.unit.text) },
                  location: header.location)
    }
}
