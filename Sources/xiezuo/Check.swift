import ArgumentParser
import Foundation
import XiezuoCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate all content; list every problem with its file, line and column."
    )

    @OptionGroup var options: SourceOptions

    func run() throws {
        let result = loadContent(options)
        printDiagnostics(result.diagnostics)
        for plan in result.content.plans.sorted(by: { $0.id < $1.id }) {
            print("plan \(plan.id) (\(plan.year)): \(plan.narrativeParts.count) narrative parts, "
                  + "\(plan.allSections.count) sections, \(plan.allTasks.count) tasks, "
                  + "\(plan.indicators.count) indicators, \(plan.records.count) records")
        }
        let c = result.content.counts
        print("loaded \(c.pairings) pairings, \(c.plans) plans, \(c.sections) sections, \(c.tasks) tasks, "
              + "\(c.indicators) indicators, \(c.units) units, \(c.records) records; "
              + "\(result.errors.count) errors, \(result.warnings.count) warnings")
        if result.hasErrors { throw ExitCode.failure }
    }
}

func loadContent(_ options: SourceOptions) -> LoadResult {
    let root = URL(fileURLWithPath: options.source, isDirectory: true)
    return ContentLoader.load(from: DiskContentSource(root: root))
}

/// Problems go to standard error, one per line, in the `path:line:column: severity: message`
/// form that editors and CI logs link to.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Ends the command on a problem in what it was asked to do (not in how it was called): the
/// message alone, on standard error, and exit status 1.
func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    Foundation.exit(ExitCode.failure.rawValue)
}
