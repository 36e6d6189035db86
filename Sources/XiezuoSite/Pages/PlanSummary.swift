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
