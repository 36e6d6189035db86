import Foundation
@testable import XiezuoCore

/// Builds plans in code for engine tests: faster than YAML for property tests, and each
/// test states exactly the numbers it computes by hand.
enum Build {
    static let region = "a"
    static let here = SourceLocation(file: "test")

    static func unit(_ name: String) -> UnitID { UnitID(region: region, name: name) }
    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func measure(_ symbol: String) -> MeasureUnit { MeasureUnit.named(symbol)! }

    static func task(_ id: String, points: Decimal? = nil, units: [String] = ["区教育局"], requirement: String? = nil,
                     deadline: Day? = nil, bonus: Decimal? = nil, method: ScoringRule.Method? = nil) -> PlanTask {
        PlanTask(id: id, number: nil, title: nil, text: "任务\(id)", units: units.map { UnitReference(text: $0, location: here) },
                 points: points, bonus: bonus, method: method, requirement: requirement, deadline: deadline, funding: [],
                 note: nil, location: here)
    }

    static func indicator(_ id: String, _ target: Indicator.Target, unit: String = "个", tasks: [String] = [],
                          counting: Indicator.Counting = .new, stock: Decimal? = nil, scored: Bool = true,
                          partOf: String? = nil, split: [String] = [], ratio: Indicator.Ratio? = nil,
                          units: [String] = []) -> Indicator {
        Indicator(id: id, name: "指标\(id)", unit: measure(unit), target: target, counting: counting, stock: stock,
                  scored: scored, partOf: partOf, split: split, ratio: ratio, tasks: tasks,
                  units: units.map { UnitReference(text: $0, location: here) }, standard: nil, group: nil, note: nil,
                  location: here)
    }

    static func record(_ unit: String, _ date: String, values: [String: Decimal] = [:],
                       items: [String: [String: Decimal]] = [:], tasks: [String: TaskState] = [:],
                       evidence: [Evidence.Kind] = [], falseData: Bool = false, plan: String = "p") -> RecordDraft {
        let reported = Set(values.keys).union(items.keys).sorted().map {
            ReportedValue(indicator: $0, value: values[$0], items: items[$0] ?? [:], location: here)
        }
        let reports = tasks.keys.sorted().map {
            TaskReport(task: $0, state: tasks[$0]!,
                       evidence: evidence.map { Evidence(title: "\($0.rawValue)", kind: $0, file: nil) },
                       falseData: falseData, location: here)
        }
        return RecordDraft(plan: plan, unit: UnitReference(text: unit, location: here), date: day(date),
                           values: reported, tasks: reports, note: "", sample: false,
                           location: SourceLocation(file: "content/plans/\(plan)/progress/\(date)-\(unit).md"),
                           dateLocation: here)
    }

    static func plan(_ id: String = "p", year: Int = 2022, rule: ScoringRule = .unscored,
                     tasks: [PlanTask], indicators: [Indicator] = [], records: [RecordDraft] = [],
                     deadline: Day? = nil, reporting: Plan.Reporting? = nil, issued: Day? = nil,
                     start: Day? = nil, coordinator: String? = nil) -> PlanDraft {
        PlanDraft(plan: Plan(id: id, pairing: "a-b", year: year, title: "测试", number: nil, issuer: nil, issued: issued, start: start, scheme: nil,
             owner: .helping, coordinator: coordinator.map { UnitReference(text: $0, location: here) },
             deadline: deadline, reporting: reporting, scoring: rule, narrative: "", note: nil,
             sections: [Section(id: "1", title: "一", sections: [], tasks: tasks, location: here)],
             indicators: indicators, records: [], location: here), records: records)
    }

    /// Content holding `plans`, with every unit they name declared in region `a`.
    static func content(_ plans: [PlanDraft], groups: [String: [String]] = [:]) -> Content {
        var names = Set<String>()
        for draft in plans {
            let plan = draft.plan
            plan.allTasks.forEach { names.formUnion($0.units.map(\.text)) }
            plan.indicators.forEach { names.formUnion($0.units.map(\.text)) }
            draft.records.forEach { names.insert($0.unit.text) }
            if let coordinator = plan.coordinator { names.insert(coordinator.text) }
        }
        let units = names.sorted().map {
            ResponsibleUnit(id: unit($0), name: $0, kind: groups[$0] == nil ? .bureau : .group, aliases: [],
                 members: groups[$0] ?? [], note: nil, location: here)
        }
        let regionA = Region(id: "a", name: "甲区", parent: nil, units: units, location: here)
        let regionB = Region(id: "b", name: "乙县", parent: nil, units: [], location: here)
        let pairing = Pairing(id: "a-b", kind: .eastWest, helping: "a", helped: "b", since: nil, status: nil, towns: [],
                              narrative: "", location: here)
        let shared = SharedContent(regions: [regionA, regionB], pairings: [pairing], standards: [])
        let sink = DiagnosticSink()
        let content = Validator.validate(shared: shared, plans: plans, files: DeclaredFiles(regions: ["a", "b"], pairings: ["a-b"]), sink: sink)
        precondition(!sink.hasErrors, "test content is invalid: \(sink.sorted)")
        return content
    }

    static func evaluate(_ plan: PlanDraft, asOf: String, also: [PlanDraft] = []) -> PlanResult {
        let content = content([plan] + also)
        return Engine.evaluate(content.plan(plan.id)!, in: content, asOf: day(asOf))
    }
}
