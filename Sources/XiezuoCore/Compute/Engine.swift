import Foundation

/// The compute stage: completion, pace and score of a plan as of a date. Pure: the date is
/// an input, nothing is read from disk or clock.
public enum Engine {
    /// The site's as-of date when none is given: the latest record anywhere in the content, so
    /// that every plan is shown as of the same day and the same content always gives the same
    /// pages (never the clock). Content without records is shown as of 1 January of its latest
    /// plan year.
    public static func defaultAsOf(in content: Content) -> Day {
        defaultAsOf(latestRecords: content.plans.compactMap { $0.records.map(\.date).max() },
                    years: content.plans.map(\.year))
    }

    /// The same from each plan's latest record date and year, for a build that reads them
    /// before it reads the plans.
    public static func defaultAsOf(latestRecords: [Day], years: [Int]) -> Day {
        latestRecords.max() ?? Day.firstOfYear(years.max() ?? 2000)
    }

    /// The plan's completion alone, and the share the calendar calls for: what a month's end
    /// needs (no evidence, explanations or scores), computed the way `evaluate` computes them.
    static func completion(of plan: Plan, in content: Content, asOf: Day, index: RecordIndex? = nil) -> (Decimal, Decimal) {
        let index = index ?? RecordIndex(plan)
        let evaluator = IndicatorEvaluator(plan: plan, content: content, asOf: asOf, index: index)
        let indicators = plan.indicators.map { evaluator.evaluate($0, responsible: [], detailed: false) }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let tasks = TaskEvaluator(plan: plan, asOf: asOf, indicators: indicators, index: index)
        let completion = Rollups.planCompletion(plan, tasks: plan.allTasks.map(tasks.completion(of:)), indicators: byID)
        return (completion, PaceRule.expected(start: plan.startDay, deadline: plan.finalDay, asOf: asOf).share)
    }

    /// `history`: also the plan at each month's end and its units' ranks a month before (what a
    /// page shows beside today's figures); off for the evaluation of that month before.
    public static func evaluate(_ plan: Plan, in content: Content, asOf: Day, history: Bool = true) -> PlanResult {
        evaluate(plan, in: content, asOf: asOf, months: history, previousRanks: history ? nil : [:])
    }

