/// A plan's records arranged for the engine: for each indicator and each task, the entries that
/// mention it, in date order. It depends on the plan alone: built once per plan, it serves the
/// plan's evaluations at every month end and at the site's date, so that each indicator and
/// task reads its own few entries instead of scanning every record.
public struct RecordIndex: Sendable {
    struct ValueEntry {
        let record: Int
        let value: ReportedValue
    }

    struct TaskEntry {
        let record: Int
        let report: TaskReport
    }

    let records: [ProgressRecord]
    /// Each record's date and reporter key, read without copying the record.
    let dates: [Day]
    /// The reporting unit's id (`region/name`).
    let reporters: [String]
    private(set) var values: [String: [ValueEntry]] = [:]
    private(set) var tasks: [String: [TaskEntry]] = [:]

    public init(_ plan: Plan) {
        records = plan.records
        dates = plan.records.map(\.date)
        reporters = plan.records.map(\.reporter.description)
        for (index, record) in plan.records.enumerated() {
            for value in record.values { values[value.indicator, default: []].append(ValueEntry(record: index, value: value)) }
            for report in record.tasks { tasks[report.task, default: []].append(TaskEntry(record: index, report: report)) }
        }
    }

    /// The name of the unit that made record `index`, for explanations.
    func reporterName(_ index: Int) -> String { records[index].reporter.name }
}
