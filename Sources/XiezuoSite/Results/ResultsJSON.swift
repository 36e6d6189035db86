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

    /// One plan's entry, indented to its place in the document. Each plan is encoded on its
    /// own and spliced in: encoding the whole document at once held a tree several times the
    /// size of the output (60 MB for 100 plans), the largest allocation of a site build; and a
    /// site build keeps each plan's part until the document is put together.
    static func part(_ plan: Plan, _ result: PlanResult) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let newline = UInt8(ascii: "\n"), indent = Array("\n    ".utf8), spaces = Array("    ".utf8)
        // Encoding plain strings, arrays and objects cannot fail. JSON strings never hold a
        // raw line break, so every line break in the entry is between tokens.
        let entry = [UInt8]((try? encoder.encode(PlanEntry(plan, result))) ?? Data("{}".utf8))
        var indented: [UInt8] = []
        indented.reserveCapacity(entry.count + entry.count / 4)
        indented += indent
        for (index, byte) in entry.enumerated() {
            indented.append(byte)
            // Each line indented, but for the blank line the encoder leaves inside an empty array.
            if byte == newline, index + 1 < entry.count, entry[index + 1] != newline { indented += spaces }
        }
        return Data(indented)
    }

    /// Ratios (completion, expected pace, percentages) are rounded to this many decimal places,
    /// half away from zero, beside the exact numbers they divide where there are two: a quotient
    /// such as 2405.4 ÷ 3244 does not terminate, and cut at Decimal's 38 digits it would look
    /// exact without being so.
    static let ratioScale = 12

    static func ratio(_ value: Decimal) -> String { value.rounded(scale: ratioScale).plainString }

    /// A ratio's exact terms: `{"numerator": "2405.4", "denominator": "3244"}`.
    struct FractionEntry: Encodable {
        let numerator, denominator: String

        init(_ fraction: Fraction) {
            numerator = fraction.numerator.plainString
            denominator = fraction.denominator.plainString
        }
    }

    public struct PlanEntry: Encodable {
        let id, pairing, title, asOf: String
        let year: Int
        let sample: Bool
        let latestData: String?
        let expected, completion: String
        let expectedOf: FractionEntry
        let score: Score?
        let indicators: [IndicatorEntry]
        let tasks: [TaskEntry]
        let units: [UnitEntry]
        let findings: [FindingEntry]

        init(_ plan: Plan, _ result: PlanResult) {
            id = plan.id
            pairing = plan.pairing
            title = plan.title
            year = plan.year
            asOf = result.asOf.description
            sample = result.sample
            latestData = result.latestData?.description
            expected = ResultsJSON.ratio(result.expected)
            expectedOf = FractionEntry(result.expectedDays)
            completion = ResultsJSON.ratio(result.completion)
            score = plan.scoring.method == .none ? nil : Score(result.rollup, bonus: result.bonus,
                                                                 penalty: result.penalty, grade: result.grade)
            indicators = result.indicators.map(IndicatorEntry.init)
            tasks = result.tasks.map(TaskEntry.init)
            units = result.units.map(UnitEntry.init)
            findings = result.findings.map(FindingEntry.init)
        }
    }

    struct Score: Encodable {
        let available, earned, bonus, penalty: String
        let percent: String?
        /// percent = numerator ÷ denominator × 100: earned and available points.
        let percentOf: FractionEntry?
        let grade: String?

        init(_ rollup: Rollup, bonus: Decimal, penalty: Decimal, grade: String?) {
            available = rollup.available.plainString
            earned = rollup.earned.plainString
            self.bonus = bonus.plainString
            self.penalty = penalty.plainString
            percent = rollup.percent.map(ResultsJSON.ratio)
            percentOf = rollup.percentFraction.map(FractionEntry.init)
            self.grade = grade
        }
    }

    struct Step: Encodable {
        let step: String
        let arguments: [String: String]

        init(_ step: ExplanationStep) {
            let parts = step.parts
            self.step = String(parts.key.dropFirst("explain.".count))
            arguments = parts.arguments
        }
    }

    struct IndicatorEntry: Encodable {
        let id, name, unit, actual, met, status, deadline: String
        let target, completion: String?
        let completionOf: FractionEntry?
        /// For a computed percentage: actual = numerator ÷ denominator (× 100 already in the numerator).
        let actualOf: FractionEntry?
        let items: [String: String]
        let scored, dueSoon: Bool
        let responsible: [String]
        let explanation: [Step]

        init(_ r: IndicatorResult) {
            id = r.id
            name = r.name
            unit = r.unit
            actual = r.actualFraction == nil ? r.actual.plainString : ResultsJSON.ratio(r.actual)
            actualOf = r.actualFraction.map(FractionEntry.init)
            met = r.met.rawValue
            status = r.pace.status.rawValue
            deadline = r.pace.deadline.description
            target = r.target?.plainString
            completion = r.completion.map(ResultsJSON.ratio)
            completionOf = r.completionFraction.map(FractionEntry.init)
            items = r.items.mapValues(\.plainString)
            scored = r.scored
            dueSoon = r.pace.dueSoon
            responsible = r.responsible.map(\.description)
            explanation = r.explanation.map(Step.init)
        }
    }

    struct TaskEntry: Encodable {
        let id, state, completion, uncappedCompletion, status, deadline: String
        let dueSoon: Bool
        let responsible: [String]
        let evidence: Int
        let missingEvidence: [String]
        let score: TaskScoreEntry?
        let explanation: [Step]

        init(_ r: TaskResult) {
            id = r.id
            state = r.state.rawValue
            completion = ResultsJSON.ratio(r.completion)
            uncappedCompletion = ResultsJSON.ratio(r.uncappedCompletion)
            status = r.pace.status.rawValue
            deadline = r.pace.deadline.description
            dueSoon = r.pace.dueSoon
            responsible = r.responsible.map(\.description)
            evidence = r.evidence.count
            missingEvidence = r.missingEvidence.map(\.rawValue)
            score = r.score.map(TaskScoreEntry.init)
            explanation = (r.explanation + (r.score?.explanation ?? [])).map(Step.init)
        }
    }

    struct TaskScoreEntry: Encodable {
        let available, earned, bonus, penalty: String
        let applicable: Bool

        init(_ s: TaskScore) {
            available = s.available.plainString
            earned = s.earned.plainString
            bonus = s.bonus.plainString
            penalty = s.penalty.plainString
            applicable = s.applicable
        }
    }

    struct UnitEntry: Encodable {
        let unit, available, earned: String
        let percent, grade: String?
        let percentOf: FractionEntry?
        let rank: Int?
        let tasks, indicators, missingReports: [String]

        init(_ r: UnitResult) {
            unit = r.unit.description
            available = r.rollup.available.plainString
            earned = r.rollup.earned.plainString
            percent = r.rollup.percent.map(ResultsJSON.ratio)
            percentOf = r.rollup.percentFraction.map(FractionEntry.init)
            grade = r.grade
            rank = r.rank
            tasks = r.tasks
            indicators = r.indicators
            missingReports = r.missingReports
        }
    }

    struct FindingEntry: Encodable {
        let kind: String
        let task, indicator, unit, detail: String?

        init(_ f: Finding) {
            kind = f.kind.rawValue
            detail = f.detail
            switch f.subject {
            case .task(let id): (task, indicator, unit) = (id, nil, nil)
            case .indicator(let id): (task, indicator, unit) = (nil, id, nil)
            case .unit(let id): (task, indicator, unit) = (nil, nil, id.description)
            }
        }
    }
}
