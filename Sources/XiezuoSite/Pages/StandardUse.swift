import Foundation
import XiezuoCore

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
