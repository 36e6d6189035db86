import Foundation

/// Rules inside one plan: unique ids, indicators that refer to each other, targets that must agree.
enum PlanRules {
    static func check(_ plan: Plan, standards: [StandardIndicator], heldBack: HeldBack, sink: DiagnosticSink) {
        var taskIDs: [String: PlanTask] = [:]
        for task in plan.allTasks {
            if let first = taskIDs[task.id] {
                sink.error(.duplicateTask, ["id": .text(task.id), "line": "\(first.location.line)"], at: task.location)
            } else {
                taskIDs[task.id] = task
            }
            if let deadline = task.deadline, deadline.year != plan.year {
                sink.warning(.deadlineOutsideYear, ["deadline": "\(deadline)", "year": "\(plan.year)"], at: task.location)
            }
            if task.points != nil && task.units.isEmpty && plan.coordinator == nil {
                sink.error(.pointsWithoutUnit, ["id": .text(task.id)], at: task.location)
            }
            if let points = task.points, points < 0 {
                sink.error(.negativePoints, ["points": .text(points.plainString)], at: task.location)
            }
            checkScoring(task, in: plan, sink: sink)
        }
        if plan.scoring.reporting != nil && plan.reporting == nil {
            sink.error(.reportingScoredWithoutDay, at: plan.location)
        }
        if plan.startDay > plan.finalDay {
            sink.error(.startAfterDeadline, ["start": "\(plan.startDay)", "deadline": "\(plan.finalDay)"], at: plan.location)
        }
        if plan.scoring.method != .none && !plan.allTasks.contains(where: { $0.points != nil })
            && !heldBack.hold(unread: plan.unreadTasksFile) {
            sink.error(.methodWithoutPoints, at: plan.location)
        }
        var indicators: [String: Indicator] = [:]
        for indicator in plan.indicators {
            if let first = indicators[indicator.id] {
                sink.error(.duplicateIndicator, ["id": .text(indicator.id), "line": "\(first.location.line)"],
                           at: indicator.location)
            } else {
                indicators[indicator.id] = indicator
            }
        }
        for indicator in plan.indicators {
            checkRelations(indicator, indicators: indicators, tasks: taskIDs, standards: standards,
                           unreadTasks: plan.unreadTasksFile, heldBack: heldBack, sink: sink)
            checkShares(indicator, in: plan, sink: sink)
            if let bonus = indicator.bonus {
                checkBonusItem(bonus, what: Message(.whatIndicatorNamed, ["id": .text(indicator.id)]), in: plan, at: indicator.location, sink: sink)
                if indicator.target.amount == nil || !indicator.scored {
                    sink.error(.bonusWithoutTarget, ["id": .text(indicator.id)], at: indicator.location)
                }
            }
        }
    }

    /// A task's own method, and its bonus, must be ones the plan can apply.
    private static func checkScoring(_ task: PlanTask, in plan: Plan, sink: DiagnosticSink) {
        if let method = task.method, method != .none, plan.scoring.method == .none {
            sink.error(.taskScoringInUnscoredPlan, ["id": .text(task.id)], at: task.location)
        }
        if case .perCase = task.method ?? plan.scoring.method, task.points != nil,
           !plan.indicators.contains(where: { $0.tasks.contains(task.id) }) {
            sink.error(.perCaseWithoutIndicator, ["id": .text(task.id)], at: task.location)
        }
        if let bonus = task.bonus { checkBonusItem(bonus, what: Message(.whatTaskNamed, ["id": .text(task.id)]), in: plan, at: task.location, sink: sink) }
    }

    /// A bonus item (加分项) of a task or an indicator: not negative, within a cap the plan sets.
    private static func checkBonusItem(_ bonus: Decimal, what: Message, in plan: Plan, at location: SourceLocation,
                                       sink: DiagnosticSink) {
        if bonus < 0 { sink.error(.negativeBonus, ["bonus": .text(bonus.plainString)], at: location) }
        if plan.scoring.bonus == nil {
            sink.error(.bonusWithoutCap, ["what": .message(what)], at: location)
        }
    }

    /// Targets met per period or per member: an at-least target, and a cadence's periods that
    /// add up to it.
    private static func checkShares(_ indicator: Indicator, in plan: Plan, sink: DiagnosticSink) {
        let here = indicator.location
        let atLeast: Bool
        if case .atLeast = indicator.target { atLeast = true } else { atLeast = false }
        if indicator.perMember && !atLeast {
            sink.error(.perMemberNeedsAtLeast, at: here)
        }
        guard let cadence = indicator.cadence else { return }
        if !atLeast {
            sink.error(.cadenceNeedsAtLeast, at: here)
        }
        if indicator.counting == .runningTotal {
            sink.error(.cadenceWithRunningTotal, at: here)
        }
        if indicator.perMember {
            sink.error(.perMemberAndPeriod, at: here)
        }
        let periods = CalendarPeriod.periods(cadence.period, from: plan.startDay, through: plan.deadline(of: indicator))
        if let target = indicator.target.amount, atLeast, !periods.isEmpty,
           Decimal(periods.count) * cadence.perPeriod != target {
            sink.error(.cadenceTotalDiffers, ["each": "\(cadence.perPeriod.plainString) \(indicator.unit)", "count": "\(periods.count)",
                                              "first": .text(periods[0].key), "last": .text(periods[periods.count - 1].key),
                                              "sum": "\((Decimal(periods.count) * cadence.perPeriod).plainString) \(indicator.unit)",
                                              "target": "\(target.plainString) \(indicator.unit)"], at: here)
        }
    }

