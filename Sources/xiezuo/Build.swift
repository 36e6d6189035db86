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

    @Option(name: .customLong("as-of"), help: "Show every plan as of this date (YYYY-MM-DD). Default: each plan as of its latest record.")
    var asOf: String?

    @Option(help: "Language of the pages: \(Strings.languages.joined(separator: " or ")).")
    var language: String = "zh-CN"

    @Flag(help: "Print the time each stage took (load, validate, compute, render, write).")
    var timings = false

    func validate() throws {
        guard Strings.languages.contains(language) else {
            throw ValidationError("--language must be one of \(Strings.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let started = Date()
        var stages: [(String, Double, Int)] = []
        var mark = started
        func stage(_ name: String) {
            let now = Date()
            stages.append((name, now.timeIntervalSince(mark), PeakMemory.mebibytes()))
            mark = now
        }
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let loaded = ContentLoader.read(from: DiskContentSource(root: root))
        stage("load")
        let result = (consume loaded).validated()
        stage("validate")
        printDiagnostics(result)
        let sink = DiagnosticSink()
        let templates = TemplateSet.load(overrides: readOverrides(root: root, sink: sink), language: language, sink: sink)
        sink.sorted.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
        guard !result.hasErrors, let templates else {
            let count = result.errors.count + sink.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("build failed: \(count) errors; the output folder was not touched\n".utf8))
            throw ExitCode.failure
        }
        let siteOptions = SiteOptions(asOf: try parseAsOf(asOf), baseURL: baseURL)
        mark = Date()
        let results = SiteBuilder.compute(result.content, options: siteOptions)
        stage("compute")
        let destination = URL(fileURLWithPath: output, relativeTo: root)
        let summary: SiteWriter.Summary
        let pages: Int
        do {
            // Pages are written into the staging folder as they are rendered: render and write
            // overlap, and are timed together as "render+write".
            let staging = try SiteWriter.Staging(output: destination)
            pages = SiteBuilder.render(result.content, results: results, templates: templates, options: siteOptions,
                                       into: staging)
            summary = try staging.commit()
        } catch {
            FileHandle.standardError.write(Data("build failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        stage("render+write")
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("built \(pages) pages, \(summary.written + summary.unchanged) files (\(summary.written) written, \(summary.unchanged) unchanged) "
              + "into \(output)/ in \(seconds) s")
        if timings {
            print("timings: " + stages.map { "\($0.0)=" + String(format: "%.3f", $0.1) + "s" }.joined(separator: " "))
            print("peak memory after each stage: " + stages.map { "\($0.0)=\($0.2)MiB" }.joined(separator: " "))
        }
    }

    /// The site's own templates/, which replace the built-in ones of the same name.
    private func readOverrides(root: URL, sink: DiagnosticSink) -> [String: Data] {
        // A site without its own templates/ uses the built-in look.
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path) else { return [:] }
        let source = DiskContentSource(root: root)
        let listing = source.files(under: "templates")
        for problem in listing.problems { sink.error(problem.message, at: SourceLocation(file: problem.path)) }
        var files: [String: Data] = [:]
        for path in listing.files where !path.hasSuffix("README.md") {
            switch source.read(path, limit: 8 * 1024 * 1024) {
            case .data(let data): files[String(path.dropFirst("templates/".count))] = data
            case .tooLarge(let size): sink.error("template file is too large (\(size) bytes)", at: SourceLocation(file: path))
            case .unreadable(let reason): sink.error("cannot read: \(reason)", at: SourceLocation(file: path))
            }
        }
        return files
    }
}