    /// `months`: also the plan at each month's end. `previousRanks`: the units' ranks a month
    /// before when the caller has them (a run of month ends), nil to work them out here.
    /// `known`: the plan already evaluated at some month ends (a site's briefings), by day,
    /// which the month states and the month before's ranks are taken from rather than worked
    /// out again. `index`: the plan's records indexed (RecordIndex depends on the plan alone),
    /// when the caller evaluates the plan at several dates.
    static func evaluate(_ plan: Plan, in content: Content, asOf: Day, months history: Bool,
                         previousRanks given: [UnitID: Int]?, known: [Day: PlanResult] = [:], index: RecordIndex? = nil) -> PlanResult {
        let directory = content.units
        let coordinator = directory.coordinators[plan.id]
        // An item without a responsible unit belongs to the plan's coordinator.
        func orCoordinator(_ units: [UnitID]) -> [UnitID] { units.isEmpty ? coordinator.map { [$0] } ?? [] : units }
        func owners(ofTask id: String) -> [UnitID] { orCoordinator(directory.units(ofTask: id, in: plan.id)) }
        func owners(ofIndicator id: String) -> [UnitID] { orCoordinator(directory.units(ofIndicator: id, in: plan.id)) }

        let index = index ?? RecordIndex(plan)
        let indicatorEvaluator = IndicatorEvaluator(plan: plan, content: content, asOf: asOf, index: index)
        let indicators = plan.indicators.map { indicatorEvaluator.evaluate($0, responsible: owners(ofIndicator: $0.id), history: history) }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let taskEvaluator = TaskEvaluator(plan: plan, asOf: asOf, indicators: indicators, index: index)
        let scorer = Scorer(rule: plan.scoring)
        let allTasks = plan.allTasks
        var tasks = allTasks.map { taskEvaluator.evaluate($0, responsible: owners(ofTask: $0.id)) }
        // What a task's indicators count, for a task that loses points per case (每户扣1分).
        func cases(_ task: PlanTask) -> Decimal {
            plan.indicatorPlaces(ofTask: task.id).map { indicators[$0].actual }.exactSum()
        }
        // Tasks, then indicators that are bonus items, share the plan's bonus cap in that order.
        let bonusIndicators = plan.indicators.filter { $0.bonus != nil }
        let capped = scorer.applyCaps(zip(allTasks, tasks).map { task, result in
            scorer.score(task, result: result, notApplicable: taskEvaluator.isNotApplicable(task), cases: cases(task))
        } + bonusIndicators.map { scorer.bonusItem($0, met: byID[$0.id]?.met == .yes) })
        let scores = capped.prefix(allTasks.count)
        let bonusItems = Dictionary(zip(bonusIndicators.map(\.id), capped.dropFirst(allTasks.count)).compactMap { id, score in
            score.map { (id, $0) }
        }, uniquingKeysWith: { first, _ in first })
        tasks = zip(tasks, scores).map { result, score in score.map { result.with(score: $0) } ?? result }
        let taskByID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let sections = plan.allSections.map { section in
            SectionResult(id: section.id, title: section.heading,
                          rollup: Rollups.of(section.allTasks.compactMap { taskByID[$0.id] }))
        }
        var planRollup = Rollups.of(tasks)

        let region = content.ownerRegion(of: plan)
        let involved = Set(tasks.flatMap(\.responsible) + indicators.flatMap(\.responsible) + [coordinator].compactMap { $0 })
        let owing = plan.reporting.map { _ in ReportingCheck.owingUnits(Array(involved), region: region) } ?? []
        let missing: [UnitID: [String]] = plan.reporting.map { reporting in
            Dictionary(uniqueKeysWithValues: owing.map {
                ($0, ReportingCheck.missingMonths(for: $0, in: plan, dueDay: reporting.dueDay, asOf: asOf))
            })
        } ?? [:]
        // 日常报送 as a scored item: one per unit that owes reports, in its score and the plan's.
        let reportingScores = missing.compactMapValues { scorer.reportingScore(missing: $0.count) }
        var unitRollups = Rollups.byUnit(tasks, units: involved.union(owing))
        for (unit, item) in reportingScores.sorted(by: { $0.key < $1.key }) where unitRollups[unit] != nil {
            unitRollups[unit]!.add(item)
            planRollup.add(item)
        }
        // An indicator's bonus goes to the plan, shared among its units as a task's points are.
        for indicator in indicators {
            guard let item = bonusItems[indicator.id] else { continue }
            planRollup.add(item)
            for (index, unit) in indicator.responsible.enumerated() {
                unitRollups[unit]?.add(item, share: index, of: indicator.responsible.count)
            }
        }
        let ranks = Rollups.ranks(unitRollups)
        // A grade judges work the calendar has called for: none on or before the start day.
        let started = asOf > plan.startDay
        // A plan without grade bands (most) needs no percentage: each is an exact division.
        func grade(_ rollup: Rollup) -> String? { started && !plan.scoring.grades.isEmpty ? scorer.grade(rollup.percent) : nil }
        // The ranks at the end of the month before this date's, for the change since (scored plans).
        let previousRanks: [UnitID: Int] = plan.scoring.method == .none ? [:]
            : given ?? Self.monthBefore(asOf).map { day in
                known[day]?.ranks ?? Self.evaluate(plan, in: content, asOf: day, months: false, previousRanks: [:], index: index).ranks
            } ?? [:]
        let standalone = Set(plan.indicators.filter(\.standsAlone).map(\.id))
        // Each unit's tasks and indicators, in plan order, from one pass over each list rather
        // than a search of every item's units for every unit.
        let tasksOf = Self.places(of: tasks.map(\.responsible))
        let indicatorsOf = Self.places(of: indicators.map(\.responsible))
        let units = unitRollups.keys.sorted().map { unit -> UnitResult in
            let mine = (tasksOf[unit] ?? []).map { tasks[$0] }
            let judged = (indicatorsOf[unit] ?? []).map { indicators[$0] }
            // Counted as the plan's completion counts: its tasks, and its scored indicators that
            // are items of their own (linked to no task, not split into parts).
            let completions = mine.map(\.completion) + judged.filter { standalone.contains($0.id) && $0.scored }.compactMap(\.completion)
            return UnitResult(unit: unit, rollup: unitRollups[unit]!, tasks: mine.map(\.id), indicators: judged.map(\.id),
                              rank: ranks[unit], grade: grade(unitRollups[unit]!),
                              missingReports: missing[unit] ?? [], reportingScore: reportingScores[unit],
                              lights: Lights(mine.map(\.pace.status) + judged.map(\.pace.status),
                                             missingReports: missing[unit]?.count ?? 0),
                              completion: completions.isEmpty ? nil
                                  : completions.map { $0.capped(at: 1) }.exactSum().dividedExactly(by: Decimal(completions.count)),
                              previousRank: previousRanks[unit])
        }

        let completion = Rollups.planCompletion(plan, tasks: tasks.map(\.completion), indicators: byID)
        let soFar = plan.recordPlaces(through: asOf)
        let expected = PaceRule.expected(start: plan.startDay, deadline: plan.finalDay, asOf: asOf)
        // The last month is the plan as evaluated here (records never fall after its year).
        let ends = history ? monthEnds(of: plan, asOf: asOf) : []
        let months = ends.enumerated().map { number, end -> MonthState in
            guard number < ends.count - 1 else { return MonthState(month: end.monthKey, completion: completion, expected: expected.share) }
            if let evaluated = known[end] { return MonthState(month: end.monthKey, completion: evaluated.completion, expected: evaluated.expected) }
            let (completion, expected) = Self.completion(of: plan, in: content, asOf: end, index: index)
            return MonthState(month: end.monthKey, completion: completion, expected: expected)
        }
        return PlanResult(
            plan: plan.id, asOf: asOf,
            expected: expected.share, expectedDays: expected.days,
            indicators: indicators, tasks: tasks, sections: sections, units: units, rollup: planRollup,
            bonus: tasks.compactMap(\.score?.bonus).exactSum().addingExactly(bonusItems.values.map(\.bonus).exactSum()),
            bonusItems: bonusItems,
            penalty: tasks.compactMap(\.score?.penalty).exactSum(),
            grade: grade(planRollup),
            findings: Findings.collect(indicators: indicators, tasks: tasks, units: units),
            latestData: soFar.last.map { plan.records[$0].date }, sample: soFar.contains { plan.records[$0].sample },
            completion: completion, months: months)
    }

