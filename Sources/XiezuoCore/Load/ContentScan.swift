/// The files below `content/`, each with its stamp and sorted into its kind, before any is
/// read: the first step of loading, and what a build compares with the last one to find what
/// changed.
public struct ContentScan: Sendable {
    let layout: ContentLayout
    /// Problems met while listing, and files that are not content (warnings).
    public let diagnostics: [Diagnostic]

    public static func scan(_ source: ContentSource) -> ContentScan {
        let sink = DiagnosticSink()
        // Handed over whole: the listing is let go piece by piece as it is classified.
        let layout = ContentLayout.classify(source.files(under: "content"), sink: sink)
        // Plans' indicator and task pages live in folders named for the plan.
        PathRules.checkDistinct(layout.plans.map { PathRules.Named(kind: .nounPlan, name: $0.id, location: SourceLocation(file: $0.path)) },
                                folder: "indicators", sink: sink)
        return ContentScan(layout: layout, diagnostics: sink.diagnostics)
    }

    /// Plan ids (folder names), sorted.
    public var planIDs: [String] { layout.plans.map(\.id) }
    public var regionIDs: [String] { layout.regions.map(ContentLayout.stem) }
    public var pairingIDs: [String] { layout.pairings.map(ContentLayout.stem) }

    /// Every file of a plan's folder, with its stamp.
    public func files(ofPlan id: String) -> [(path: String, stamp: FileStamp)] { folder(id)?.files ?? [] }

    /// Every file listed, plan folders' and the rest, with its stamp; each path made as it is read.
    public var allFiles: ScannedFiles { ScannedFiles(plans: layout.plans, others: layout.stamps.map { ($0.key, $0.value) }) }

    /// The stamp of a file outside the plan folders (a region, a pairing, the standards).
    public func stamp(of path: String) -> FileStamp? { layout.stamps[path] }

    /// Where a plan's plan.md is, when it has one.
    public func planFile(_ id: String) -> String? { folder(id)?.plan }

    /// Where a region's and a pairing's file is, whether or not it exists.
    public static func regionFile(_ id: String) -> String { "content/regions/\(id).yaml" }
    public static func pairingFile(_ id: String) -> String { "content/pairings/\(id).md" }
    public var standardsFile: String? { layout.standards }

    /// The region and pairing ids that have a file, read or not. Made once: every group's
    /// plans are checked against it (made per group, it was most of a national build's time).
    public let declared: DeclaredFiles

    func folder(_ id: String) -> ContentLayout.PlanFolder? { folderIndex[id].map { layout.plans[$0] } }

    private var folderIndex: [String: Int]

    init(layout: ContentLayout, diagnostics: [Diagnostic]) {
        self.layout = layout
        declared = DeclaredFiles(regions: Set(layout.regions.map(ContentLayout.stem)),
                                 pairings: Set(layout.pairings.map(ContentLayout.stem)))
        self.diagnostics = diagnostics
        folderIndex = Dictionary(uniqueKeysWithValues: layout.plans.enumerated().map { ($1.id, $0) })
    }
}

/// Every file of a scan as one list, without a string per file held for the whole of it.
public struct ScannedFiles: RandomAccessCollection, Sendable {
    private let plans: [ContentLayout.PlanFolder]
    private let others: [(path: String, stamp: FileStamp)]
    /// Where each plan folder's files begin in the list.
    private let starts: [Int]
    public let endIndex: Int

    init(plans: [ContentLayout.PlanFolder], others: [(path: String, stamp: FileStamp)]) {
        self.plans = plans
        self.others = others
        var starts: [Int] = []
        var count = 0
        for plan in plans {
            starts.append(count)
            count += plan.fileCount
        }
        self.starts = starts
        endIndex = count + others.count
    }

    public var startIndex: Int { 0 }

    public subscript(index: Int) -> (path: String, stamp: FileStamp) {
        let planFiles = endIndex - others.count
        guard index < planFiles else { return others[index - planFiles] }
        // The last plan folder that begins at or before `index`.
        var (low, high) = (0, starts.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return plans[low].file(index - starts[low])
    }
}
