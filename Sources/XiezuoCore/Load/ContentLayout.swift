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
        /// Every file in the folder, evidence and stray files included: what the plan's pages
        /// are rebuilt for when it changes.
        var files: [String] = []
    }

    var standards: String?
    var regions: [String] = []
    var pairings: [String] = []
    var plans: [PlanFolder] = []

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
        var plans: [String: PlanFolder] = [:]
        for path in listing.files {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.first == "content" else { continue }
            let rest = Array(parts.dropFirst())
            switch rest.count {
            case 1 where rest[0] == "standards.yaml":
                layout.standards = path
                continue
            case 2 where rest[0] == "regions" && rest[1].hasSuffix(".yaml") && checkID(stem(path), path, sink):
                layout.regions.append(path)
                continue
            case 2 where rest[0] == "pairings" && rest[1].hasSuffix(".md") && checkID(stem(path), path, sink):
                layout.pairings.append(path)
                continue
            default:
                break
            }
            if rest.count >= 3, rest[0] == "plans", checkID(rest[1], path, sink) {
                let id = rest[1]
                var folder = plans[id] ?? PlanFolder(id: id, path: "content/plans/\(id)")
                folder.files.append(path)
                let name = rest[2]
                var placed = true
                switch (rest.count, name) {
                case (3, "plan.md"): folder.plan = path
                case (3, "tasks.yaml"): folder.tasks = path
                case (3, "indicators.yaml"): folder.indicators = path
                case (4, "progress") where rest[3].hasSuffix(".md"): folder.records.append(path)
                case (_, "evidence") where rest.count >= 4: break
                default: placed = false
                }
                plans[id] = folder
                if placed { continue }
            }
            sink.warning("not a content file, so it is not read; content files are standards.yaml, regions/*.yaml, "
                         + "pairings/*.md and plans/<plan>/{plan.md,tasks.yaml,indicators.yaml,progress/*.md}",
                         at: SourceLocation(file: path))
        }
        layout.plans = plans.keys.sorted().compactMap { plans[$0] }
        return layout
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
