/// Where each kind of content file lives below `content/`:
///
///     standards.yaml                       standard indicators shared across pairings
///     regions/<region>.yaml                a region and its units
///     pairings/<pairing>.md                a pairing
///     plans/<plan>/plan.md                 a plan's metadata, scoring rule and narrative
///     plans/<plan>/tasks.yaml              its sections and tasks
///     plans/<plan>/indicators.yaml         its indicators
///     plans/<plan>/progress/*.md           progress records
///     plans/<plan>/evidence/**             evidence files that records point to
struct ContentLayout: Sendable {
    struct PlanFolder: Sendable {
        let id: String
        let path: String
        var plan: String?
        var tasks: String?
        var indicators: String?
        var records: [String] = []
        /// Every file in the folder, evidence and stray files included, with its stamp: what
        /// the plan's pages are rebuilt for when it changes.
        var files: [(path: String, stamp: FileStamp)] = []
    }

    var standards: String?
    var regions: [String] = []
    var pairings: [String] = []
    var plans: [PlanFolder] = []
    /// The stamps of the files outside plan folders.
    var stamps: [String: FileStamp] = [:]

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    static func classify(_ listing: FileListing, sink: DiagnosticSink) -> ContentLayout {
        for problem in listing.problems {
            sink.error(problem.message, at: SourceLocation(file: problem.path))
        }
        if listing.files.isEmpty && listing.problems.isEmpty {
            sink.error("no content found; expected regions/, pairings/ and plans/ below content/ "
                       + "(see docs/content-format.md)", at: SourceLocation(file: "content"))
        }
        var layout = ContentLayout()
        // The listing is sorted, so each plan folder's files come together: the folder is
        // filled in place and its name checked once.
        var folder: PlanFolder?
        var invalidFolder: Substring?
        for (path, stamp) in zip(listing.files, listing.stamps) {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.first == "content", parts.count >= 2 else { continue }
            if parts.count >= 4, parts[1] == "plans" {
                let id = parts[2]
                if id == invalidFolder { continue }
                if folder?.id != String(id) {
                    if let done = folder { layout.plans.append(done) }
                    folder = nil
                    guard checkID(String(id), "content/plans/\(id)", sink) else {
                        invalidFolder = id
                        continue
                    }
                    folder = PlanFolder(id: String(id), path: "content/plans/\(id)")
                }
                folder!.files.append((path, stamp))
                switch (parts.count, parts[3]) {
                case (4, "plan.md"): folder!.plan = path
                case (4, "tasks.yaml"): folder!.tasks = path
                case (4, "indicators.yaml"): folder!.indicators = path
                case (5, "progress") where parts[4].hasSuffix(".md"): folder!.records.append(path)
                case (_, "evidence") where parts.count >= 5: break
                default: warnNotContent(path, sink)
                }
                continue
            }
            layout.stamps[path] = stamp
            switch (parts.count, parts[1]) {
            case (2, "standards.yaml"):
                layout.standards = path
            case (3, "regions") where parts[2].hasSuffix(".yaml") && checkID(stem(path), path, sink):
                layout.regions.append(path)
            case (3, "pairings") where parts[2].hasSuffix(".md") && checkID(stem(path), path, sink):
                layout.pairings.append(path)
            case (3, "regions"), (3, "pairings"):
                // A name that cannot be an id is reported by checkID; any other file is not content.
                if parts[2].hasSuffix(parts[1] == "regions" ? ".yaml" : ".md") { continue }
                warnNotContent(path, sink)
            default:
                warnNotContent(path, sink)
            }
        }
        if let done = folder { layout.plans.append(done) }
        layout.plans.sort { $0.id < $1.id }
        return layout
    }

    private static func warnNotContent(_ path: String, _ sink: DiagnosticSink) {
        sink.warning("not a content file, so it is not read; content files are standards.yaml, regions/*.yaml, "
                     + "pairings/*.md and plans/<plan>/{plan.md,tasks.yaml,indicators.yaml,progress/*.md}",
                     at: SourceLocation(file: path))
    }

    /// Ids come from file and folder names and end up in page addresses: letters (Chinese
    /// included), digits, '-' and '_' only, so that no id can reach outside the output folder.
    private static func checkID(_ id: String, _ path: String, _ sink: DiagnosticSink) -> Bool {
        let valid = !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || (scalar.properties.isAlphabetic) || ("0"..."9").contains(scalar)
        }
        if !valid {
            sink.error("'\(id)' cannot be used as a name here: use letters, digits, '-' and '_' only",
                       at: SourceLocation(file: path))
        }
        return valid
    }
}
