import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoServe
import XiezuoSite

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while editing: build, serve, rebuild on every save, reload the open pages."
    )

    @OptionGroup var options: SourceOptions

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on. The default is this machine only; 0.0.0.0 opens the preview to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("base-url"), help: "Serve the site under this path, as in production, e.g. /reports/.")
    var baseURL: String = "/"

    @Option(help: "Language of the pages: \(Strings.languages.joined(separator: " or ")).")
    var language: String = "zh-CN"

    @Flag(help: "Also make the search index on every build (Pagefind; slower).")
    var search = false

    func validate() throws {
        guard Strings.languages.contains(language) else {
            throw ValidationError("--language must be one of \(Strings.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: options.source, isDirectory: true).standardizedFileURL
        let preview = PreviewServer(.init(root: root, host: host, port: port, basePath: baseURL, language: language,
                                          searchTool: search ? SearchIndex.locateTool() : nil))
        preview.log = { line in FileHandle.standardError.write(Data((timestamp() + " " + line + "\n").utf8)) }
        // Ctrl-C: a build under way leaves nothing half-done.
        Interruption.shared.install()
        let started = DispatchSemaphore(value: 0)
        let failure = LockedBox<Error?>(nil)
        let bound = LockedBox<UInt16>(0)
        Task {
            do {
                bound.value = try await preview.start()
            } catch {
                failure.value = error
            }
            started.signal()
        }
        started.wait()
        if let error = failure.value { stop("cannot serve on \(host):\(port): \(error)") }
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host
        FileHandle.standardOutput.write(Data(("serving http://\(shown):\(bound.value)"
            + "\(preview.basePath) from \(preview.folder.path); "
            + "watching content/ and templates/ (Ctrl-C stops)\n").utf8))
        dispatchMain()
    }
}

/// A value shared with a task, behind a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

private func timestamp() -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter.string(from: Date())
}
