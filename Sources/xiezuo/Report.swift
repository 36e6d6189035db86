import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print completion, score, grade and alerts per plan, as text or JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: SourceOptions

    @Option(name: .customLong("as-of"), help: "Report as things stood on this date (YYYY-MM-DD). Default: the latest record anywhere in the content.")
    var asOf: String?

    @Option(help: "Only the plans of this pairing.")
    var pairing: String?

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let result = loadContent(options)
        printDiagnostics(result.diagnostics)
        guard !result.hasErrors else {
            throw ValidationError("the content has errors; run 'xiezuo check' and fix them first")
        }
        let content = result.content
        let results: [(Plan, PlanResult)]
        do {
            results = try PlanSelection.evaluate(content, pairing: pairing, asOf: try parseAsOf(asOf))
        } catch let error as PlanSelection.UnknownPairing {
            throw ValidationError(error.description)
        }
        switch format {
        case .text: print(ResultsText.render(results, content: content))
        case .json: FileHandle.standardOutput.write(ResultsJSON(results: results).json() + Data("\n".utf8))
        }
    }
}

/// The `--as-of` date, when given.
func parseAsOf(_ text: String?) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(parsing: text), Day.years.contains(day.year) else {
        throw ValidationError("--as-of must be a date written YYYY-MM-DD from \(Day.years.lowerBound) to "
                              + "\(Day.years.upperBound), not '\(text)'")
    }
    return day
}