    /// For each unit, the places of the items it is responsible for, in order; an item that
    /// names a unit twice is its once.
    static func places(of responsible: [[UnitID]]) -> [UnitID: [Int]] {
        var places: [UnitID: [Int]] = [:]
        for (place, units) in responsible.enumerated() {
            for (index, unit) in units.enumerated() where units.firstIndex(of: unit) == index {
                places[unit, default: []].append(place)
            }
        }
        return places
    }

    /// The last day of the month before the date's month.
    static func monthBefore(_ day: Day) -> Day? {
        day.month == 1 ? Day.lastOfMonth(year: day.year - 1, month: 12) : Day.lastOfMonth(year: day.year, month: day.month - 1)
    }

    /// The end of each month of the plan's year from the month it starts up to the date; the
    /// last is the date itself when it falls inside a month.
    static func monthEnds(of plan: Plan, asOf: Day) -> [Day] {
        let last = asOf.year > plan.year ? 12 : (asOf.year < plan.year ? 0 : asOf.month)
        let start = plan.startDay
        let first = start.year < plan.year ? 1 : (start.year > plan.year ? 13 : start.month)
        guard first <= last else { return [] }
        return (first...last).map { min(Day.lastOfMonth(year: plan.year, month: $0), asOf) }
    }
}

/// The alerts of a plan, worst first.
enum Findings {
    static func collect(indicators: [IndicatorResult], tasks: [TaskResult], units: [UnitResult]) -> [Finding] {
        var findings: [Finding] = []
        for task in tasks {
            findings += paceFindings(task.pace, subject: .task(task.id))
            if task.requiresEvidence, task.state != .notStarted || task.pace.status == .done, !task.missingEvidence.isEmpty {
                findings.append(Finding(kind: .missingEvidence, subject: .task(task.id),
                                        detail: task.missingEvidence.map(\.rawValue).joined(separator: ",")))
            }
            if task.falseData { findings.append(Finding(kind: .falseData, subject: .task(task.id), detail: nil)) }
        }
        for indicator in indicators {
            findings += paceFindings(indicator.pace, subject: .indicator(indicator.id))
            findings += indicator.missedPeriods.map { Finding(kind: .periodMissed, subject: .indicator(indicator.id), detail: $0) }
            if indicator.pace.status == .behind || indicator.pace.status == .overdue {
                findings += indicator.membersBehind.map { Finding(kind: .memberBehind, subject: .indicator(indicator.id), detail: $0) }
            }
            if indicator.exceedsWhole {
                findings.append(Finding(kind: .partExceedsWhole, subject: .indicator(indicator.id), detail: nil))
            }
        }
        for unit in units {
            findings += unit.missingReports.map { Finding(kind: .missingReport, subject: .unit(unit.unit), detail: $0) }
        }
        let order = Finding.Kind.allCases
        return findings.enumerated().sorted { a, b in
            let (ka, kb) = (order.firstIndex(of: a.element.kind)!, order.firstIndex(of: b.element.kind)!)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    private static func paceFindings(_ pace: Pace, subject: Finding.Subject) -> [Finding] {
        var findings: [Finding] = []
        // One light per item, as the supervision offices use them: red, yellow or blue.
        switch pace.status {
        case .overdue: findings.append(Finding(kind: .overdue, subject: subject, detail: pace.deadline.description))
        case .behind: findings.append(Finding(kind: .behind, subject: subject, detail: nil))
        case .deadlineNear: findings.append(Finding(kind: .dueSoon, subject: subject, detail: pace.deadline.description))
        default: break
        }
        return findings
    }
}
