import ArgumentParser
import Foundation
import XiezuoCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Say.text(.helpCheck)
    )

    @OptionGroup var options: SourceOptions

    func run() throws {
        let result = loadContent(options)
        printDiagnostics(result.diagnostics)
        for plan in result.content.plans.sorted(by: { $0.id < $1.id }) {
            print(Say.text(.checkPlanLine, ["id": .text(plan.id), "year": "\(plan.year)", "parts": "\(plan.narrativeParts.count)",
                                            "sections": "\(plan.allSections.count)", "tasks": "\(plan.allTasks.count)",
                                            "indicators": "\(plan.indicators.count)", "records": "\(plan.records.count)"]))
        }
        let c = result.content.counts
        print(Say.text(.checkSummary, ["pairings": "\(c.pairings)", "plans": "\(c.plans)", "sections": "\(c.sections)",
                                       "tasks": "\(c.tasks)", "indicators": "\(c.indicators)", "units": "\(c.units)",
                                       "records": "\(c.records)", "errors": "\(result.errors.count)",
                                       "warnings": "\(result.warnings.count)"]))
        if result.hasErrors { throw ExitCode.failure }
    }
}

func loadContent(_ options: SourceOptions) -> LoadResult {
    let root = URL(fileURLWithPath: options.source, isDirectory: true)
    return ContentLoader.load(from: DiskContentSource(root: root))
}

/// Problems go to standard error, one per line, in the `path:line:column: severity: message`
/// form that editors and CI logs link to, in this run's language.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { Say.note(diagnostic.line(in: Say.language)) }
}

/// Ends the command on a problem in what it was asked to do (not in how it was called): the
/// message alone, on standard error, and exit status 1.
func stop(_ message: String) -> Never {
    Say.note(Say.text(.commandFailed, ["reason": .text(message)]))
    Foundation.exit(ExitCode.failure.rawValue)
}
