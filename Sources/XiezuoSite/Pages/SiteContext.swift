import Foundation
import XiezuoCore

/// What every page needs, whichever stage renders it: the shared content, where pages live,
/// the strings of the language.
///
/// A class: every page's Presenter holds it, and closures capture Presenters. As a struct its
/// twenty-odd references were retained at each copy and released at each end, a percent of a
/// build's time.
final class SiteFrame: Sendable {
    let shared: SharedContent
    let routes: Routes
    let strings: Strings
    let baseURL: String?
    /// Whether the site has a search page (and every page a search box).
    let search: Bool
    /// Pieces of pages drawn once for the pages being rendered (a group's, or the site-wide).
    let components: Components
    /// Where a workbook is put together before it is a download (WorkbookWriter): a folder of
    /// the build's staging area, nil for the system's temporary folder.
    let scratch: URL?

    init(shared: SharedContent, routes: Routes, strings: Strings, baseURL: String?, search: Bool, components: Components,
         scratch: URL? = nil) {
        self.shared = shared
        self.routes = routes
        self.strings = strings
        self.baseURL = baseURL
        self.search = search
        self.components = components
        self.scratch = scratch
    }

    func unit(_ id: UnitID) -> ResponsibleUnit? { shared.unit(id) }
    /// Units by name, as a table cell lists them: 县财政局、县乡村振兴局.
    func unitNames(_ ids: [UnitID]) -> String { ids.map { unit($0)?.name ?? $0.name }.joined(separator: "、") }

    func pairingName(_ pairing: Pairing) -> String {
        let helping = shared.region(pairing.helping)?.name ?? pairing.helping
        let helped = shared.region(pairing.helped)?.name ?? pairing.helped
        return "\(helping) → \(helped)"
    }

    /// The frame of a group's pages: with the routes of its indicators and tasks, and pieces of
    /// its own.
    func group(routes: Routes, templates: TemplateSet) -> SiteFrame {
        SiteFrame(shared: shared, routes: routes, strings: strings, baseURL: baseURL, search: search,
                  components: Components(templates: templates), scratch: scratch)
    }
}

/// What the pages of one group are built from: its plans with the engine's results, and the
/// frame. A group holds every plan of its pairings and of its regions' units (BuildGroups), so
/// these pages need nothing from outside it.
struct SiteContext {
    let frame: SiteFrame
    let content: Content
    let results: [String: EvaluatedPlan]
    /// The plans each unit has something in, newest first.
    let plansByUnit: [UnitID: [Plan]]
    /// The plans of each pairing, newest first.
    let plansByPairing: [String: [Plan]]

    init(frame: SiteFrame, content: Content, results: [String: EvaluatedPlan]) {
        self.frame = frame
        self.content = content
        self.results = results
        let newestFirst = content.plans.sorted { ($0.year, $0.id) > ($1.year, $1.id) }
        var byUnit: [UnitID: [Plan]] = [:]
        var byPairing: [String: [Plan]] = [:]
        for plan in newestFirst {
            for unit in results[plan.id]?.result.units ?? [] { byUnit[unit.unit, default: []].append(plan) }
            byPairing[plan.pairing, default: []].append(plan)
        }
        plansByUnit = byUnit
        plansByPairing = byPairing
    }

    var routes: Routes { frame.routes }
    var strings: Strings { frame.strings }

    func result(_ plan: Plan) -> PlanResult { results[plan.id]!.result }
    /// The plan's monthly briefings, oldest first.
    func briefings(_ plan: Plan) -> [Briefing] { results[plan.id]!.briefings }

    func unit(_ id: UnitID) -> ResponsibleUnit? { frame.unit(id) }
    func pairingName(_ pairing: Pairing) -> String { frame.pairingName(pairing) }

    /// The plans of a pairing, newest first.
    func plans(of pairing: String) -> [Plan] { plansByPairing[pairing] ?? [] }
}

/// A page ready to be rendered: where it goes, which template draws it, and its data.
struct PageSpec {
    let path: SitePath
    let template: TemplateName
    let context: any Encodable
}
