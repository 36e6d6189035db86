/// A plan as its folder says it, not yet checked: the plan's own fields, tasks and indicators,
/// and its progress records as drafts. The engine cannot take one: only the validator makes a
/// `Plan` with records out of it, each record's unit resolved. Its other fields are the plan's.
@dynamicMemberLookup
public struct PlanDraft: Sendable {
    /// The plan without records.
    var plan: Plan
    /// In date order, then by unit as written.
    var records: [RecordDraft]
    /// Records whose date could not be read: checked for what they name, never counted.
    var undated: [UndatedRecord]

    init(plan: Plan, records: [RecordDraft], undated: [UndatedRecord] = []) {
        self.plan = plan
        self.records = records.sorted { ($0.date, $0.unit.text) < ($1.date, $1.unit.text) }
        self.undated = undated
    }

    public subscript<T>(dynamicMember field: KeyPath<Plan, T>) -> T { plan[keyPath: field] }
}
