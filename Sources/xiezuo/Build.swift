import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Flag(help: "Print the time each stage took (load, validate, compute, render, write, cache), summed over cores, and peak memory.")
    var timings = false

    func validate() throws {
        guard Strings.languages.contains(language) else {
            throw ValidationError("--language must be one of \(Strings.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let started = Date()
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let sink = DiagnosticSink()
        let templates = TemplateSet.load(overrides: TemplateSet.overrides(in: root, sink: sink), language: language, sink: sink)
        let siteOptions = SiteOptions(asOf: try parseAsOf(asOf), baseURL: baseURL)
        var diagnostics = sink.diagnostics
        var report: SiteBuild.Report?
        if let templates {
            var build = SiteBuild(source: DiskContentSource(root: root), output: URL(fileURLWithPath: output, relativeTo: root),
                                  cache: noCache ? nil : URL(fileURLWithPath: cache, relativeTo: root),
                                  templates: templates, options: siteOptions)
            build.wait = !noWait
            build.waiting = { FileHandle.standardError.write(Data("another xiezuo build is writing \(output)/; waiting for it…\n".utf8)) }
            // Ctrl-C and kill: what is staged goes, a commit under way is finished first.
            Interruption.shared.install()
            do {
                report = try build.run()
            } catch {
                FileHandle.standardError.write(Data("build failed: \(error)\n".utf8))
                throw ExitCode.failure
            }
            diagnostics += report?.diagnostics ?? []
        }
        let sorted = Diagnostic.ordered(diagnostics)
        sorted.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
        guard let report, let files = report.files else {
            let count = sorted.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("build failed: \(count) errors; the output folder was not touched\n".utf8))
            throw ExitCode.failure
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("built \(report.pages) pages, \(files.written + files.unchanged) files (\(files.written) written, "
              + "\(files.unchanged) unchanged, \(files.removed) removed) into \(output)/ in \(seconds) s; "
              + "\(report.groupsRendered) of \(report.groups) groups rendered")
        if timings {
            print("timings: " + report.timings.map { "\($0.0)=" + String(format: "%.3f", $0.1) + "s" }.joined(separator: " "))
            print("peak memory: \(PeakMemory.mebibytes())MiB")
        }
    }
}
