import Foundation
import XiezuoCore

/// The computed results as JSON: `xiezuo report --format json` and `results.json` in the site.
///
/// Stable format `xiezuo-report/1` (docs/report-json.md). Every number is a string holding an
/// exact decimal ("0.3", "1834.5"): JSON numbers are binary floating point in most readers,
/// and money and scores must not drift. Ratios are fractions (1.35 = 135 %).
public struct ResultsJSON {
    public static let format = "xiezuo-report/1"
    let results: [(Plan, PlanResult)]

    public init(results: [(Plan, PlanResult)]) {
        self.results = results
    }

    /// `{"format": …, "plans": [ … ]}`, pretty-printed with sorted keys.
    public func json() -> Data {
        var data = Data()
        json { data.append($0) }
        return data
    }

    /// The same bytes, handed to `part` one plan at a time.
    public func json(into part: (Data) -> Void) {
        Self.assemble(results.lazy.map { Self.part($0.0, $0.1) }, into: part)
    }

    /// The document around plan parts made by `part(_:_:)`, handed to `part` piece by piece.
    static func assemble(_ parts: some Sequence<Data>, into part: (Data) -> Void) {
        part(Data("{\n  \"format\" : \"\(Self.format)\",\n  \"plans\" : [".utf8))
        var first = true
        for entry in parts {
            part(first ? entry : Data(",".utf8) + entry)
            first = false
        }
        part(Data((first ? "\n\n  ]\n}" : "\n  ]\n}").utf8))
    }

    /// One plan's entry, indented to its place in the document. Each plan is written on its
    /// own and spliced in: a site build keeps each plan's part until the document is put together.
    static func part(_ plan: Plan, _ result: PlanResult) -> Data {
        var json = JSONWriter(level: 2, capacity: 16_384)
        json.object { writePlan(plan, result, into: &$0) }
        var data = Data("\n    ".utf8)
        data.append(contentsOf: json.bytes)
        return data
    }

    /// Ratios (completion, expected pace, percentages) are rounded to this many decimal places,
    /// half away from zero, beside the exact numbers they divide where there are two: a quotient
    /// such as 2405.4 ÷ 3244 does not terminate, and cut at Decimal's 38 digits it would look
    /// exact without being so.
    static let ratioScale = 12

    static func ratio(_ value: Decimal) -> String { value.rounded(scale: ratioScale).plainString }

    // Each entry below writes its members in the UTF-8 order of their names (uppercase before
    // lowercase, a name before its longer forms), the order the format has always had.

    /// A ratio's exact terms: `{"denominator": "3244", "numerator": "2405.4"}`.
    private static func writeFraction(_ name: String, _ fraction: Fraction?, into json: inout JSONWriter) {
        guard let fraction else { return }
        json.key(name)
        json.object { json in
            json.field("denominator", fraction.denominator.plainString)
            json.field("numerator", fraction.numerator.plainString)
        }
    }

    private static func writePlan(_ plan: Plan, _ result: PlanResult, into json: inout JSONWriter) {
        json.field("asOf", result.asOf.description)
        json.field("completion", ratio(result.completion))
        json.field("expected", ratio(result.expected))
        writeFraction("expectedOf", result.expectedDays, into: &json)
        json.key("findings")
        json.array(result.findings) { json, finding in json.object { writeFinding(finding, into: &$0) } }
        json.field("id", plan.id)
        json.key("indicators")
        json.array(result.indicators) { json, indicator in json.object { writeIndicator(indicator, into: &$0) } }
        json.field("latestData", result.latestData?.description)
        json.field("pairing", plan.pairing)
        json.field("sample", result.sample)
        if plan.scoring.method != .none {
            json.key("score")
            json.object { json in
                writeScore(result.rollup, bonus: result.bonus, penalty: result.penalty, grade: result.grade, into: &json)
            }
        }
        json.key("tasks")
        json.array(result.tasks) { json, task in json.object { writeTask(task, into: &$0) } }
        json.field("title", plan.title)
        json.key("units")
        json.array(result.units) { json, unit in json.object { writeUnit(unit, into: &$0) } }
        json.field("year", plan.year)
    }

