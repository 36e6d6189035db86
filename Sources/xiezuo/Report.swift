import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        printDiagnostics(result)
        guard !result.hasErrors else {
            throw ValidationError("the content has errors; run 'xiezuo check' and fix them first")
        }
        let content = result.content
        let date = try parseAsOf(asOf)
        var plans = content.plans.sorted { ($0.pairing, $0.year) < ($1.pairing, $1.year) }
        if let pairing {
            guard content.pairing(pairing) != nil else {
                throw ValidationError("unknown pairing '\(pairing)'"
                                      + Suggestion.didYouMean(pairing, among: content.pairings.map(\.id)))
            }
            plans = plans.filter { $0.pairing == pairing }
        }
        let siteDate = date ?? Engine.defaultAsOf(in: content)
        let results = plans.map { ($0, Engine.evaluate($0, in: content, asOf: siteDate)) }
        switch format {
        case .text: print(TextReport.render(results, content: content))
        case .json: FileHandle.standardOutput.write(ReportDocument(results: results).json() + Data("\n".utf8))
        }
    }
}

/// The `--as-of` date, when given.
func parseAsOf(_ text: String?) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(parsing: text) else {
        throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(text)'")
    }
    return day
}
