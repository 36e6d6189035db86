import Foundation

/// Decodes `content/plans/<id>/tasks.yaml`: nested sections holding tasks.
enum TaskDecoder {
    static let fileFields = ["sections", "note"]
    static let sectionFields = ["number", "title", "scoring", "sections", "tasks", "note"]
    static let taskFields = ["id", "number", "title", "text", "units", "points", "bonus", "scoring", "requirement",
                             "deadline", "funding", "note"]

    static func decode(_ file: ParsedFile) -> [Section] {
        guard let reader = file.context.reader(file.root, known: fileFields, what: Message(.whatTaskFile)) else { return [] }
        defer { reader.finish() }
        _ = reader.string("note")
        if !reader.has("sections") { reader.missing("sections") }
        return reader.list("sections").enumerated().compactMap { index, node in
            decodeSection(node, id: "\(index + 1)", method: nil, in: reader)
        }
    }

    /// `method`: the scoring method a section above says, which this one's tasks take unless
    /// it or they say another.
    private static func decodeSection(_ node: YAMLNode, id: String, method inherited: ScoringRule.Method?,
                                      in parent: FieldReader) -> Section? {
        guard let reader = parent.nested(node, known: sectionFields, what: Message(.whatSection)) else { return nil }
        defer { reader.finish() }
        _ = reader.string("note")
        let number = reader.string("number")
        let title = reader.string("title", required: true)
        let method = reader.node("scoring").flatMap { ScoringDecoder.override($0, in: reader) } ?? inherited
        let sections = reader.list("sections").enumerated().compactMap { index, child in
            decodeSection(child, id: "\(id).\(index + 1)", method: method, in: reader)
        }
        let tasks = reader.list("tasks").compactMap { decodeTask($0, method: method, in: reader) }
        guard let title else { return nil }
        return Section(id: id, number: number, title: title, sections: sections, tasks: tasks, location: reader.location)
    }

    private static func decodeTask(_ node: YAMLNode, method inherited: ScoringRule.Method?, in parent: FieldReader) -> PlanTask? {
        guard let reader = parent.nested(node, known: taskFields, what: Message(.whatTask)) else { return nil }
        defer { reader.finish() }
        let id = reader.string("id", required: true)
        let number = reader.string("number")
        let title = reader.string("title")
        let text = reader.string("text", required: true)
        let units = reader.unitReferences("units")
        let points = reader.decimal("points")
        let bonus = reader.decimal("bonus")
        let method = reader.node("scoring").flatMap { ScoringDecoder.override($0, in: reader) } ?? inherited
        let requirement = reader.string("requirement")
        let deadline = reader.day("deadline")
        let note = reader.string("note")
        let funding = reader.list("funding").compactMap { decodeFunding($0, in: reader) }
        guard let id, let text else { return nil }
        return PlanTask(id: id, number: number, title: title, text: text, units: units, points: points,
                        bonus: bonus, method: method, requirement: requirement, deadline: deadline, funding: funding, note: note,
                        location: reader.location)
    }

    private static func decodeFunding(_ node: YAMLNode, in parent: FieldReader) -> Funding? {
        guard let reader = parent.nested(node, known: ["amount", "source"], what: Message(.whatFunding)) else { return nil }
        defer { reader.finish() }
        let source = reader.string("source")
        // Funding is kept in 万元, the unit the plans use; 0.3亿元 is read as 3000.
        let wan = MeasureUnit.named("万元")!
        guard let value = reader.amount("amount", in: wan, required: true) else { return nil }
        return Funding(amount: Quantity(value, wan), source: source)
    }
}
