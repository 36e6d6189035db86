import Foundation

/// An indicator's actual value, completion and standing as of a date.
struct IndicatorEvaluator {
    let plan: Plan
    let content: Content
    let asOf: Day
    let index: RecordIndex

    init(plan: Plan, content: Content, asOf: Day, index: RecordIndex? = nil) {
        self.plan = plan
        self.content = content
        self.asOf = asOf
        self.index = index ?? RecordIndex(plan)
    }

    struct Actual {
        var value: Decimal = 0
        /// For a computed percentage, the exact terms of `value` (numerator × 100 ÷ denominator),
        /// which the division may not represent exactly.
        var exact: Fraction?
        var items: [String: Decimal] = [:]
        var reported = false
        var steps: Explanation = []
    }

    /// The latest cumulative value of each reporting unit on or before `date`, summed; for a
    /// computed percentage, its numerator's actual ÷ its denominator's × 100.
    func actual(of indicator: Indicator, on date: Day) -> Actual {
        if let ratio = indicator.ratio { return computed(ratio, on: date) }
        if indicator.perMember { return byMember(indicator, on: date) }
        return reported(indicator, on: date)
    }

    /// The members of the responsible group, for a per-member target.
    func members(of indicator: Indicator) -> [ResponsibleUnit] {
        content.ownerRegion(of: plan)?.members(ofGroupsAmong: content.units.units(ofIndicator: indicator.id, in: plan.id)) ?? []
    }

    /// Each member's latest value: reported by the member itself, or for it under `items` by a
    /// unit that covers the group (the group, the coordinator). Summed, and kept per member.
    private func byMember(_ indicator: Indicator, on date: Day) -> Actual {
        let members = members(of: indicator)
        let byID = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let names = Set(members.map(\.name))
        var latest: [String: (record: Int, value: Decimal)] = [:]
        for entry in index.values[indicator.id] ?? [] {
            guard index.dates[entry.record] <= date else { break }
            if let member = byID[index.reporters[entry.record]], let value = entry.value.value { latest[member] = (entry.record, value) }
            for (item, value) in entry.value.items where names.contains(item) { latest[item] = (entry.record, value) }
        }
        var result = Actual()
        for member in members {
            guard let (record, value) = latest[member.name] else { continue }
            result.reported = true
            result.value.addExactly(value)
            result.items[member.name] = value
            result.steps.append(.latestItem(unit: index.reporterName(record), date: index.dates[record], item: member.name,
                                            value: value, file: index.records[record].location.file))
        }
        if members.isEmpty { result.steps.append(.membersUnknown) } else if !result.reported { result.steps.append(.noRecord) }
        return result
    }

    /// numerator ÷ denominator × 100, both read in the numerator's unit; 0 while the denominator is 0.
    private func computed(_ ratio: Indicator.Ratio, on date: Day) -> Actual {
        var result = Actual()
        guard let numerator = plan.indicator(ratio.numerator), let denominator = plan.indicator(ratio.denominator) else {
            result.steps = [.noRecord]
            return result
        }
        let top = actual(of: numerator, on: date)
        let bottom = actual(of: denominator, on: date)
        let bottomValue = denominator.unit.convert(bottom.value, to: numerator.unit)
        result.reported = top.reported || bottom.reported
        result.value = bottomValue > 0 ? top.value.dividedExactly(by: bottomValue) * 100 : 0
        if bottomValue > 0 { result.exact = Fraction(numerator: top.value * 100, denominator: bottomValue) }
        result.steps = top.steps + bottom.steps + [.ratio(numerator: numerator.name, numeratorValue: top.value,
                                                           denominator: denominator.name, denominatorValue: bottomValue,
                                                           value: result.value)]
        return result
    }

