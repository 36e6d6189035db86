import Foundation

/// Decodes `content/plans/<id>/progress/*.md`: one unit's report on one date.
enum RecordDecoder {
    static let fields = ["unit", "date", "sample", "values", "tasks"]
    static let valueFields = ["indicator", "value", "items", "note", "correction"]
    static let taskFields = ["task", "state", "evidence", "false-data"]
    static let evidenceFields = ["title", "kind", "file"]
    private static let states = TaskState.allCases.map { ($0.rawValue, $0) }
    private static let evidenceKinds = Evidence.Kind.allCases.map { ($0.rawValue, $0) }

    /// A record read: dated, or with a date that could not be read (reported), kept for the
    /// validator to check what it names.
    enum Decoded {
        case dated(RecordDraft)
        case undated(UndatedRecord)
    }

    /// `indicators` gives each indicator's unit, so a value written `3000万元` is read in the indicator's unit.
    static func decode(_ file: ParsedFile, plan: String, indicators: [String: Indicator]) -> Decoded? {
        guard let reader = file.context.reader(file.root, known: fields, what: Message(.whatRecordFrontMatter)) else {
            return nil
        }
        defer { reader.finish() }
        let unit = reader.string("unit", required: true)
        let date = reader.day("date", required: true)
        let sample = reader.bool("sample") ?? false
        let values = reader.list("values").compactMap { decodeValue($0, in: reader, indicators: indicators) }
        let tasks = reader.list("tasks").compactMap { decodeTask($0, in: reader) }
        guard let unit else { return nil }
        let reference = UnitReference(text: unit, location: reader.location(ofKey: "unit"))
        guard let date else { return .undated(UndatedRecord(unit: reference, values: values, tasks: tasks)) }
        return .dated(RecordDraft(plan: plan, unit: reference, date: date, values: values, tasks: tasks, note: file.body,
                                  noteHTML: file.bodyHTML, sample: sample, location: reader.location,
                                  dateLocation: reader.location(ofKey: "date")))
    }

    private static func decodeValue(_ node: YAMLNode, in parent: FieldReader, indicators: [String: Indicator]) -> ReportedValue? {
        guard let reader = parent.nested(node, known: valueFields, what: Message(.whatReportedValue)) else { return nil }
        defer { reader.finish() }
        guard let id = reader.string("indicator", required: true) else { return nil }
        // An unknown indicator is reported by the validator, with a did-you-mean.
        let unit = indicators[id]?.unit
        func read(_ text: String, at location: SourceLocation) -> Decimal? {
            let result = unit.map { NumberReading.amount(text, in: $0) } ?? NumberReading.number(text)
            switch result {
            case .success(let value) where value < 0:
                reader.sink.error(.negativeValue, ["text": .text(text)], at: location)
                return nil
            case .success(let value): return value
            case .failure(let problem):
                reader.sink.error(problem.message(for: text), at: location)
                return nil
            }
        }
        let value = reader.string("value").flatMap { read($0, at: reader.location(ofKey: "value")) }
        var items: [String: Decimal] = [:]
        if let node = reader.node("items") {
            if let mapping = node.mapping {
                for pair in mapping {
                    let valueNode = pair.value
                    guard let name = pair.key.string, let text = valueNode.string,
                          let amount = read(text, at: reader.location(of: valueNode)) else { continue }
                    items[name] = amount
                }
            } else {
                reader.sink.error(.itemsNotMapping, at: reader.location(of: node))
            }
        }
        if !reader.has("value") && !reader.has("items") {
            reader.missing("value", hint: Message(.hintValue))
        }
        return ReportedValue(indicator: id, value: value, items: items, note: reader.string("note"),
                             correction: reader.string("correction"), location: reader.location)
    }

    private static func decodeTask(_ node: YAMLNode, in parent: FieldReader) -> TaskReport? {
        guard let reader = parent.nested(node, known: taskFields, what: Message(.whatTaskReport)) else { return nil }
        defer { reader.finish() }
        let id = reader.string("task", required: true)
        let state = reader.choice("state", states, required: true)
        let falseData = reader.bool("false-data") ?? false
        let evidence = reader.list("evidence").compactMap { node -> Evidence? in
            guard let item = reader.nested(node, known: evidenceFields, what: Message(.whatEvidence)) else { return nil }
            defer { item.finish() }
            let title = item.string("title", required: true)
            let kind = item.choice("kind", evidenceKinds) ?? .document
            let file = item.string("file")
            guard let title else { return nil }
            return Evidence(title: title, kind: kind, file: file)
        }
        guard let id, let state else { return nil }
        return TaskReport(task: id, state: state, evidence: evidence, falseData: falseData, location: reader.location)
    }
}
