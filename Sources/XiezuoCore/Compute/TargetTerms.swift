import Foundation

/// How far a target split into equal shares is met: per item (至少各1次), per member of the
/// responsible group (各结对镇…不少于3家) or per calendar period (每季度一次). Each share counts
/// up to its own amount, so one far over cannot hide another at zero.
struct ShareCompletion {
    /// Each share's value, in order; shares not reported count 0.
    let values: [Decimal]
    /// What each share must reach.
    let amount: Decimal

    var reached: Int { values.filter { $0 >= amount }.count }
    var met: Bool { reached == values.count }

    /// Σ min(share, amount) ÷ (shares × amount).
    var fraction: Fraction {
        guard amount > 0, !values.isEmpty else { return .whole }
        return Fraction(numerator: values.reduce(Decimal(0)) { $0 + min($1, amount) },
                        denominator: Decimal(values.count) * amount)
    }
}

extension Region {
    /// The members of the first group among `owners` that lists any, in the order the group
    /// names them: those a per-member target applies to.
    func members(ofGroupsAmong owners: [UnitID]) -> [ResponsibleUnit] {
        for owner in owners {
            guard let group = units.first(where: { $0.id == owner }), group.kind == .group else { continue }
            return group.members.compactMap(unit(named:))
        }
        return []
    }
}
