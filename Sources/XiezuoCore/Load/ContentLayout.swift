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
        /// Every file in the folder, evidence and stray files included, by its path below the
        /// folder, with its stamp: what the plan's pages are rebuilt for when it changes.
        /// Packed (PackedStrings), as the listing is: a national site has millions of files.
        private(set) var names = PackedStrings()
        private(set) var stamps: [FileStamp] = []
        /// Which of `names` are progress records.
        private var recordNames: [UInt32] = []

        init(id: String, path: String) {
            self.id = id
            self.path = path
        }

        /// The progress records' paths, in the listing's (sorted) order.
        var records: [String] { recordNames.map { path + "/" + names[Int($0)] } }

        var fileCount: Int { names.count }

        /// A file's path and stamp, by its place in the listing.
        func file(_ index: Int) -> (path: String, stamp: FileStamp) { (path + "/" + names[index], stamps[index]) }

        var files: [(path: String, stamp: FileStamp)] { names.indices.map(file) }
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

    static func classify(_ listing: consuming FileListing, sink: DiagnosticSink) -> ContentLayout {
        for problem in listing.problems {
            sink.error(problem.message, at: SourceLocation(file: problem.path))
        }
        if listing.isEmpty && listing.problems.isEmpty {
            sink.error(.noContent, at: SourceLocation(file: "content"))
        }
        var layout = ContentLayout()
        // The listing is sorted, so each plan folder's files come together: the folder is
        // filled in place and its name checked once. Paths are compared as bytes: a rebuild
        // classifies every file, a quarter of a million at a province's scale.
        var folder: PlanFolder?
        var folderPrefix = ""
        var invalidPrefix: String?
        let plansPrefix = "content/plans/"
        // Each piece of the listing is let go once classified.
        listing.drain { path, stamp in
            if folder != nil, path.utf8.starts(with: folderPrefix.utf8) {
                folder!.place(path, stamp: stamp, rest: path.utf8.dropFirst(folderPrefix.utf8.count), sink: sink)
                return
            }
            if let invalidPrefix, path.utf8.starts(with: invalidPrefix.utf8) { return }
            if path.utf8.starts(with: plansPrefix.utf8) {
                let rest = path.utf8.dropFirst(plansPrefix.utf8.count)
                if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                    let id = String(Substring(rest[..<slash]))
                    if let done = folder { layout.plans.append(done) }
                    folder = nil
                    guard checkID(id, "content/plans/\(id)", sink) else {
                        invalidPrefix = plansPrefix + id + "/"
                        return
                    }
                    folderPrefix = plansPrefix + id + "/"
                    folder = PlanFolder(id: id, path: "content/plans/\(id)")
                    folder!.place(path, stamp: stamp, rest: path.utf8.dropFirst(folderPrefix.utf8.count), sink: sink)
                    return
                }
            }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.first == "content", parts.count >= 2 else { return }
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
                if parts[2].hasSuffix(parts[1] == "regions" ? ".yaml" : ".md") { return }
                warnNotContent(path, sink)
            default:
                warnNotContent(path, sink)
            }
        }
        if let done = folder { layout.plans.append(done) }
        layout.plans.sort { $0.id < $1.id }
        return layout
    }

    fileprivate static func warnNotContent(_ path: String, _ sink: DiagnosticSink) {
        sink.warning(.notContentFile, at: SourceLocation(file: path))
    }

    /// Ids come from file and folder names and end up in page addresses: letters (Chinese
    /// included), digits, '-' and '_' only, so that no id can reach outside the output folder.
    private static func checkID(_ id: String, _ path: String, _ sink: DiagnosticSink) -> Bool {
        let valid = !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || (scalar.properties.isAlphabetic) || ("0"..."9").contains(scalar)
        }
        if !valid {
            sink.error(.badName, ["name": .text(id)],
                       at: SourceLocation(file: path))
        }
        return valid
    }
}

extension ContentLayout.PlanFolder {
    /// Files a file of this folder, `rest` being its path below the folder.
    mutating func place(_ path: String, stamp: FileStamp, rest: Substring.UTF8View, sink: DiagnosticSink) {
        names.append(Substring(rest))
        stamps.append(stamp)
        // Names compared as bytes, as the listing's paths are: `hasPrefix` on a Substring went
        // through Characters, several thousand instructions a file, while the scan runs alone.
        if rest.elementsEqual("plan.md".utf8) {
            plan = path
        } else if rest.elementsEqual("tasks.yaml".utf8) {
            tasks = path
        } else if rest.elementsEqual("indicators.yaml".utf8) {
            indicators = path
        } else if rest.starts(with: "progress/".utf8), rest.suffix(3).elementsEqual(".md".utf8),
                  !rest.dropFirst("progress/".utf8.count).contains(UInt8(ascii: "/")) {
            recordNames.append(UInt32(names.count - 1))
        } else if !rest.starts(with: "evidence/".utf8) {
            ContentLayout.warnNotContent(path, sink)
        }
    }
}
