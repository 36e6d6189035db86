import Foundation

/// Decodes `content/plans/<id>/plan.md`: document metadata, scoring rule, and the narrative.
/// Sections, tasks, indicators and records come from the plan's other files.
enum PlanDecoder {
    static let fields = ["pairing", "year", "title", "number", "issuer", "issued", "start", "scheme", "owner",
                         "coordinator", "deadline", "deadline-near-days", "reporting", "scoring", "note"]

    /// The plan's own fields, before its tasks, indicators and records are attached.
    struct Header {
        let id: String
        let pairing: String
        let year: Int
        let title: String
        let number: String?
        let issuer: String?
        let issued: Day?
        let start: Day?
        let scheme: String?
        let owner: Plan.Side
        let coordinator: UnitReference?
        let deadline: Day?
        let deadlineNearDays: Int
        let reporting: Plan.Reporting?
        let scoring: ScoringRule
        let narrative: String
        let note: String?
        let location: SourceLocation
    }

    static func decode(_ file: ParsedFile, id: String) -> Header? {
        guard let reader = file.context.reader(file.root, known: fields, what: Message(.whatPlanFrontMatter)) else {
            return nil
        }
        defer { reader.finish() }
        let pairing = reader.string("pairing", required: true)
        var year = reader.integer("year", required: true)
        if let given = year, !Day.years.contains(given) {
            reader.sink.error(.yearOutOfRange, ["first": "\(Day.years.lowerBound)", "last": "\(Day.years.upperBound)", "year": "\(given)"],
                              at: reader.location(ofKey: "year"))
            year = nil
        }
        reader.year = year
        let title = reader.string("title", required: true)
        let number = reader.string("number")
        let issuer = reader.string("issuer")
        let issued = reader.day("issued")
        let start = reader.day("start")
        let scheme = reader.string("scheme")
        let owner = reader.choice("owner", [("helping", Plan.Side.helping), ("helped", .helped)], required: true)
        let coordinator = reader.string("coordinator").map {
            UnitReference(text: $0, location: reader.location(ofKey: "coordinator"))
        }
        let deadline = reader.day("deadline")
        var deadlineNearDays = reader.integer("deadline-near-days") ?? 15
        if !(0...90).contains(deadlineNearDays) {
            reader.sink.error(.deadlineNearDaysRange, ["days": "\(deadlineNearDays)"],
                              at: reader.location(ofKey: "deadline-near-days"))
            deadlineNearDays = 15
        }
        let note = reader.string("note")
        let reporting = reader.node("reporting").flatMap { node -> Plan.Reporting? in
            guard let nested = reader.nested(node, known: ["due-day"], what: .field("reporting")) else { return nil }
            defer { nested.finish() }
            guard let day = nested.integer("due-day", required: true) else { return nil }
            guard (1...28).contains(day) else {
                reader.sink.error(.dueDayRange, ["day": "\(day)"],
                                  at: nested.location(ofKey: "due-day"))
                return nil
            }
            return Plan.Reporting(dueDay: day)
        }
        var scoring: ScoringRule?
        if let node = reader.node("scoring") {
            scoring = ScoringDecoder.decode(node, in: reader)
        } else {
            reader.missing("scoring", hint: Message(.hintScoring))
        }
        guard let pairing, let year, let title, let owner, let scoring else { return nil }
        return Header(id: id, pairing: pairing, year: year, title: title, number: number, issuer: issuer,
                      issued: issued, start: start, scheme: scheme, owner: owner, coordinator: coordinator, deadline: deadline,
                      deadlineNearDays: deadlineNearDays, reporting: reporting, scoring: scoring, narrative: file.body, note: note,
                      location: reader.location)
    }
}

/// Decodes a plan's `scoring:` block, and the `scoring:` of a section or task that overrides
/// the plan's method.
enum ScoringDecoder {
    static let methodFields = ["method", "step", "points-per-step", "points-per-case"]
    static let fields = methodFields + ["evidence-required", "bonus", "false-data", "reporting", "grades", "note"]

    static func decode(_ node: YAMLNode, in parent: FieldReader) -> ScoringRule? {
        guard let reader = parent.nested(node, known: fields, what: .field("scoring")) else { return nil }
        defer { reader.finish() }
        let method = self.method(reader)
        let evidence = reader.bool("evidence-required") ?? false
        let note = reader.string("note")
        let bonus = reader.node("bonus").flatMap { node -> ScoringRule.Bonus? in
            guard let nested = reader.nested(node, known: ["per-percent", "cap"], what: .field("bonus")) else { return nil }
            defer { nested.finish() }
            let rate = nested.decimal("per-percent")
            guard let cap = nested.decimal("cap", required: true) else { return nil }
            return ScoringRule.Bonus(perPercent: rate, cap: cap)
        }
        var penalty: Decimal?
        var penaltyCap: Decimal?
        if let node = reader.node("false-data"), let nested = reader.nested(node, known: ["penalty", "cap"], what: .field("false-data")) {
            penalty = nested.decimal("penalty", required: true)
            penaltyCap = nested.decimal("cap")
            nested.finish()
        }
        let reporting = reader.node("reporting").flatMap { node -> ScoringRule.ReportingItem? in
            guard let nested = reader.nested(node, known: ["points", "per-missing"], what: .field("reporting")) else { return nil }
            defer { nested.finish() }
            guard let points = nested.decimal("points", required: true),
                  let perMissing = nested.decimal("per-missing", required: true) else { return nil }
            return ScoringRule.ReportingItem(points: points, perMissing: perMissing)
        }
        let grades = reader.list("grades").compactMap { node -> ScoringRule.GradeBand? in
            guard let nested = reader.nested(node, known: ["min", "grade"], what: Message(.whatGradeBand)) else { return nil }
            defer { nested.finish() }
            guard let minimum = nested.decimal("min", required: true), let grade = nested.string("grade", required: true)
            else { return nil }
            return ScoringRule.GradeBand(minimum: minimum, grade: grade)
        }
        guard let method else { return nil }
        return ScoringRule(method: method, evidenceRequired: evidence, bonus: bonus, falseDataPenalty: penalty,
                           falseDataPenaltyCap: penaltyCap, reporting: reporting, grades: grades, note: note)
    }

    /// A section's or task's own method, in place of the plan's: `scoring: {method: all-or-nothing}`.
    static func override(_ node: YAMLNode, in parent: FieldReader) -> ScoringRule.Method? {
        guard let reader = parent.nested(node, known: methodFields, what: Message(.whatSectionScoring)) else { return nil }
        defer { reader.finish() }
        return method(reader)
    }

    /// `method` and the numbers it needs.
    private static func method(_ reader: FieldReader) -> ScoringRule.Method? {
        let name = reader.choice("method", [("none", "none"), ("all-or-nothing", "all-or-nothing"),
                                            ("proportional", "proportional"), ("deduction", "deduction"),
                                            ("per-case", "per-case")], required: true)
        switch name {
        case "none": return ScoringRule.Method.none
        case "all-or-nothing": return .allOrNothing
        case "proportional": return .proportional
        case "deduction":
            let step = reader.decimal("step", required: true)
            let points = reader.decimal("points-per-step", required: true)
            guard let step, let points else { return nil }
            guard step > 0 else {
                reader.sink.error(.stepNotPositive, at: reader.location(ofKey: "step"))
                return nil
            }
            return .deduction(step: step, points: points)
        case "per-case":
            return reader.decimal("points-per-case", required: true).map { .perCase(points: $0) }
        default:
            return nil
        }
    }
}