    private static func checkRelations(_ indicator: Indicator, indicators: [String: Indicator],
                                       tasks: [String: PlanTask], standards: [StandardIndicator], unreadTasks: String?,
                                       heldBack: HeldBack, sink: DiagnosticSink) {
        let here = indicator.location
        for task in indicator.tasks where tasks[task] == nil && !heldBack.hold(unread: unreadTasks) {
            sink.error(.indicatorUnknownTask, ["id": .text(indicator.id), "task": .text(task),
                                               "suggestion": Suggestion.didYouMean(task, among: Array(tasks.keys))], at: here)
        }
        if let standardID = indicator.standard {
            if let standard = standards.first(where: { $0.id == standardID }) {
                // An unknown unit of measure is reported where it is written; a mismatch with the
                // standard would only follow from it.
                if MeasureUnit.named(indicator.unit.symbol) != nil, !standard.unit.isCommensurable(with: indicator.unit) {
                    sink.error(.standardUnitDiffers, ["unit": "\(indicator.unit)", "standard": .text(standardID), "standardUnit": "\(standard.unit)"],
                               at: here)
                }
            } else {
                sink.error(.unknownStandard, ["id": .text(standardID),
                                              "suggestion": Suggestion.didYouMean(standardID, among: standards.map(\.id))], at: here)
            }
        }
        if let wholeID = indicator.partOf {
            if wholeID == indicator.id {
                sink.error(.partOfItself, ["id": .text(indicator.id)], at: here)
            } else if let whole = indicators[wholeID] {
                if let part = indicator.target.amount, let total = whole.target.amount,
                   whole.unit.isCommensurable(with: indicator.unit),
                   indicator.unit.convert(part, to: whole.unit) > total {
                    sink.error(.partExceedsWhole, ["part": "\(part.plainString) \(indicator.unit)", "whole": "\(total.plainString) \(whole.unit)",
                                                   "id": .text(wholeID), "name": .text(whole.name)], at: here)
                }
            } else {
                sink.error(.partOfUnknown, ["id": .text(indicator.id), "whole": .text(wholeID),
                                        "suggestion": Suggestion.didYouMean(wholeID, among: Array(indicators.keys))], at: here)
            }
        }
        if let ratio = indicator.ratio { checkRatio(ratio, of: indicator, indicators: indicators, sink: sink) }
        guard !indicator.split.isEmpty else { return }
        var sum = Decimal(0)
        var complete = true
        for partID in indicator.split {
            guard let part = indicators[partID] else {
                sink.error(.splitIntoUnknown, ["id": .text(indicator.id), "part": .text(partID),
                                               "suggestion": Suggestion.didYouMean(partID, among: Array(indicators.keys))], at: here)
                complete = false
                continue
            }
            guard let amount = part.target.amount, part.unit.isCommensurable(with: indicator.unit) else {
                complete = false
                continue
            }
            sum += part.unit.convert(amount, to: indicator.unit)
        }
        if complete, let total = indicator.target.amount, sum != total {
            sink.error(.splitSumDiffers, ["parts": .text(indicator.split.joined(separator: " + ")), "sum": "\(sum.plainString) \(indicator.unit)",
                                          "target": "\(total.plainString) \(indicator.unit)"], at: here)
        }
    }

    /// A computed percentage: in %, from two known indicators that count the same thing.
    private static func checkRatio(_ ratio: Indicator.Ratio, of indicator: Indicator, indicators: [String: Indicator],
                                   sink: DiagnosticSink) {
        let here = indicator.location
        if indicator.unit.dimension != .ratio {
            sink.error(.ratioNotPercent, ["id": .text(indicator.id), "unit": "\(indicator.unit)"], at: here)
        }
        if !indicator.split.isEmpty {
            sink.error(.ratioAndSplit, ["id": .text(indicator.id)], at: here)
        }
        var sides: [Indicator] = []
        for id in [ratio.numerator, ratio.denominator] {
            guard let side = indicators[id], id != indicator.id else {
                sink.error(.ratioOfUnknown, ["id": .text(indicator.id), "side": .text(id),
                                             "suggestion": Suggestion.didYouMean(id, among: Array(indicators.keys.filter { $0 != indicator.id }))],
                           at: here)
                continue
            }
            if side.ratio != nil {
                sink.error(.ratioOfRatio, ["id": .text(indicator.id), "side": .text(id)], at: here)
            }
            sides.append(side)
        }
        if sides.count == 2, !sides[0].unit.isCommensurable(with: sides[1].unit) {
            sink.error(.ratioOfUnlike, ["id": .text(indicator.id), "numerator": .text(sides[0].id), "numeratorUnit": "\(sides[0].unit)",
                                        "denominator": .text(sides[1].id), "denominatorUnit": "\(sides[1].unit)"], at: here)
        }
    }
}
