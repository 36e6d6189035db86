import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: Say.text(.helpBuild)
    )

    @OptionGroup var options: SourceOptions

    @Option(help: Say.help(.helpOutput))
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: Say.help(.helpBaseURL))
    var baseURL: String?

    @Option(name: .customLong("as-of"), help: Say.help(.helpAsOf))
    var asOf: String?

    @Option(help: Say.help(.helpCache))
    var cache: String = ".xiezuo-cache"

    @Flag(name: .customLong("no-cache"), help: Say.help(.helpNoCache))
    var noCache = false

    @Flag(name: .customLong("no-wait"), help: Say.help(.helpNoWait))
    var noWait = false

    @Flag(help: Say.help(.helpQuiet))
    var quiet = false

    @Flag(name: .customLong("no-search"), help: Say.help(.helpNoSearch))
    var noSearch = false

    @Flag(help: Say.help(.helpTimings))
    var timings = false

    func run() throws {
        let started = Date()
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let destination = SiteDestination.folder(URL(fileURLWithPath: output, relativeTo: root),
                                                 cache: noCache ? nil : URL(fileURLWithPath: cache, relativeTo: root))
        let searchTool = noSearch ? nil : SearchIndex.locateTool()
        if !noSearch && searchTool == nil {
            Say.note(Say.text(.noSearchTool, ["tool": .text(SearchIndex.toolName)]))
        }
        let (made, templateProblems) = SiteBuild.site(at: root, destination: destination, language: options.pageLanguage,
                                                      options: SiteOptions(asOf: try parseAsOf(asOf), baseURL: baseURL,
                                                                           searchTool: searchTool))
        guard var build = made else { fail(templateProblems) }
        build.wait = !noWait
        build.waiting = { Say.note(Say.text(.waitingForBuild, ["output": .text(output)])) }
        let display = quiet ? nil : ProgressDisplay()
        if let display {
            build.progress = { @Sendable progress in display.tell(progress) }
        }
        // Ctrl-C and kill: what is staged goes, a commit under way is finished first.
        Interruption.shared.install(language: Say.language)
        let outcome: SiteBuild.Outcome
        display?.start()
        do {
            outcome = try build.run()
            display?.finish()
        } catch {
            display?.finish()
            Say.note(Say.text(.buildFailed, ["reason": .text(Say.text(error))]))
            throw ExitCode.failure
        }
        guard let files = outcome.files else { fail(outcome.diagnostics) }
        printDiagnostics(outcome.diagnostics)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print(Say.text(.buildSummary, ["pages": "\(outcome.pages)", "files": "\(files.written + files.unchanged)",
                                       "written": "\(files.written)", "unchanged": "\(files.unchanged)", "removed": "\(files.removed)",
                                       "output": .text(output), "seconds": .text(seconds), "rendered": "\(outcome.groupsRendered)",
                                       "groups": "\(outcome.groups)"]))
        if timings {
            print(Say.text(.buildTimings, ["stages": .text(outcome.timings.map { "\($0.0.rawValue)=" + String(format: "%.3f", $0.1) + "s" }
                                                            .joined(separator: " "))]))
            print(Say.text(.buildPeakMemory, ["mebibytes": "\(PeakMemory.mebibytes())"]))
        }
    }

    private func fail(_ diagnostics: [Diagnostic]) -> Never {
        printDiagnostics(diagnostics)
        let count = diagnostics.filter { $0.severity == .error }.count
        Say.note(Say.text(.buildFailedErrors, ["count": "\(count)"]))
        Foundation.exit(ExitCode.failure.rawValue)
    }
}
