import Foundation

/// Rules for progress records: who reports, on what, and when. Returns the records with
/// their reporting unit resolved; a record whose unit is unknown has its error reported and is
/// not among them (content with an error is never computed).
enum RecordRules {
    static func check(_ written: [RecordDraft], of plan: Plan, units: PlanUnits?, resolver: UnitResolver?,
                      heldBack: HeldBack, sink: DiagnosticSink) -> [ProgressRecord] {
        let records = resolve(written, of: plan, units: units, resolver: resolver, heldBack: heldBack, sink: sink)
        checkRunningTotals(records, sink: sink)
        return records
    }

    /// A reported value is the running total to the record's date: a later record of the same
    /// unit may not report less for the same indicator (or item), unless it says it corrects
    /// the earlier figure and why. Records are in date order.
    static func checkRunningTotals(_ records: [ProgressRecord], sink: DiagnosticSink) {
        struct Earlier { let amount: Decimal; let date: Day; let location: SourceLocation }
        var earlier: [String: Earlier] = [:]
        for record in records {
            let unit = record.reporter.description
            for value in record.values {
                let amounts = (value.value.map { [("", $0)] } ?? []) + value.items.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                for (item, amount) in amounts {
                    let key = unit + "|" + value.indicator + "|" + item
                    if let before = earlier[key], amount < before.amount, value.correction == nil {
                        let what = item.isEmpty ? "indicator '\(value.indicator)'" : "item '\(item)' of indicator '\(value.indicator)'"
                        sink.error("'\(record.unit.text)' reports \(amount.plainString) for \(what) on \(record.date), less than the "
                                   + "\(before.amount.plainString) it reported on \(before.date) (\(before.location)); a value is the "
                                   + "running total to the record's date: write the total so far, or, if this figure corrects the "
                                   + "earlier one, say why in 'correction'", at: value.location)
                    }
                    earlier[key] = Earlier(amount: amount, date: record.date, location: value.location)
                }
            }
        }
    }

    private static func resolve(_ written: [RecordDraft], of plan: Plan, units: PlanUnits?, resolver: UnitResolver?, heldBack: HeldBack,
                                sink: DiagnosticSink) -> [ProgressRecord] {
        let taskIDs = plan.allTasks.map(\.id)
        let indicatorIDs = plan.indicators.map(\.id)
        var seen: [String: RecordDraft] = [:]
        return written.compactMap { record -> ProgressRecord? in
            if record.date.year != plan.year {
                sink.error("record dated \(record.date) is outside the plan's year \(plan.year); "
                           + "a record belongs to the plan of the year it reports on", at: record.dateLocation)
            }
            // (A date outside the plan's year is reported above; the name then says nothing new.)
            if record.date.year == plan.year, let named = RecordName.month(ofPath: record.location.file),
               named != record.date.monthKey {
                sink.error("the file name says \(named) but the record is dated \(record.date); a record named for its month "
                           + "reports on that month: correct 'date' or rename the file", at: record.dateLocation)
            }
            let key = "\(record.unit.text)|\(record.date)"
            if let first = seen[key] {
                sink.error("a second record by '\(record.unit.text)' dated \(record.date); the first is \(first.location.file); "
                           + "merge them into one", at: record.location)
            } else {
                seen[key] = record
            }
            // (An unknown pairing or region is reported where it is named.)
            guard let resolver, let units, let reporter = resolver.resolve(record.unit) else { return nil }
            let mayReportAll = units.coordinator == reporter.id
            for value in record.values {
                guard let indicator = plan.indicator(value.indicator) else {
                    if heldBack.hold(unread: plan.unreadIndicatorsFile) { continue }
                    sink.error("unknown indicator '\(value.indicator)'"
                               + Suggestion.didYouMean(value.indicator, among: indicatorIDs), at: value.location)
                    continue
                }
                let owners = units.indicators[indicator.id] ?? []
                // An indicator without units of its own belongs to its tasks' units: unknown while
                // tasks.yaml cannot be read.
                if !mayReportAll && !units.unresolved.contains("indicator:" + indicator.id)
                    && !resolver.covers(owners, reporter: reporter.id)
                    && !(indicator.units.isEmpty && heldBack.hold(unread: plan.unreadTasksFile)) {
                    sink.error("'\(reporter.name)' reports indicator '\(indicator.id)' but is not responsible for it"
                               + responsibleList(owners), at: value.location)
                }
                if let ratio = indicator.ratio {
                    sink.error("indicator '\(indicator.id)' is computed as '\(ratio.numerator)' ÷ '\(ratio.denominator)'; "
                               + "report those two instead", at: value.location)
                }
                if indicator.perMember {
                    let members = resolver.region.members(ofGroupsAmong: owners)
                    checkMemberValues(value, indicator: indicator, members: members, reporter: reporter, sink: sink)
                } else {
                    checkItems(value, indicator: indicator, sink: sink)
                }
            }
            for report in record.tasks {
                guard plan.task(report.task) != nil else {
                    if heldBack.hold(unread: plan.unreadTasksFile) { continue }
                    sink.error("unknown task '\(report.task)'" + Suggestion.didYouMean(report.task, among: taskIDs),
                               at: report.location)
                    continue
                }
                let owners = units.tasks[report.task] ?? []
                if !mayReportAll && !units.unresolved.contains("task:" + report.task)
                    && !resolver.covers(owners, reporter: reporter.id) {
                    sink.error("'\(reporter.name)' reports task '\(report.task)' but is not responsible for it"
                               + responsibleList(owners), at: report.location)
                }
            }
            return ProgressRecord(record, reporter: reporter.id)
        }
    }

    private static func responsibleList(_ owners: [UnitID]) -> String {
        owners.isEmpty ? "; it has no responsible unit" : "; responsible: " + owners.map(\.name).joined(separator: ", ")
    }

    /// A per-member target: a member reports its own `value`; a unit that covers the group
    /// reports each member's under `items`, by the member's name.
    private static func checkMemberValues(_ value: ReportedValue, indicator: Indicator, members: [ResponsibleUnit],
                                          reporter: ResponsibleUnit, sink: DiagnosticSink) {
        let names = members.map(\.name)
        if value.value != nil, !members.contains(where: { $0.id == reporter.id }) {
            sink.error("indicator '\(indicator.id)' is counted per member of its group; '\(reporter.name)' is not one: "
                       + "report each member's value under 'items'" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"),
                       at: value.location)
        }
        for name in value.items.keys.sorted() where !names.contains(name) {
            sink.error("'\(name)' is not a member of the group that indicator '\(indicator.id)' is counted for"
                       + Suggestion.didYouMean(name, among: names), at: value.location)
        }
    }

    private static func checkItems(_ value: ReportedValue, indicator: Indicator, sink: DiagnosticSink) {
        if case .eachAtLeast(_, let items) = indicator.target {
            if value.value != nil {
                sink.error("indicator '\(indicator.id)' is counted per item; report each under 'items' "
                           + "(\(items.joined(separator: ", ")))", at: value.location)
            }
            for name in value.items.keys.sorted() where !items.contains(name) {
                sink.error("unknown item '\(name)' of indicator '\(indicator.id)'"
                           + Suggestion.didYouMean(name, among: items), at: value.location)
            }
        } else if !value.items.isEmpty {
            sink.error("indicator '\(indicator.id)' has no items; report a single 'value'", at: value.location)
        }
    }
}
