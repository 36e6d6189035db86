import Foundation

/// Rules for progress records: who reports, on what, and when. Returns the records with
/// their reporting unit resolved; a record whose unit is unknown has its error reported and is
/// not among them (content with an error is never computed).
enum RecordRules {
    /// `undated`: records whose date could not be read, checked for what they name alone.
    static func check(_ written: [RecordDraft], undated: [UndatedRecord], of plan: Plan, units: PlanUnits?, resolver: UnitResolver?,
                      heldBack: HeldBack, sink: DiagnosticSink) -> [ProgressRecord] {
        let names = NameCheck(plan: plan, units: units, resolver: resolver, heldBack: heldBack, sink: sink)
        let records = resolve(written, of: plan, names: names, sink: sink)
        for record in undated { names.check(record.unit, values: record.values, tasks: record.tasks) }
        checkRunningTotals(records, sink: sink)
        return records
    }

    /// A reported value is the running total to the record's date: a later record of the same
    /// unit may not report less for the same indicator (or item), unless it says it corrects
    /// the earlier figure and why. Records are in date order.
    static func checkRunningTotals(_ records: [ProgressRecord], sink: DiagnosticSink) {
        struct Earlier { let amount: Decimal; let date: Day; let location: SourceLocation }
        // A unit's total of an indicator, or of one of its items (""), keyed by its parts: the
        // unit's hash is made once, where a key joined as text hashed its Chinese name anew.
        struct Total: Hashable { let unit: UnitID; let indicator: String; let item: String }
        var earlier: [Total: Earlier] = [:]
        for record in records {
            for value in record.values {
                let amounts = (value.value.map { [("", $0)] } ?? []) + value.items.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                for (item, amount) in amounts {
                    let key = Total(unit: record.reporter, indicator: value.indicator, item: item)
                    if let before = earlier[key], amount.exactOrder(before.amount) == .orderedAscending, value.correction == nil {
                        let what = item.isEmpty ? Message(.whatIndicatorNamed, ["id": .text(value.indicator)])
                            : Message(.whatItemOfIndicator, ["item": .text(item), "id": .text(value.indicator)])
                        sink.error(.valueDecreased, ["unit": .text(record.unit.text), "amount": .text(amount.plainString), "what": .message(what),
                                                     "date": "\(record.date)", "before": .text(before.amount.plainString),
                                                     "beforeDate": "\(before.date)", "where": "\(before.location)"], at: value.location)
                    }
                    earlier[key] = Earlier(amount: amount, date: record.date, location: value.location)
                }
            }
        }
    }

    private static func resolve(_ written: [RecordDraft], of plan: Plan, names: NameCheck, sink: DiagnosticSink) -> [ProgressRecord] {
        // A unit's record of a day, keyed by the unit as written and the day (not joined into
        // text with the day written out, for each record).
        struct Filing: Hashable { let unit: String; let date: Day }
        var seen: [Filing: RecordDraft] = [:]
        return written.compactMap { record -> ProgressRecord? in
            if record.date.year != plan.year {
                sink.error(.recordOutsideYear, ["date": "\(record.date)", "year": "\(plan.year)"], at: record.dateLocation)
            }
            // (A date outside the plan's year is reported above; the name then says nothing new.)
            if record.date.year == plan.year, let named = RecordName.month(ofPath: record.location.file),
               named != record.date.monthKey {
                sink.error(.fileNameMonthDiffers, ["month": .text(named), "date": "\(record.date)"], at: record.dateLocation)
            }
            let key = Filing(unit: record.unit.text, date: record.date)
            if let first = seen[key] {
                sink.error(.secondRecord, ["unit": .text(record.unit.text), "date": "\(record.date)", "first": .text(first.location.file)], at: record.location)
            } else {
                seen[key] = record
            }
            return names.check(record.unit, values: record.values, tasks: record.tasks).map { ProgressRecord(record, reporter: $0.id) }
        }
    }

    /// What a record names, checked against its plan: its unit (in the plan's region), and the
    /// indicators and tasks it reports (in the plan, and the unit's to report).
    private struct NameCheck {
        let plan: Plan
        let units: PlanUnits?
        let resolver: UnitResolver?
        let heldBack: HeldBack
        let sink: DiagnosticSink
        let taskIDs: [String]
        let indicatorIDs: [String]

        init(plan: Plan, units: PlanUnits?, resolver: UnitResolver?, heldBack: HeldBack, sink: DiagnosticSink) {
            (self.plan, self.units, self.resolver, self.heldBack, self.sink) = (plan, units, resolver, heldBack, sink)
            taskIDs = plan.allTasks.map(\.id)
            indicatorIDs = plan.indicators.map(\.id)
        }