    private func reported(_ indicator: Indicator, on date: Day) -> Actual {
        // By reporter, as numbers that sort as the reporters' keys do.
        var latest: [Int: (record: Int, value: ReportedValue)] = [:]
        for entry in index.values[indicator.id] ?? [] {
            guard index.dates[entry.record] <= date else { break }
            // Entries are in date order, so a later one replaces an earlier one.
            latest[index.reporterRanks[entry.record]] = (entry.record, entry.value)
        }
        var result = Actual()
        for key in latest.keys.sorted() {
            let (record, value) = latest[key]!
            let unit = index.reporterName(record)
            let (day, file) = (index.dates[record], index.records[record].location.file)
            result.reported = true
            if let amount = value.value {
                result.value.addExactly(amount)
                result.steps.append(.latestRecord(unit: unit, date: day, value: amount, file: file))
            }
            for (item, amount) in value.items.sorted(by: { $0.key < $1.key }) {
                result.items[item, default: 0] += amount
                result.steps.append(.latestItem(unit: unit, date: day, item: item, value: amount, file: file))
            }
            if let note = value.note { result.steps.append(.valueNote(unit: unit, note: note)) }
            if let reason = value.correction { result.steps.append(.correction(unit: unit, date: day, reason: reason)) }
        }
        if latest.count > 1 { result.steps.append(.sum(value: result.value)) }
        if result.reported { return result }

        if !indicator.split.isEmpty {
            var sum = Decimal(0)
            for partID in indicator.split {
                guard let part = plan.indicator(partID) else { continue }
                let partActual = actual(of: part, on: date)
                sum += part.unit.convert(partActual.value, to: indicator.unit)
                result.reported = result.reported || partActual.reported
            }
            result.value = sum
            result.steps = [.sumOfParts(parts: indicator.split, value: sum)]
            return result
        }
        if indicator.counting == .runningTotal {
            if let previous = content.previousPlan(of: plan), let earlier = previous.indicator(indicator.id) {
                let carried = IndicatorEvaluator(plan: previous, content: content, asOf: previous.lastDay)
                    .actual(of: earlier, on: previous.lastDay)
                if carried.reported {
                    result.value = earlier.unit.convert(carried.value, to: indicator.unit)
                    result.steps = [.carriedForward(plan: previous.id, value: result.value)]
                    return result
                }
            }
            if let stock = indicator.stock {
                result.value = stock
                result.steps = [.stock(value: stock)]
                return result
            }
        }
        result.steps = [.noRecord]
        return result
    }

    /// The number to reach, in the indicator's unit; nil when there is none or it is unknown.
    func target(of indicator: Indicator) -> (Decimal?, Explanation) {
        switch indicator.target {
        case .atLeast(let value), .exactly(let value), .atMost(let value), .eachAtLeast(let value, _):
            return (value, [])
        case .none:
            return (nil, [])
        case .notLowerThanLastYear:
            guard let previous = content.previousPlan(of: plan), let earlier = previous.indicator(indicator.id) else {
                return (nil, [.lastYearUnknown])
            }
            let last = IndicatorEvaluator(plan: previous, content: content, asOf: previous.lastDay)
                .actual(of: earlier, on: previous.lastDay)
            guard last.reported else { return (nil, [.lastYearUnknown]) }
            let value = earlier.unit.convert(last.value, to: indicator.unit)
            return (value, [.lastYear(plan: previous.id, value: value)])
        }
    }

