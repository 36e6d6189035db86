/// Checks the loaded content as a whole — references, identities, numbers that must agree —
/// and resolves every unit reference. Reports all problems; never stops at the first.
public enum Validator {
    /// `files` names every region and pairing that has a file, read or not: a reference to
    /// one whose file failed to load is not reported again as unknown.
    static func validate(shared: SharedContent, plans: consuming [PlanDraft], files: DeclaredFiles,
                         sink: DiagnosticSink) -> Content {
        checkShared(shared, files: files, sink: sink)
        return checkPlans(plans, shared: shared, files: files, sink: sink)
    }

    /// Regions, units, pairings and standards, checked once however the plans are grouped.
    public static func checkShared(_ shared: SharedContent, files: DeclaredFiles, sink: DiagnosticSink) {
        StructureRules.check(shared, files: files, sink: sink)
    }

    /// Plans checked against the shared content, their unit references resolved. Every plan of
    /// a pairing must be in `drafts` (a second plan for the same year is found among them).
    public static func checkPlans(_ drafts: consuming [PlanDraft], shared: SharedContent, files: DeclaredFiles,
                                  sink: DiagnosticSink) -> Content {
        var taskUnits: [String: [String: [UnitID]]] = [:]
        var indicatorUnits: [String: [String: [UnitID]]] = [:]
        var coordinators: [String: UnitID] = [:]
        var plans: [Plan] = []
        /// The file of the first plan of each pairing and year.
        var seenYears: [String: String] = [:]
        let heldBack = HeldBack()

        for index in drafts.indices {
            // Each draft's records are let go as its checked records are made, rather than live
            // beside them until the end (56 MB per 1,000 plans).
            var plan = drafts[index].plan
            let (written, undated) = (drafts[index].records, drafts[index].undated)
            (drafts[index].records, drafts[index].undated) = ([], [])
            let key = "\(plan.pairing)/\(plan.year)"
            if let first = seenYears[key] {
                sink.error(.secondPlan, ["pairing": .text(plan.pairing), "year": "\(plan.year)", "first": .text(first)], at: plan.location)
            } else {
                seenYears[key] = plan.location.file
            }
            if shared.pairing(plan.pairing) == nil && !files.pairings.contains(plan.pairing) {
                sink.error(.unknownPairing, ["id": .text(plan.pairing),
                                             "suggestion": Suggestion.didYouMean(plan.pairing, among: shared.pairings.map(\.id))], at: plan.location)
            }
            PlanRules.check(plan, standards: shared.standards, heldBack: heldBack, sink: sink)
            PathRules.check(plan, sink: sink)
            let resolver = shared.ownerRegion(pairing: plan.pairing, owner: plan.owner).map { UnitResolver(region: $0, sink: sink) }
            let resolved = resolver.map { PlanUnits(plan: plan, resolver: $0) }
            if let resolved {
                taskUnits[plan.id] = resolved.tasks
                indicatorUnits[plan.id] = resolved.indicators
                coordinators[plan.id] = resolved.coordinator
            }
            plan.records = RecordRules.check(written, undated: undated, of: plan, units: resolved, resolver: resolver, heldBack: heldBack, sink: sink)
            plans.append(plan)
        }
        heldBack.report(to: sink)
        return Content(shared: shared, plans: plans,
                       units: UnitDirectory(taskUnits: taskUnits, indicatorUnits: indicatorUnits, coordinators: coordinators))
    }
}

/// The region and pairing ids that have a file in content/.
public struct DeclaredFiles: Sendable {
    let regions: Set<String>
    let pairings: Set<String>
}

/// Looks unit references up in one region, reporting unknown names with a did-you-mean.
struct UnitResolver {
    let region: Region
    let sink: DiagnosticSink

    func resolve(_ reference: UnitReference) -> ResponsibleUnit? {
        if let unit = region.unit(named: reference.text) { return unit }
        sink.error(.unknownUnit, ["name": .text(reference.text), "suggestion": Suggestion.didYouMean(reference.text, among: region.unitNames),
                                  "region": .text(region.name), "file": "content/regions/\(region.id).yaml"],
                   at: reference.location)
        return nil
    }

    /// Whether `reporter` is one of `owners` or a member of a group among them.
    func covers(_ owners: [UnitID], reporter: UnitID) -> Bool {
        owners.contains(reporter) || owners.contains { owner in
            guard let group = region.units.first(where: { $0.id == owner }), group.kind == .group else { return false }
            return group.members.contains { region.unit(named: $0)?.id == reporter }
        }
    }
}

/// The resolved responsible units of one plan's tasks and indicators.
struct PlanUnits {
    let tasks: [String: [UnitID]]
    let indicators: [String: [UnitID]]
    let coordinator: UnitID?
    /// `task:ID` and `indicator:ID` of items with a unit name that could not be resolved; an
    /// error is already reported, so a record on them is not blamed a second time.
    let unresolved: Set<String>

    init(plan: Plan, resolver: UnitResolver) {
        var unresolved = Set<String>()
        var tasks: [String: [UnitID]] = [:]
        for task in plan.allTasks {
            let found = task.units.compactMap { resolver.resolve($0)?.id }
            if found.count < task.units.count { unresolved.insert("task:" + task.id) }
            // With a duplicate id the first task keeps it; the duplicate is reported elsewhere.
            if tasks[task.id] == nil { tasks[task.id] = found }
        }
        var indicators: [String: [UnitID]] = [:]
        for indicator in plan.indicators {
            let own = indicator.units.compactMap { resolver.resolve($0)?.id }
            // An indicator without units of its own belongs to the units of its tasks.
            let inherited = indicator.tasks.flatMap { tasks[$0] ?? [] }
            let broken = own.count < indicator.units.count
                || (indicator.units.isEmpty && indicator.tasks.contains { unresolved.contains("task:" + $0) })
            if broken { unresolved.insert("indicator:" + indicator.id) }
            if indicators[indicator.id] == nil {
                indicators[indicator.id] = own.isEmpty ? Array(Set(inherited)).sorted() : own
            }
        }
        self.tasks = tasks
        self.indicators = indicators
        self.unresolved = unresolved
        coordinator = plan.coordinator.flatMap { resolver.resolve($0)?.id }
    }
}
