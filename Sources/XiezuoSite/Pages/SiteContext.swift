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
    /// The plans each unit has something in, newest first.
    let plansByUnit: [UnitID: [Plan]]
    /// The plans of each pairing, newest first.
    let plansByPairing: [String: [Plan]]
    /// The plans and indicators that use each standard indicator.
    let usesByStandard: [String: [(Plan, Indicator)]]
    /// Whether any record is sample data, and the latest record date.
    let anySample: Bool
    let latestData: Day?

    init(content: Content, results: [String: PlanResult], routes: Routes, strings: Strings, baseURL: String?) {
        self.content = content
        self.results = results
        self.routes = routes
        self.strings = strings
        self.baseURL = baseURL
        let newestFirst = content.plans.sorted { ($0.year, $0.id) > ($1.year, $1.id) }
        var byUnit: [UnitID: [Plan]] = [:]
        var byPairing: [String: [Plan]] = [:]
        for plan in newestFirst {
            for unit in results[plan.id]?.units ?? [] { byUnit[unit.unit, default: []].append(plan) }
            byPairing[plan.pairing, default: []].append(plan)
        }
        plansByUnit = byUnit
        plansByPairing = byPairing
        var byStandard: [String: [(Plan, Indicator)]] = [:]
        for plan in content.plans.sorted(by: { $0.id < $1.id }) {
            for indicator in plan.indicators {
                if let standard = indicator.standard { byStandard[standard, default: []].append((plan, indicator)) }
            }
        }
        usesByStandard = byStandard
        anySample = content.plans.contains { plan in plan.records.contains { $0.sample } }
        latestData = content.plans.compactMap { $0.records.last?.date }.max()
    }

    func result(_ plan: Plan) -> PlanResult { results[plan.id]! }

    func region(of unit: UnitID) -> Region? { content.region(unit.region) }
    func unit(_ id: UnitID) -> ResponsibleUnit? { region(of: id)?.units.first { $0.id == id } }

    func pairingName(_ pairing: Pairing) -> String {
        let helping = content.region(pairing.helping)?.name ?? pairing.helping
        let helped = content.region(pairing.helped)?.name ?? pairing.helped
        return "\(helping) → \(helped)"
    }

    /// The plans of a pairing, newest first.
    func plans(of pairing: String) -> [Plan] { plansByPairing[pairing] ?? [] }

    /// Plans that use the standard indicator `standard`, with the indicator.
    func uses(of standard: String) -> [(Plan, Indicator)] { usesByStandard[standard] ?? [] }
}

/// A page ready to be rendered: where it goes, which template draws it, and its data.
struct PageSpec {
    let path: SitePath
    let template: String
    let context: any Encodable
}
