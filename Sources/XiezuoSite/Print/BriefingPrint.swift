import Foundation
import XiezuoCore

/// `xiezuo brief`: one plan's monthly briefing, made by the one build (in memory) and printed
/// to PDF.
public enum BriefingPrint {
    public enum Failure: MessageError {
        case unknownPlan(String, among: [String])
        case unreadablePlan(String)
        case contentErrors([Diagnostic])
        case unknownMonth(String, plan: String, months: [String])

        public var message: Message {
            switch self {
            case .unknownPlan(let id, let ids):
                return Message(.unknownPlan, ["id": .text(id), "suggestion": Suggestion.didYouMean(id, among: ids)])
            case .unreadablePlan(let id): return Message(.unreadablePlan, ["id": .text(id)])
            case .contentErrors: return Message(.contentHasErrors)
            case .unknownMonth(let month, let plan, let months):
                return months.isEmpty ? Message(.noBriefingYet, ["plan": .text(plan)])
                    : Message(.noBriefingForMonth, ["plan": .text(plan), "month": .text(month), "months": .text(months.joined(separator: ", "))])
            }
        }
    }

    /// The briefing page of `plan` for `month` (YYYY-MM) in the site built from `root`, with the
    /// site it belongs to.
    public static func page(siteAt root: URL, plan id: String, month: String, language: String,
                            options: SiteOptions) throws -> (SitePath, BuiltSite) {
        let source = DiskContentSource(root: root)
        let scan = ContentScan.scan(source)
        guard scan.planIDs.contains(id) else { throw Failure.unknownPlan(id, among: scan.planIDs) }
        guard let header = ContentLoader.readHeader(ofPlan: id, in: scan, from: source) else {
            throw Failure.unreadablePlan(id)
        }
        let (made, problems) = SiteBuild.site(at: root, destination: .memory, language: language, options: options)
        guard let build = made else { throw Failure.contentErrors(problems) }
        let outcome = try build.run()
        guard let site = outcome.site else { throw Failure.contentErrors(outcome.diagnostics) }
        let folder = Routes.briefings(of: header)
        let path = SitePath(folder + [month, "index.html"])
        guard site.files[path] != nil else {
            let months = site.files.keys.filter { $0.segments.count == folder.count + 2 && Array($0.segments.prefix(folder.count)) == folder }
                .map { $0.segments[folder.count] }.sorted()
            throw Failure.unknownMonth(month, plan: id, months: months)
        }
        return (path, site)
    }
}
