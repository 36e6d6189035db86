import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Say.text(.helpReport)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: SourceOptions

    @Option(name: .customLong("as-of"), help: Say.help(.helpReportAsOf))
    var asOf: String?

    @Option(help: Say.help(.helpPairingFilter))
    var pairing: String?

    @Option(help: Say.help(.helpFormat))
    var format: Format = .text

    func run() throws {
        let result = loadContent(options)
        printDiagnostics(result.diagnostics)
        guard !result.hasErrors else {
            throw Say.misuse(.contentHasErrors)
        }
        let content = result.content
        let results: [(Plan, PlanResult)]
        do {
            results = try PlanSelection.evaluate(content, pairing: pairing, asOf: try parseAsOf(asOf))
        } catch let error as PlanSelection.UnknownPairing {
            throw Say.misuse(error.message)
        }
        switch format {
        case .text: print(ResultsText.render(results, content: content, language: Say.language))
        case .json: FileHandle.standardOutput.write(ResultsJSON(results: results).json() + Data("\n".utf8))
        }
    }
}

/// The `--as-of` date, when given.
func parseAsOf(_ text: String?) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(parsing: text), Day.years.contains(day.year) else {
        throw Say.misuse(.badAsOf, ["first": "\(Day.years.lowerBound)", "last": "\(Day.years.upperBound)", "text": .text(text)])
    }
    return day
}