    /// `detailed: false` leaves out the month-by-month history and the part/whole check, for
    /// the light evaluations behind a plan's monthly chart. `history: false` leaves out only
    /// the history, which the indicator's page draws from the plan as of the site's date and
    /// no month-end evaluation (a briefing's) is asked for.
    func evaluate(_ indicator: Indicator, responsible: [UnitID], detailed: Bool = true, history withHistory: Bool = true) -> IndicatorResult {
        let actual = actual(of: indicator, on: asOf)
        let (target, targetSteps) = target(of: indicator)
        var steps = actual.steps + targetSteps
        var fraction: Fraction?
        /// `fraction`'s value, divided once where the fraction is settled (the explanation shows
        /// it too): an exact division that does not end goes through Foundation.
        var ratio: Decimal?
        var met = Met.unknown
        var missedPeriods: [String] = []
        var membersBehind: [String] = []
        var calendarShare: Decimal?
        if let target {
            // Targets split into equal shares: per period, per item, per member.
            var shares: ShareCompletion?
            if let cadence = indicator.cadence {
                let periods = CalendarPeriod.periods(cadence.period, from: plan.startDay, through: deadline(of: indicator))
                var previous = Decimal(0)
                var added: [Decimal] = []
                for period in periods {
                    // What the period added: the running total at its end (or today) less the one before.
                    let cumulative = self.actual(of: indicator, on: min(period.due, asOf)).value
                    added.append(cumulative - previous)
                    previous = cumulative
                }
                let judged = periods.filter { asOf > $0.due }
                for (period, value) in zip(periods, added) where period.due < asOf || value > 0 {
                    steps.append(.periodValue(period: period.key, value: value, amount: cadence.perPeriod))
                }
                missedPeriods = zip(periods, added).filter { asOf > $0.0.due && $0.1 < cadence.perPeriod }.map(\.0.key)
                calendarShare = periods.isEmpty ? nil : Decimal(judged.count).dividedExactly(by: Decimal(periods.count))
                shares = ShareCompletion(values: added, amount: cadence.perPeriod)
                if let shares {
                    ratio = shares.fraction.value
                    steps.append(.periodCompletion(met: shares.reached, judged: judged.count, periods: periods.count,
                                                   ratio: ratio!))
                }
            } else if case .eachAtLeast(_, let items) = indicator.target {
                shares = ShareCompletion(values: items.map { actual.items[$0] ?? 0 }, amount: target)
            } else if indicator.perMember {
                let members = members(of: indicator).map(\.name)
                if !members.isEmpty {
                    shares = ShareCompletion(values: members.map { actual.items[$0] ?? 0 }, amount: target)
                    membersBehind = members.filter { (actual.items[$0] ?? 0) < target }
                }
            }
            if let shares {
                fraction = shares.fraction
                met = shares.met ? .yes : .no
                if indicator.cadence == nil {
                    ratio = shares.fraction.value
                    steps.append(.itemCompletion(met: shares.reached, items: shares.values.count, ratio: ratio!))
                }
            } else if indicator.perMember {
                // The group's members are not named: whether each reached the target cannot be said.
            } else {
                switch indicator.target {
                case .atMost:
                    fraction = actual.value <= target ? .whole
                        : actual.exact.map { Fraction(numerator: target * $0.denominator, denominator: $0.numerator) }
                        ?? Fraction(numerator: target, denominator: actual.value)
                    met = actual.value <= target ? .yes : .no
                case .exactly:
                    fraction = target > 0 ? Self.fraction(actual, over: target) : .whole
                    met = actual.value == target ? .yes : .no
                default:
                    fraction = target > 0 ? Self.fraction(actual, over: target) : .whole
                    met = actual.value >= target ? .yes : .no
                }
                ratio = fraction!.value
                steps.append(.completion(actual: actual.value, target: target, ratio: ratio!))
            }
        }
        let completion = ratio ?? fraction?.value
        let deadline = deadline(of: indicator)
        let pace: Pace
        if !indicator.scored || indicator.target == .none {
            pace = PaceRule.untracked(.notScored, start: plan.startDay, deadline: deadline, asOf: asOf)
        } else if let completion {
            // A reported 0 is a report: the item is under way at 0, not "not started".
            pace = PaceRule.pace(done: met == .yes, started: actual.reported || actual.value > 0 || !actual.items.isEmpty,
                                 completion: completion, start: plan.startDay, deadline: deadline, asOf: asOf,
                                 expected: calendarShare, window: plan.deadlineNearDays)
        } else {
            pace = PaceRule.untracked(.unknown, start: plan.startDay, deadline: deadline, asOf: asOf)
        }
        return IndicatorResult(id: indicator.id, name: indicator.name, unit: indicator.unit.symbol, target: target,
                               actual: actual.value, actualFraction: actual.exact, reported: actual.reported,
                               missedPeriods: missedPeriods, membersBehind: membersBehind, items: actual.items, completion: completion, completionFraction: fraction, met: met,
                               scored: indicator.scored && indicator.target != .none, pace: pace,
                               responsible: responsible, history: detailed && withHistory ? history(of: indicator) : [], explanation: steps,
                               exceedsWhole: detailed && exceedsWhole(indicator, actual: actual.value))
    }

    /// actual ÷ target, as exact terms: a computed percentage keeps its own.
    private static func fraction(_ actual: Actual, over target: Decimal) -> Fraction {
        actual.exact.map { Fraction(numerator: $0.numerator, denominator: $0.denominator * target) }
            ?? Fraction(numerator: actual.value, denominator: target)
    }

    func deadline(of indicator: Indicator) -> Day { plan.deadline(of: indicator) }

    /// The value at the end of each month that has a record, up to the as-of date.
    private func history(of indicator: Indicator) -> [MonthValue] {
        let sources = [indicator.id] + indicator.split + [indicator.ratio?.numerator, indicator.ratio?.denominator].compactMap { $0 }
        let entries = sources.flatMap { index.values[$0] ?? [] }
        // Months counted from year 0 (year × 12 + month − 1), so that they sort as numbers.
        let months = Set(entries.lazy.map { index.dates[$0.record] }.filter { $0 <= asOf }.map { $0.year * 12 + $0.month - 1 })
        return months.sorted().map { ordinal in
            let end = min(Day.lastOfMonth(year: ordinal / 12, month: ordinal % 12 + 1), asOf)
            let value = actual(of: indicator, on: end)
            let total = value.items.isEmpty ? value.value : value.items.values.exactSum()
            return MonthValue(month: end.monthKey, value: total)
        }
    }

    private func exceedsWhole(_ indicator: Indicator, actual: Decimal) -> Bool {
        guard let wholeID = indicator.partOf, let whole = plan.indicator(wholeID) else { return false }
        let wholeActual = self.actual(of: whole, on: asOf)
        return wholeActual.reported && indicator.unit.convert(actual, to: whole.unit) > wholeActual.value
    }
}