    /// percent = numerator ÷ denominator × 100: earned and available points.
    private static func writeScore(_ rollup: Rollup, bonus: Decimal, penalty: Decimal, grade: String?,
                                   into json: inout JSONWriter) {
        json.field("available", rollup.available.plainString)
        json.field("bonus", bonus.plainString)
        json.field("earned", rollup.earned.plainString)
        json.field("grade", grade)
        json.field("penalty", penalty.plainString)
        json.field("percent", rollup.percent.map(ratio))
        writeFraction("percentOf", rollup.percentFraction, into: &json)
    }

    /// An explanation step: its message key without `explain.`, and the key's arguments.
    private static func writeSteps(_ steps: [ExplanationStep], into json: inout JSONWriter) {
        json.key("explanation")
        json.array(steps) { json, step in
            let parts = step.parts
            json.object { json in
                json.field("arguments", parts.arguments)
                json.field("step", String(parts.key.dropFirst("explain.".count)))
            }
        }
    }

    private static func writeIndicator(_ r: IndicatorResult, into json: inout JSONWriter) {
        // For a computed percentage: actual = numerator ÷ denominator (× 100 already in the numerator).
        json.field("actual", r.actualFraction == nil ? r.actual.plainString : ratio(r.actual))
        writeFraction("actualOf", r.actualFraction, into: &json)
        json.field("completion", r.completion.map(ratio))
        writeFraction("completionOf", r.completionFraction, into: &json)
        json.field("deadline", r.pace.deadline.description)
        json.field("dueSoon", r.pace.dueSoon)
        writeSteps(r.explanation, into: &json)
        json.field("id", r.id)
        json.field("items", r.items.mapValues(\.plainString))
        json.field("met", r.met.rawValue)
        json.field("name", r.name)
        json.field("responsible", r.responsible.map(\.description))
        json.field("scored", r.scored)
        json.field("status", r.pace.status.rawValue)
        json.field("target", r.target?.plainString)
        json.field("unit", r.unit)
    }

    private static func writeTask(_ r: TaskResult, into json: inout JSONWriter) {
        json.field("completion", ratio(r.completion))
        json.field("deadline", r.pace.deadline.description)
        json.field("dueSoon", r.pace.dueSoon)
        json.field("evidence", r.evidence.count)
        writeSteps(r.explanation + (r.score?.explanation ?? []), into: &json)
        json.field("id", r.id)
        json.field("missingEvidence", r.missingEvidence.map(\.rawValue))
        json.field("responsible", r.responsible.map(\.description))
        if let score = r.score {
            json.key("score")
            json.object { json in
                json.field("applicable", score.applicable)
                json.field("available", score.available.plainString)
                json.field("bonus", score.bonus.plainString)
                json.field("earned", score.earned.plainString)
                json.field("penalty", score.penalty.plainString)
            }
        }
        json.field("state", r.state.rawValue)
        json.field("status", r.pace.status.rawValue)
        json.field("uncappedCompletion", ratio(r.uncappedCompletion))
    }

    private static func writeUnit(_ r: UnitResult, into json: inout JSONWriter) {
        json.field("available", r.rollup.available.plainString)
        json.field("earned", r.rollup.earned.plainString)
        json.field("grade", r.grade)
        json.field("indicators", r.indicators)
        json.field("missingReports", r.missingReports)
        json.field("percent", r.rollup.percent.map(ratio))
        writeFraction("percentOf", r.rollup.percentFraction, into: &json)
        json.field("rank", r.rank)
        json.field("tasks", r.tasks)
        json.field("unit", r.unit.description)
    }

    private static func writeFinding(_ f: Finding, into json: inout JSONWriter) {
        var (task, indicator, unit): (String?, String?, String?)
        switch f.subject {
        case .task(let id): task = id
        case .indicator(let id): indicator = id
        case .unit(let id): unit = id.description
        }
        json.field("detail", f.detail)
        json.field("indicator", indicator)
        json.field("kind", f.kind.rawValue)
        json.field("task", task)
        json.field("unit", unit)
    }
}