        /// The reporting unit, resolved; nil when it is unknown (reported) or the plan's region is.
        @discardableResult
        func check(_ unit: UnitReference, values: [ReportedValue], tasks: [TaskReport]) -> ResponsibleUnit? {
            // (An unknown pairing or region is reported where it is named.)
            guard let resolver, let units, let reporter = resolver.resolve(unit) else { return nil }
            let mayReportAll = units.coordinator == reporter.id
            for value in values {
                guard let indicator = plan.indicator(value.indicator) else {
                    if heldBack.hold(unread: plan.unreadIndicatorsFile) { continue }
                    sink.error(.unknownIndicator, ["id": .text(value.indicator),
                                                   "suggestion": Suggestion.didYouMean(value.indicator, among: indicatorIDs)], at: value.location)
                    continue
                }
                let owners = units.indicators[indicator.id] ?? []
                // An indicator without units of its own belongs to its tasks' units: unknown while
                // tasks.yaml cannot be read.
                if !mayReportAll && !units.unresolved.contains("indicator:" + indicator.id)
                    && !resolver.covers(owners, reporter: reporter.id)
                    && !(indicator.units.isEmpty && heldBack.hold(unread: plan.unreadTasksFile)) {
                    sink.error(.notResponsibleForIndicator, ["unit": .text(reporter.name), "id": .text(indicator.id),
                                                             "responsible": responsibleList(owners)], at: value.location)
                }
                if let ratio = indicator.ratio {
                    sink.error(.reportedRatio, ["id": .text(indicator.id), "numerator": .text(ratio.numerator),
                                                "denominator": .text(ratio.denominator)], at: value.location)
                }
                if indicator.perMember {
                    let members = resolver.region.members(ofGroupsAmong: owners)
                    checkMemberValues(value, indicator: indicator, members: members, reporter: reporter, sink: sink)
                } else {
                    checkItems(value, indicator: indicator, sink: sink)
                }
            }
            for report in tasks {
                guard plan.task(report.task) != nil else {
                    if heldBack.hold(unread: plan.unreadTasksFile) { continue }
                    sink.error(.unknownTask, ["id": .text(report.task), "suggestion": Suggestion.didYouMean(report.task, among: taskIDs)],
                               at: report.location)
                    continue
                }
                let owners = units.tasks[report.task] ?? []
                if !mayReportAll && !units.unresolved.contains("task:" + report.task)
                    && !resolver.covers(owners, reporter: reporter.id) {
                    sink.error(.notResponsibleForTask, ["unit": .text(reporter.name), "id": .text(report.task),
                                                        "responsible": responsibleList(owners)], at: report.location)
                }
            }
            return reporter
        }
    }

    private static func responsibleList(_ owners: [UnitID]) -> Message.Argument {
        .message(owners.isEmpty ? Message(.noResponsibleUnit)
                 : Message(.responsibleUnits, ["units": .text(owners.map(\.name).joined(separator: ", "))]))
    }

    /// A per-member target: a member reports its own `value`; a unit that covers the group
    /// reports each member's under `items`, by the member's name.
    private static func checkMemberValues(_ value: ReportedValue, indicator: Indicator, members: [ResponsibleUnit],
                                          reporter: ResponsibleUnit, sink: DiagnosticSink) {
        let names = members.map(\.name)
        if value.value != nil, !members.contains(where: { $0.id == reporter.id }) {
            sink.error(.perMemberReportedByOther, ["id": .text(indicator.id), "unit": .text(reporter.name),
                                                   "members": .text(names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")],
                       at: value.location)
        }
        for name in value.items.keys.sorted() where !names.contains(name) {
            sink.error(.notAMember, ["name": .text(name), "id": .text(indicator.id),
                                     "suggestion": Suggestion.didYouMean(name, among: names)], at: value.location)
        }
    }

    private static func checkItems(_ value: ReportedValue, indicator: Indicator, sink: DiagnosticSink) {
        if case .eachAtLeast(_, let items) = indicator.target {
            if value.value != nil {
                sink.error(.perItemReportedAsValue, ["id": .text(indicator.id), "items": .text(items.joined(separator: ", "))], at: value.location)
            }
            for name in value.items.keys.sorted() where !items.contains(name) {
                sink.error(.unknownItem, ["name": .text(name), "id": .text(indicator.id),
                                          "suggestion": Suggestion.didYouMean(name, among: items)], at: value.location)
            }
        } else if !value.items.isEmpty {
            sink.error(.noItems, ["id": .text(indicator.id)], at: value.location)
        }
    }
}
