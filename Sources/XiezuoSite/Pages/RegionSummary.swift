import Foundation
import XiezuoCore

/// A region's units, counted over the plans of its group, for the unit index and units.csv.
struct RegionSummary: Codable, Sendable, Equatable {
    let region: String
    /// In the order of the region's units.
    let units: [UnitCounts]

    struct UnitCounts: Codable, Sendable, Equatable {
        let unit: UnitID
        let plans, tasks, indicators, owes: Int
    }

    init(_ region: Region, site: SiteContext) {
        self.region = region.id
        units = region.units.map { unit in
            let mine = (site.plansByUnit[unit.id] ?? []).compactMap { site.result($0).unit(unit.id) }
            return UnitCounts(unit: unit.id, plans: mine.count, tasks: mine.reduce(0) { $0 + $1.tasks.count },
                              indicators: mine.reduce(0) { $0 + $1.indicators.count },
                              owes: mine.reduce(0) { $0 + $1.missingReports.count })
        }
    }
}
