/// A plan's records arranged for the engine: for each indicator and each task, the entries that
/// mention it, in date order. It depends on the plan alone: built once per plan, it serves the
/// plan's evaluations at every month end and at the site's date, so that each indicator and
/// task reads its own few entries instead of scanning every record. A plan's records are in
/// date order (PlanDraft sorts them), so the entries up to a date are a prefix of each list.
public struct RecordIndex: Sendable {
    struct ValueEntry {
        let record: Int
        let value: ReportedValue
    }

    struct TaskEntry {
        let record: Int
        let report: TaskReport
        /// The report's evidence that no earlier report on the task handed in (nor this one
        /// before it), in its order: the task's evidence as of a date is these, entry by entry.
        let newEvidence: [Evidence]
    }

    let records: [ProgressRecord]
    /// Each record's date and reporting unit, read without copying the record.
    let dates: [Day]
    let reporters: [UnitID]
    /// Each record's reporter as a number: its key's (`region/name`) place among the plan's
    /// reporters' keys in String order, so that numbers sort as the keys do. An indicator's
    /// latest value by unit is kept by number at each month end, in an array, not a table.
    let reporterRanks: [Int]
    private(set) var values: [String: [ValueEntry]] = [:]
    private(set) var tasks: [String: [TaskEntry]] = [:]

    public init(_ plan: Plan) {
        records = plan.records
        dates = plan.records.map(\.date)
        reporters = plan.records.map(\.reporter)
        // Gathered by identity (hashed once, when the unit was read), ordered by key: a region
        // has no "/" in its id, so no two units have the same key.
        let units = Set(reporters).sorted { $0.description < $1.description }
        let ranks = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
        reporterRanks = reporters.map { ranks[$0]! }
        // Evidence seen so far, by task: each item is compared once a plan, not once per task
        // at each of its month ends (Chinese titles compare slowly).
        var seen: [String: Set<HashedEvidence>] = [:]
        for (index, record) in plan.records.enumerated() {
            for value in record.values { values[value.indicator, default: []].append(ValueEntry(record: index, value: value)) }
            for report in record.tasks {
                let new = report.evidence.filter { seen[report.task, default: []].insert(HashedEvidence($0)).inserted }
                tasks[report.task, default: []].append(TaskEntry(record: index, report: report, newEvidence: new))
            }
        }
    }

    /// The name of the unit that made record `index`, for explanations.
    func reporterName(_ index: Int) -> String { records[index].reporter.name }
}

/// An item of evidence with its hash taken once: a Chinese title is hashed by its normalized
/// form, and a set hashed every item again each time it grew. Equal as the items are.
private struct HashedEvidence: Hashable {
    let evidence: Evidence
    let hash: Int

    init(_ evidence: Evidence) {
        self.evidence = evidence
        hash = evidence.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: HashedEvidence, b: HashedEvidence) -> Bool { a.hash == b.hash && a.evidence == b.evidence }
}
