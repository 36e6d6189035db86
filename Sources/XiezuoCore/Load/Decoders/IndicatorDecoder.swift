import Foundation

/// Decodes `content/plans/<id>/indicators.yaml`: the indicator table, flat or in groups.
enum IndicatorDecoder {
    static let fileFields = ["indicators", "groups", "note"]
    static let groupFields = ["title", "indicators", "note"]
    static let fields = ["id", "name", "unit", "target", "comparator", "items", "counting", "stock", "scored",
                         "part-of", "split", "ratio", "cadence", "per-period", "per", "bonus", "tasks", "units", "standard", "note"]

    static let comparators = ["at-least", "exactly", "at-most", "each-at-least", "not-lower-than-last-year", "none"]

    static func decode(_ file: ParsedFile) -> [Indicator] {
        guard let reader = file.context.reader(file.root, known: fileFields, what: Message(.whatIndicatorFile)) else {
            return []
        }
        defer { reader.finish() }
        _ = reader.string("note")
        if !reader.has("indicators") && !reader.has("groups") { reader.missing("indicators") }
        var indicators = reader.list("indicators").compactMap { decodeIndicator($0, group: nil, in: reader) }
        for node in reader.list("groups") {
            guard let group = reader.nested(node, known: groupFields, what: Message(.whatIndicatorGroup)) else { continue }
            _ = group.string("note")
            let title = group.string("title", required: true)
            indicators += group.list("indicators").compactMap { decodeIndicator($0, group: title, in: group) }
            group.finish()
        }
        return indicators
    }

    private static func decodeIndicator(_ node: YAMLNode, group: String?, in parent: FieldReader) -> Indicator? {
        guard let reader = parent.nested(node, known: fields, what: Message(.whatIndicator)) else { return nil }
        defer { reader.finish() }
        let id = reader.string("id", required: true)
        let name = reader.string("name", required: true)
        let unit = measureUnit(reader)
        // After a reported problem the indicator is kept with a stand-in, so that records
        // naming it are not reported a second time as naming an unknown indicator.
        let target = unit.flatMap { decodeTarget(reader, unit: $0) } ?? Indicator.Target.none
        let counting = reader.choice("counting", [("new", Indicator.Counting.new),
                                                  ("running-total", .runningTotal)]) ?? .new
        var stock = unit.flatMap { reader.amount("stock", in: $0) }
        if let given = stock, given < 0 {
            reader.sink.error(.negativeStock, ["amount": .text(given.plainString)], at: reader.location(ofKey: "stock"))
            stock = nil
        }
        let scored = reader.bool("scored") ?? true
        let partOf = reader.string("part-of")
        let split = reader.strings("split").map(\.0)
        let ratio = reader.node("ratio").flatMap { node -> Indicator.Ratio? in
            guard let nested = reader.nested(node, known: ["numerator", "denominator"], what: .field("ratio")) else { return nil }
            defer { nested.finish() }
            guard let numerator = nested.string("numerator", required: true),
                  let denominator = nested.string("denominator", required: true) else { return nil }
            return Indicator.Ratio(numerator: numerator, denominator: denominator)
        }
        let cadence = reader.choice("cadence", Indicator.Cadence.Period.allCases.map { ($0.rawValue, $0) }).map { period in
            Indicator.Cadence(period: period, perPeriod: unit.flatMap { reader.amount("per-period", in: $0) } ?? 1)
        }
        if cadence == nil, reader.has("per-period") {
            reader.sink.error(.perPeriodWithoutCadence,
                              at: reader.location(ofKey: "per-period"))
        }
        let perMember = reader.choice("per", [("member", true), ("group", false)]) ?? false
        let bonus = reader.decimal("bonus")
        let tasks = reader.strings("tasks").map(\.0)
        let units = reader.unitReferences("units")
        let standard = reader.string("standard")
        let note = reader.string("note")
        guard let id, let name, let unit else { return nil }
        return Indicator(id: id, name: name, unit: unit, target: target, counting: counting, stock: stock,
                         scored: scored, partOf: partOf, split: split, ratio: ratio, cadence: cadence,
                         perMember: perMember, bonus: bonus, tasks: tasks, units: units,
                         standard: standard, group: group, note: note, location: reader.location)
    }

    private static func measureUnit(_ reader: FieldReader) -> MeasureUnit? {
        guard let symbol = reader.string("unit", required: true) else { return nil }
        guard let unit = MeasureUnit.named(symbol) else {
            let known = MeasureUnit.known.map(\.symbol)
            reader.sink.error(.unknownMeasureUnit, ["unit": .text(symbol), "suggestion": Suggestion.didYouMean(symbol, among: known),
                                                    "known": .text(known.joined(separator: " "))], at: reader.location(ofKey: "unit"))
            return MeasureUnit(symbol: symbol, dimension: .count, scale: 1)
        }
        return unit
    }

    /// `target` and `comparator` together. A `-` target means no target, as in the tables.
    private static func decodeTarget(_ reader: FieldReader, unit: MeasureUnit) -> Indicator.Target? {
        let written = reader.string("comparator")
        if let written, !comparators.contains(written) {
            reader.sink.error(.notAChoice, ["field": "comparator", "text": .text(written),
                                            "suggestion": Suggestion.didYouMean(written, among: comparators),
                                            "choices": .text(comparators.joined(separator: ", "))], at: reader.location(ofKey: "comparator"))
            return nil
        }
        let items = reader.strings("items").map(\.0)
        let noTarget = ["-", "－", "—", "none"]
        let targetText = reader.string("target")
        // Leaving `target` out is an error unless the comparator says there is none: a forgotten
        // target must not silently turn an indicator into one that is only tracked.
        let comparator = written ?? (targetText.map { noTarget.contains($0) } == true ? "none" : "at-least")
        if comparator == "none" || comparator == "not-lower-than-last-year" {
            if let targetText, !noTarget.contains(targetText) {
                reader.sink.error(.targetWithoutComparator, ["comparator": .text(comparator)],
                                  at: reader.location(ofKey: "target"))
                return nil
            }
            if !items.isEmpty {
                reader.sink.error(.itemsWithoutEach, at: reader.location(ofKey: "items"))
            }
            return comparator == "none" ? Indicator.Target.none : .notLowerThanLastYear
        }
        guard targetText != nil, let value = reader.amount("target", in: unit) else {
            if targetText == nil { reader.missing("target", hint: Message(.hintTarget)) }
            return nil
        }
        guard value >= 0 else {
            reader.sink.error(.negativeTarget, ["amount": .text(value.plainString)], at: reader.location(ofKey: "target"))
            return nil
        }
        switch comparator {
        case "exactly": return .exactly(value)
        case "at-most": return .atMost(value)
        case "each-at-least":
            guard items.count >= 2 else {
                reader.sink.error(.eachNeedsItems,
                                  at: reader.location(ofKey: "comparator"))
                return nil
            }
            return .eachAtLeast(value, items: items)
        default:
            if !items.isEmpty {
                reader.sink.error(.itemsWithoutEach, at: reader.location(ofKey: "items"))
            }
            return .atLeast(value)
        }
    }
}
