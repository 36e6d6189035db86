import Foundation
import XiezuoCore

/// What the site-wide pages (home, indexes, standard comparisons, site downloads) need of a
/// plan. Made with the plan's group and kept between builds, so that rebuilding one group
/// does not read the others. Numbers are kept exact, as strings.
struct PlanSummary: Codable, Sendable, Equatable {
    let id: String
    let pairing: String
    let year: Int
    let title: String
    let scored: Bool
    let asOf: String
    let latestData: String?
    let sample: Bool
    let completion: ExactNumber
    let expected: ExactNumber
    let score: ExactNumber
    let available: ExactNumber
    let grade: String?
    /// How many findings of each kind (`Finding.Kind` raw values).
    let findings: [String: Int]
    let indicators: StatusCounts
    /// Its indicators that are a standard indicator, for the comparison pages.
    let standards: [StandardUse]

    struct StatusCounts: Codable, Sendable, Equatable {
        let indicators, done, behind, overdue, tracked: Int
    }

    init(_ plan: Plan, result: PlanResult, p: Presenter) {
        id = plan.id
        pairing = plan.pairing
        year = plan.year
        title = plan.title
        scored = plan.scoring.method != .none
        asOf = result.asOf.description
        latestData = result.latestData?.description
        sample = result.sample
        completion = ExactNumber(result.completion)
        expected = ExactNumber(result.expected)
        score = ExactNumber(result.score)
        available = ExactNumber(result.rollup.available)
        grade = result.grade
        findings = Dictionary(result.findings.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +)
        let statuses = result.indicators.map(\.pace.status)
        indicators = StatusCounts(indicators: statuses.count, done: statuses.filter { $0 == .done }.count,
                                  behind: statuses.filter { $0 == .behind }.count,
                                  overdue: statuses.filter { $0 == .overdue }.count,
                                  tracked: statuses.filter { $0 == .notScored || $0 == .unknown }.count)
        standards = plan.indicators.filter { !Self.isPartOfSameStandard($0, in: plan) }.compactMap { indicator in
            indicator.standard.flatMap { standard in
                result.indicator(indicator.id).map {
                    StandardUse(standard: standard, plan: plan.id, indicator: indicator, result: $0, p: p)
                }
            }
        }
    }
}

extension PlanSummary {
    /// A part (其中, or one of a split's parts) of an indicator of the same plan that stands for
    /// the same standard: the comparison shows the whole, never the whole against its parts.
    static func isPartOfSameStandard(_ indicator: Indicator, in plan: Plan) -> Bool {
        guard let standard = indicator.standard else { return false }
        let wholes = plan.indicators.filter { $0.id == indicator.partOf || $0.split.contains(indicator.id) }
        return wholes.contains { $0.standard == standard }
    }
}

/// An indicator that stands for a standard indicator, as its comparison page shows it.
struct StandardUse: Codable, Sendable, Equatable {
    let standard: String
    let indicator: String
    /// The indicator's own page (its path is only known with its plan).
    let page: SitePath?
    let name: String
    let target: String
    let actual: String
    /// The actual value in the standard's unit, which the comparison ranks by.
    let value: ExactNumber?
    let completion: ExactNumber?
    let expected: ExactNumber?
    let status: String
    let responsible: [UnitID]

    init(standard: String, plan: String, indicator: Indicator, result: IndicatorResult, p: Presenter) {
        self.standard = standard
        self.indicator = indicator.id
        page = p.site.routes.indicator(plan, indicator.id)
        name = indicator.name
        target = p.targetText(indicator, result: result)
        actual = p.actualText(result, unit: indicator.unit.symbol)
        let standardUnit = p.site.shared.standards.first { $0.id == standard }?.unit
        value = standardUnit.map { ExactNumber(indicator.unit.convert(result.actual, to: $0)) }
        completion = result.completion.map(ExactNumber.init)
        expected = result.scored && result.completion != nil ? ExactNumber(result.pace.expected) : nil
        status = result.pace.status.rawValue
        responsible = result.responsible
    }
}

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

/// A Decimal kept exactly through JSON, as the string of its digits.
struct ExactNumber: Codable, Sendable, Equatable {
    let value: Decimal

    init(_ value: Decimal) {
        self.value = value
    }

    init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a number: \(text)"))
        }
        self.value = value
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value.plainString)
    }
}
