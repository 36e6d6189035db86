import Foundation

/// A task's state, completion, evidence and pace as of a date.
struct TaskEvaluator {
    let plan: Plan
    let asOf: Day
    /// The plan's indicator results, in plan order (the indicator at each place of
    /// `plan.indicators` has its result at the same place).
    let indicators: [IndicatorResult]
    let index: RecordIndex

    func evaluate(_ task: PlanTask, responsible: [UnitID]) -> TaskResult {
        let reports = reports(of: task)
        var steps: Explanation = []
        let latest = latest(of: reports)
        let state = latest?.report.state ?? .notStarted
        if let latest {
            steps.append(.taskState(state: state, unit: index.reporterName(latest.record), date: index.dates[latest.record]))
        }

        let places = measuring(task)
        let measured = places.map { indicators[$0] }
        let completion = completion(state: state, measured: measured)
        let uncapped: Decimal
        let done: Bool
        if measured.isEmpty {
            uncapped = completion
            done = state == .done
            steps.append(.taskFromState(ratio: completion))
        } else {
            uncapped = measured.map { $0.completion ?? 0 }.exactSum().dividedExactly(by: Decimal(measured.count))
            done = measured.allSatisfy { $0.met == .yes }
            steps.append(.taskFromIndicators(indicators: measured.map(\.id), ratio: completion))
        }

        // The reports up to the date are the first of the task's (records are in date order):
        // their new evidence, in order, is each item once, as first handed in.
        let evidence = reports.flatMap(\.newEvidence)
        // A few kinds against a few items: compared in place (a Set hashed each kind's name).
        let missing = task.requiredEvidence.filter { kind in !evidence.contains { $0.kind == kind } }
        let deadline = task.deadline ?? plan.finalDay
        let started = state != .notStarted || completion > 0 || measured.contains(where: \.reported)
        // Measured by a target met period by period, the task is expected where its indicators
        // are (the periods ended), not at the linear share of the calendar.
        let periodic = places.contains { plan.indicators[$0].cadence != nil }
        let expected = periodic ? measured.map(\.pace.expected).exactSum().dividedExactly(by: Decimal(measured.count)) : nil
        let pace = PaceRule.pace(done: done, started: started, completion: completion,
                                 start: plan.startDay, deadline: deadline, asOf: asOf, expected: expected,
                                 window: plan.deadlineNearDays)
        return TaskResult(id: task.id, state: state, completion: completion, uncappedCompletion: uncapped, pace: pace, responsible: responsible,
                          evidence: evidence, missingEvidence: missing, requiresEvidence: task.requirement != nil,
                          falseData: reports.contains { $0.report.falseData }, score: nil, explanation: steps)
    }

    /// The task's completion alone, as `evaluate` works it out: for a plan's completion at
    /// the end of each month (its chart), where evidence, pace and explanations are not shown.
    func completion(of task: PlanTask) -> Decimal {
        completion(state: latest(of: reports(of: task))?.report.state ?? .notStarted, measured: measuring(task).map { indicators[$0] })
    }

    /// The task's reports up to the date: the first of them, records being in date order (a
    /// prefix, not a filtered copy, at each of the plan's month ends).
    private func reports(of task: PlanTask) -> ArraySlice<RecordIndex.TaskEntry> {
        (index.tasks[task.id] ?? []).prefix { index.dates[$0.record] <= asOf }
    }

    /// The latest report decides; on the same date the least advanced state, to be safe.
    private func latest(of reports: ArraySlice<RecordIndex.TaskEntry>) -> RecordIndex.TaskEntry? {
        reports.max { a, b in
            index.dates[a.record] != index.dates[b.record] ? index.dates[a.record] < index.dates[b.record]
                : Self.advance(a.report.state) > Self.advance(b.report.state)
        }
    }

    /// How far a state is along: not started, in progress, done.
    private static func advance(_ state: TaskState) -> Int {
        switch state {
        case .notStarted: 0
        case .inProgress: 1
        case .done: 2
        }
    }

    /// The places of the task's scored indicators that have a completion: they measure it. A
    /// total split into parts that measure the task too is left out, so that one figure counts
    /// once. Indicators are read in place, not copied, at every task of every month end.
    private func measuring(_ task: PlanTask) -> [Int] {
        let linked = plan.indicatorPlaces(ofTask: task.id)
        let ids = linked.contains { !plan.indicators[$0].split.isEmpty } ? Set(linked.map { plan.indicators[$0].id }) : []
        return linked.filter { place in
            let split = plan.indicators[place].split
            return (split.isEmpty || !split.contains(where: ids.contains)) && indicators[place].scored && indicators[place].completion != nil
        }
    }

    /// The mean of the measuring indicators' completions, each capped at 1; without any, 1 when
    /// the reported state is done and 0 otherwise.
    private func completion(state: TaskState, measured: [IndicatorResult]) -> Decimal {
        guard !measured.isEmpty else { return state == .done ? 1 : 0 }
        return measured.map { ($0.completion ?? 0).capped(at: 1) }.exactSum().dividedExactly(by: Decimal(measured.count))
    }

    /// Whether the task has indicators, and all of them leave the total (no annual target, or
    /// 只作统计): such a task is not applicable (缺项) and leaves the total.
    func isNotApplicable(_ task: PlanTask) -> Bool {
        let linked = plan.indicatorPlaces(ofTask: task.id)
        return !linked.isEmpty && linked.allSatisfy { !plan.indicators[$0].scored || plan.indicators[$0].target == .none }
    }
}

extension TaskResult {
    func with(score: TaskScore) -> TaskResult {
        TaskResult(id: id, state: state, completion: completion, uncappedCompletion: uncappedCompletion, pace: pace, responsible: responsible,
                   evidence: evidence, missingEvidence: missingEvidence, requiresEvidence: requiresEvidence,
                   falseData: falseData, score: score, explanation: explanation)
    }
}
