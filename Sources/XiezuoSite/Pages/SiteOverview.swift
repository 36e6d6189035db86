import Foundation
import XiezuoCore

/// What the site-wide pages are built from: the frame and every group's summaries, never the
/// plans themselves, so that they cost the same whichever groups were rebuilt.
struct SiteOverview {
    let frame: SiteFrame
    /// Every plan's summary, in plan id order.
    let plans: [PlanSummary]
    let regions: [String: RegionSummary]
    /// The plans of each pairing, newest first.
    let plansByPairing: [String: [PlanSummary]]
    /// Whether any plan shows sample data, and the latest record date of all.
    let anySample: Bool
    let latestData: String?

    init(frame: SiteFrame, plans: [PlanSummary], regions: [RegionSummary]) {
        self.frame = frame
        self.plans = plans.sorted { $0.id < $1.id }
        self.regions = Dictionary(regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        var byPairing: [String: [PlanSummary]] = [:]
        for plan in plans.sorted(by: { ($0.year, $0.id) > ($1.year, $1.id) }) {
            byPairing[plan.pairing, default: []].append(plan)
        }
        plansByPairing = byPairing
        anySample = plans.contains { $0.sample }
        latestData = plans.compactMap(\.latestData).max()
    }

    func plans(of pairing: String) -> [PlanSummary] { plansByPairing[pairing] ?? [] }

    /// The counts of a unit, zero when no plan names it.
    func counts(of unit: UnitID) -> RegionSummary.UnitCounts {
        regions[unit.region]?.units.first { $0.unit == unit }
            ?? RegionSummary.UnitCounts(unit: unit, plans: 0, tasks: 0, indicators: 0, owes: 0)
    }

    /// Every use of the standard indicator `standard`, with its plan, in plan id order.
    func uses(of standard: String) -> [(PlanSummary, StandardUse)] {
        plans.flatMap { plan in plan.standards.filter { $0.standard == standard }.map { (plan, $0) } }
    }
}
