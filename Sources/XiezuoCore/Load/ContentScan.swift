/// The files below `content/`, each with its stamp and sorted into its kind, before any is
/// read: the first step of loading, and what a build compares with the last one to find what
/// changed.
public struct ContentScan: Sendable {
    public let stamps: [String: FileStamp]
    let layout: ContentLayout
    /// Problems met while listing, and files that are not content (warnings).
    public let diagnostics: [Diagnostic]

    public static func scan(_ source: ContentSource) -> ContentScan {
        let sink = DiagnosticSink()
        let listing = source.files(under: "content")
        let layout = ContentLayout.classify(listing, sink: sink)
        return ContentScan(stamps: listing.stamps, layout: layout, diagnostics: sink.diagnostics)
    }

    /// Plan ids (folder names), sorted.
    public var planIDs: [String] { layout.plans.map(\.id) }
    public var regionIDs: [String] { layout.regions.map(ContentLayout.stem) }
    public var pairingIDs: [String] { layout.pairings.map(ContentLayout.stem) }

    /// Every file of a plan's folder.
    public func files(ofPlan id: String) -> [String] { folder(id)?.files ?? [] }
    /// Where a region's and a pairing's file is, whether or not it exists.
    public static func regionFile(_ id: String) -> String { "content/regions/\(id).yaml" }
    public static func pairingFile(_ id: String) -> String { "content/pairings/\(id).md" }
    public var standardsFile: String? { layout.standards }

    /// The region and pairing ids that have a file, read or not.
    public var declared: DeclaredFiles {
        DeclaredFiles(regions: Set(regionIDs), pairings: Set(pairingIDs))
    }

    func folder(_ id: String) -> ContentLayout.PlanFolder? { folderIndex[id].map { layout.plans[$0] } }

    private var folderIndex: [String: Int]

    init(stamps: [String: FileStamp], layout: ContentLayout, diagnostics: [Diagnostic]) {
        self.stamps = stamps
        self.layout = layout
        self.diagnostics = diagnostics
        folderIndex = Dictionary(uniqueKeysWithValues: layout.plans.enumerated().map { ($1.id, $0) })
    }
}
