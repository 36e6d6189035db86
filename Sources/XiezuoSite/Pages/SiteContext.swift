import Foundation
import XiezuoCore

/// What every page is built from: the content, the engine's results, where pages live, and the
/// strings of the chosen language.
struct SiteContext {
    let content: Content
    let results: [String: PlanResult]
    let routes: Routes
    let strings: Strings
    let baseURL: String?

    func result(_ plan: Plan) -> PlanResult { results[plan.id]! }

    func region(of unit: UnitID) -> Region? { content.region(unit.region) }
    func unit(_ id: UnitID) -> ResponsibleUnit? { region(of: id)?.units.first { $0.id == id } }

    func pairingName(_ pairing: Pairing) -> String {
        let helping = content.region(pairing.helping)?.name ?? pairing.helping
        let helped = content.region(pairing.helped)?.name ?? pairing.helped
        return "\(helping) → \(helped)"
    }

    /// The plans of a pairing, newest first.
    func plans(of pairing: String) -> [Plan] {
        content.plans.filter { $0.pairing == pairing }.sorted { $0.year > $1.year }
    }

    /// Plans that use the standard indicator `standard`, with the indicator.
    func uses(of standard: String) -> [(Plan, Indicator)] {
        content.plans.flatMap { plan in plan.indicators.filter { $0.standard == standard }.map { (plan, $0) } }
    }
}

/// A page ready to be rendered: where it goes, which template draws it, and its data.
struct PageSpec {
    let path: SitePath
    let template: String
    let context: Any
}
