import Foundation

extension ExplanationStep {
    /// The step as a translation key and named arguments (numbers already formatted by the
    /// display rule), for the site's templates, the JSON report and the command line.
    public var parts: (key: String, arguments: [String: String]) {
        let a: (Decimal) -> String = Display.amount
        let p = Display.percent
        let pt = Display.points
        switch self {
        case let .latestRecord(unit, date, value, file):
            return ("explain.latest-record", ["unit": unit, "date": date.description, "value": a(value), "file": file])
        case let .latestItem(unit, date, item, value, file):
            return ("explain.latest-item", ["unit": unit, "date": date.description, "item": item, "value": a(value),
                                            "file": file])
        case let .valueNote(unit, note): return ("explain.value-note", ["unit": unit, "note": note])
        case let .correction(unit, date, reason):
            return ("explain.correction", ["unit": unit, "date": date.description, "reason": reason])
        case .noRecord: return ("explain.no-record", [:])
        case let .carriedForward(plan, value): return ("explain.carried-forward", ["plan": plan, "value": a(value)])
        case let .stock(value): return ("explain.stock", ["value": a(value)])
        case let .sum(value): return ("explain.sum", ["value": a(value)])
        case let .sumOfParts(parts, value):
            return ("explain.sum-of-parts", ["parts": parts.joined(separator: " + "), "value": a(value)])
        case let .ratio(numerator, numeratorValue, denominator, denominatorValue, value):
            return ("explain.ratio", ["numerator": numerator, "numerator-value": a(numeratorValue), "denominator": denominator,
                                      "denominator-value": a(denominatorValue), "value": Display.amount(value, places: 2)])
        case let .completion(actual, target, ratio):
            return ("explain.completion", ["actual": a(actual), "target": a(target), "ratio": p(ratio)])
        case let .itemCompletion(met, items, ratio):
            return ("explain.item-completion", ["met": "\(met)", "items": "\(items)", "ratio": p(ratio)])
        case let .periodValue(period, value, amount):
            return ("explain.period-value", ["period": period, "value": a(value), "amount": a(amount)])
        case let .periodCompletion(met, judged, periods, ratio):
            return ("explain.period-completion", ["met": "\(met)", "judged": "\(judged)", "periods": "\(periods)", "ratio": p(ratio)])
        case .membersUnknown: return ("explain.members-unknown", [:])
        case let .lastYear(plan, value): return ("explain.last-year", ["plan": plan, "value": a(value)])
        case .lastYearUnknown: return ("explain.last-year-unknown", [:])
        case let .taskState(state, unit, date):
            return ("explain.task-state", ["state": state.rawValue, "unit": unit, "date": date.description])
        case let .taskFromIndicators(indicators, ratio):
            return ("explain.task-from-indicators", ["indicators": indicators.joined(separator: ", "), "ratio": p(ratio)])
        case let .taskFromState(ratio): return ("explain.task-from-state", ["ratio": p(ratio)])
        case let .pointsAll(points, done, score):
            return ("explain.points-all", ["points": pt(points), "done": done ? "yes" : "no", "score": pt(score)])
        case let .pointsProportional(points, ratio, score):
            return ("explain.points-proportional", ["points": pt(points), "ratio": p(ratio), "score": pt(score)])
        case let .pointsDeduction(points, shortfall, step, perStep, score):
            return ("explain.points-deduction", ["points": pt(points), "shortfall": Display.fixed(shortfall, places: 2),
                                                 "step": a(step), "per-step": pt(perStep), "score": pt(score)])
        case let .pointsPerCase(points, cases, perCase, score):
            return ("explain.points-per-case", ["points": pt(points), "cases": a(cases), "per-case": pt(perCase), "score": pt(score)])
        case let .bonusItem(points, done):
            return ("explain.bonus-item", ["points": pt(points), "done": done ? "yes" : "no"])
        case let .reportingDeduction(points, missing, perMissing, score):
            return ("explain.reporting-deduction", ["points": pt(points), "missing": "\(missing)", "per-missing": pt(perMissing),
                                                    "score": pt(score)])
        case let .noEvidence(points): return ("explain.no-evidence", ["points": pt(points)])
        case let .falseData(penalty): return ("explain.false-data", ["penalty": pt(penalty)])
        case .notApplicable: return ("explain.not-applicable", [:])
        case let .bonus(value): return ("explain.bonus", ["value": pt(value)])
        case let .capped(cap): return ("explain.capped", ["cap": pt(cap)])
        case let .expectedShare(elapsed, total, share):
            return ("explain.expected-share", ["elapsed": "\(elapsed)", "total": "\(total)", "share": p(share)])
        }
    }
}
