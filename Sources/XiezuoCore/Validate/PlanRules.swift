import Foundation

/// Rules inside one plan: unique ids, indicators that refer to each other, targets that must agree.
enum PlanRules {
    static func check(_ plan: Plan, standards: [StandardIndicator], heldBack: HeldBack, sink: DiagnosticSink) {
        var taskIDs: [String: PlanTask] = [:]
        for task in plan.allTasks {
            if let first = taskIDs[task.id] {
                sink.error("duplicate task id '\(task.id)'; the first is at line \(first.location.line)", at: task.location)
            } else {
                taskIDs[task.id] = task
            }
            if let deadline = task.deadline, deadline.year != plan.year {
                sink.warning("deadline \(deadline) is outside the plan's year \(plan.year)", at: task.location)
            }
            if task.points != nil && task.units.isEmpty && plan.coordinator == nil {
                sink.error("task '\(task.id)' has points but no responsible unit, and the plan names no coordinator; "
                           + "add 'units' to the task or 'coordinator' to plan.md", at: task.location)
            }
            if let points = task.points, points < 0 {
                sink.error("points cannot be negative (\(points.plainString))", at: task.location)
            }
            checkScoring(task, in: plan, sink: sink)
        }
        if plan.scoring.reporting != nil && plan.reporting == nil {
            sink.error("'scoring' scores monthly reporting but the plan sets no reporting day; "
                       + "add 'reporting: {due-day: 1}' to plan.md", at: plan.location)
        }
        if plan.startDay > plan.finalDay {
            sink.error("the plan starts on \(plan.startDay) (its 'start', else 'issued') but its deadline is \(plan.finalDay); "
                       + "correct 'start', 'issued' or 'deadline' in plan.md", at: plan.location)
        }
        if plan.scoring.method != .none && !plan.allTasks.contains(where: { $0.points != nil })
            && !heldBack.hold(unread: plan.unreadTasksFile) {
            sink.error("the plan declares a scoring method but no task has 'points'; "
                       + "give tasks points or use 'method: none'", at: plan.location)
        }
        var indicators: [String: Indicator] = [:]
        for indicator in plan.indicators {
            if let first = indicators[indicator.id] {
                sink.error("duplicate indicator id '\(indicator.id)'; the first is at line \(first.location.line)",
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
                checkBonusItem(bonus, what: "indicator '\(indicator.id)'", in: plan, at: indicator.location, sink: sink)
                if indicator.target.amount == nil || !indicator.scored {
                    sink.error("indicator '\(indicator.id)' is a bonus item, earned when its target is met, but it has no "
                               + "target that is assessed", at: indicator.location)
                }
            }
        }
    }

    /// A task's own method, and its bonus, must be ones the plan can apply.
    private static func checkScoring(_ task: PlanTask, in plan: Plan, sink: DiagnosticSink) {
        if let method = task.method, method != .none, plan.scoring.method == .none {
            sink.error("task '\(task.id)' (or its section) has its own 'scoring' but the plan is not scored "
                       + "('method: none' in plan.md)", at: task.location)
        }
        if case .perCase = task.method ?? plan.scoring.method, task.points != nil,
           !plan.indicators.contains(where: { $0.tasks.contains(task.id) }) {
            sink.error("task '\(task.id)' loses points per case, but no indicator counts its cases; "
                       + "link one with 'tasks: [\"\(task.id)\"]' in indicators.yaml", at: task.location)
        }
        if let bonus = task.bonus { checkBonusItem(bonus, what: "task '\(task.id)'", in: plan, at: task.location, sink: sink) }
    }

    /// A bonus item (加分项) of a task or an indicator: not negative, within a cap the plan sets.
    private static func checkBonusItem(_ bonus: Decimal, what: String, in plan: Plan, at location: SourceLocation,
                                       sink: DiagnosticSink) {
        if bonus < 0 { sink.error("'bonus' cannot be negative (\(bonus.plainString))", at: location) }
        if plan.scoring.bonus == nil {
            sink.error("\(what) is a bonus item but the plan's scoring sets no bonus cap; "
                       + "add 'bonus: {cap: 10}' (加分最多10分) to 'scoring' in plan.md", at: location)
        }
    }

    /// Targets met per period or per member: an at-least target, and a cadence's periods that
    /// add up to it.
    private static func checkShares(_ indicator: Indicator, in plan: Plan, sink: DiagnosticSink) {
        let here = indicator.location
        let atLeast: Bool
        if case .atLeast = indicator.target { atLeast = true } else { atLeast = false }
        if indicator.perMember && !atLeast {
            sink.error("'per: member' goes with an at-least target (each member at least so many)", at: here)
        }
        guard let cadence = indicator.cadence else { return }
        if !atLeast {
            sink.error("'cadence' goes with an at-least target (at least so many each period)", at: here)
        }
        if indicator.counting == .runningTotal {
            sink.error("'cadence' counts what each period adds; it cannot go with 'counting: running-total'", at: here)
        }
        if indicator.perMember {
            sink.error("an indicator cannot be both per member and per period; split it into one per member", at: here)
        }
        let periods = CalendarPeriod.periods(cadence.period, from: plan.startDay, through: plan.deadline(of: indicator))
        if let target = indicator.target.amount, atLeast, !periods.isEmpty,
           Decimal(periods.count) * cadence.perPeriod != target {
            sink.error("\(cadence.perPeriod.plainString) \(indicator.unit) in each of the \(periods.count) periods from "
                       + "\(periods[0].key) to \(periods[periods.count - 1].key) is "
                       + "\((Decimal(periods.count) * cadence.perPeriod).plainString) \(indicator.unit), but the target is "
                       + "\(target.plainString) \(indicator.unit); correct 'target' or 'per-period'", at: here)
        }
    }

    private static func checkRelations(_ indicator: Indicator, indicators: [String: Indicator],
                                       tasks: [String: PlanTask], standards: [StandardIndicator], unreadTasks: String?,
                                       heldBack: HeldBack, sink: DiagnosticSink) {
        let here = indicator.location
        for task in indicator.tasks where tasks[task] == nil && !heldBack.hold(unread: unreadTasks) {
            sink.error("indicator '\(indicator.id)' names unknown task '\(task)'"
                       + Suggestion.didYouMean(task, among: Array(tasks.keys)), at: here)
        }
        if let standardID = indicator.standard {
            if let standard = standards.first(where: { $0.id == standardID }) {
                if !standard.unit.isCommensurable(with: indicator.unit) {
                    sink.error("indicator counts in \(indicator.unit) but standard '\(standardID)' counts in \(standard.unit)",
                               at: here)
                }
            } else {
                sink.error("unknown standard indicator '\(standardID)'"
                           + Suggestion.didYouMean(standardID, among: standards.map(\.id))
                           + " (standards are listed in content/standards.yaml)", at: here)
            }
        }
        if let wholeID = indicator.partOf {
            if wholeID == indicator.id {
                sink.error("indicator '\(indicator.id)' cannot be a part of itself", at: here)
            } else if let whole = indicators[wholeID] {
                if let part = indicator.target.amount, let total = whole.target.amount,
                   whole.unit.isCommensurable(with: indicator.unit),
                   indicator.unit.convert(part, to: whole.unit) > total {
                    sink.error("part is larger than its whole: target \(part.plainString) \(indicator.unit) "
                               + "exceeds \(total.plainString) \(whole.unit) of '\(wholeID)' (\(whole.name))", at: here)
                }
            } else {
                sink.error("indicator '\(indicator.id)' is part of unknown indicator '\(wholeID)'"
                           + Suggestion.didYouMean(wholeID, among: Array(indicators.keys)), at: here)
            }
        }
        if let ratio = indicator.ratio { checkRatio(ratio, of: indicator, indicators: indicators, sink: sink) }
        guard !indicator.split.isEmpty else { return }
        var sum = Decimal(0)
        var complete = true
        for partID in indicator.split {
            guard let part = indicators[partID] else {
                sink.error("indicator '\(indicator.id)' is split into unknown indicator '\(partID)'"
                           + Suggestion.didYouMean(partID, among: Array(indicators.keys)), at: here)
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
            sink.error("sub-targets do not add up: \(indicator.split.joined(separator: " + ")) = \(sum.plainString) "
                       + "\(indicator.unit), but the target is \(total.plainString) \(indicator.unit)", at: here)
        }
    }

    /// A computed percentage: in %, from two known indicators that count the same thing.
    private static func checkRatio(_ ratio: Indicator.Ratio, of indicator: Indicator, indicators: [String: Indicator],
                                   sink: DiagnosticSink) {
        let here = indicator.location
        if indicator.unit.dimension != .ratio {
            sink.error("indicator '\(indicator.id)' is computed with 'ratio' but counts in \(indicator.unit); "
                       + "a ratio is a percentage: write 'unit: \"%\"'", at: here)
        }
        if !indicator.split.isEmpty {
            sink.error("indicator '\(indicator.id)' cannot be both a 'ratio' and a 'split'", at: here)
        }
        var sides: [Indicator] = []
        for id in [ratio.numerator, ratio.denominator] {
            guard let side = indicators[id], id != indicator.id else {
                sink.error("indicator '\(indicator.id)' is computed from unknown indicator '\(id)'"
                           + Suggestion.didYouMean(id, among: Array(indicators.keys.filter { $0 != indicator.id })), at: here)
                continue
            }
            if side.ratio != nil {
                sink.error("indicator '\(indicator.id)' is computed from '\(id)', itself computed; "
                           + "compute a ratio from reported indicators", at: here)
            }
            sides.append(side)
        }
        if sides.count == 2, !sides[0].unit.isCommensurable(with: sides[1].unit) {
            sink.error("indicator '\(indicator.id)' divides '\(sides[0].id)' in \(sides[0].unit) by '\(sides[1].id)' in "
                       + "\(sides[1].unit); a ratio needs two amounts of the same kind", at: here)
        }
    }
}
