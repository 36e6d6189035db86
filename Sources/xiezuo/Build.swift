import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the report site from content/ and templates/ into the output folder."
    )

    @OptionGroup var options: SourceOptions

    @Option(help: "The output folder, relative to the source folder.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "Where the site is served, e.g. /reports/ (adds canonical addresses; links stay relative).")
    var baseURL: String?

    @Option(name: .customLong("as-of"), help: "Show every plan as of this date (YYYY-MM-DD). Default: the latest record anywhere in the content.")
    var asOf: String?

    @Option(help: "Language of the pages: \(Strings.languages.joined(separator: " or ")).")
    var language: String = "zh-CN"

    @Option(help: "Where the build keeps what the next build needs to redo only what changed, relative to the source folder.")
    var cache: String = ".xiezuo-cache"

    @Flag(name: .customLong("no-cache"), help: "Build everything, and keep nothing for the next build.")
    var noCache = false

    @Flag(name: .customLong("no-wait"), help: "When another build is writing the same output or cache, stop instead of waiting for it.")
    var noWait = false

    @Flag(help: "Show no progress (by default: a line that updates on a terminal, a line per step elsewhere).")
    var quiet = false

    @Flag(name: .customLong("no-search"), help: "Make the site without search (no search box, no index).")
    var noSearch = false

    @Flag(help: "Print the time each stage took (load, validate, compute, render, write, cache, search), summed over cores, and peak memory.")
    var timings = false

    func validate() throws {
        guard Strings.languages.contains(language) else {
            throw ValidationError("--language must be one of \(Strings.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let started = Date()
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let destination = SiteDestination.folder(URL(fileURLWithPath: output, relativeTo: root),
                                                 cache: noCache ? nil : URL(fileURLWithPath: cache, relativeTo: root))
        let searchTool = noSearch ? nil : SearchIndex.locateTool()
        if !noSearch && searchTool == nil {
            FileHandle.standardError.write(Data(("note: \(SearchIndex.toolName) (PyPI pagefind-bin-extended) is not installed, so the "
                                                 + "site is made without search; scripts/bootstrap installs it\n").utf8))
        }
        let (made, templateProblems) = SiteBuild.site(at: root, destination: destination, language: language,
                                                      options: SiteOptions(asOf: try parseAsOf(asOf), baseURL: baseURL,
                                                                           searchTool: searchTool))
        guard var build = made else { fail(templateProblems) }
        build.wait = !noWait
        build.waiting = { FileHandle.standardError.write(Data("another xiezuo build is writing \(output)/; waiting for it…\n".utf8)) }
        let display = quiet ? nil : ProgressDisplay()
        if let display {
            build.progress = { @Sendable progress in display.tell(progress) }
        }
        // Ctrl-C and kill: what is staged goes, a commit under way is finished first.
        Interruption.shared.install()
        let outcome: SiteBuild.Outcome
        display?.start()
        do {
            outcome = try build.run()
            display?.finish()
        } catch {
            display?.finish()
            FileHandle.standardError.write(Data("build failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        guard let files = outcome.files else { fail(outcome.diagnostics) }
        printDiagnostics(outcome.diagnostics)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("built \(outcome.pages) pages, \(files.written + files.unchanged) files (\(files.written) written, "
              + "\(files.unchanged) unchanged, \(files.removed) removed) into \(output)/ in \(seconds) s; "
              + "\(outcome.groupsRendered) of \(outcome.groups) groups rendered")
        if timings {
            print("timings: " + outcome.timings.map { "\($0.0.rawValue)=" + String(format: "%.3f", $0.1) + "s" }.joined(separator: " "))
            print("peak memory: \(PeakMemory.mebibytes())MiB")
        }
    }

    private func fail(_ diagnostics: [Diagnostic]) -> Never {
        printDiagnostics(diagnostics)
        let count = diagnostics.filter { $0.severity == .error }.count
        FileHandle.standardError.write(Data("build failed: \(count) errors; the output folder was not touched\n".utf8))
        Foundation.exit(ExitCode.failure.rawValue)
    }
}
