/// A plan's records arranged for the engine: for each indicator and each task, the entries that
/// mention it, in date order. Built once per evaluation, so that each indicator and task reads
/// its own few entries instead of scanning every record.
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
    private(set) var values: [String: [ValueEntry]] = [:]
    private(set) var tasks: [String: [TaskEntry]] = [:]

    init(_ plan: Plan) {
        records = plan.records
        for (index, record) in plan.records.enumerated() {
            for value in record.values { values[value.indicator, default: []].append(ValueEntry(record: index, value: value)) }
            for report in record.tasks { tasks[report.task, default: []].append(TaskEntry(record: index, report: report)) }
        }
    }
}
