import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoServe
import XiezuoSite

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Say.text(.helpServe)
    )

    @OptionGroup var options: SourceOptions

    @Option(help: Say.help(.helpPort))
    var port: UInt16 = 8000

    @Option(help: Say.help(.helpHost))
    var host: String = "127.0.0.1"

    @Option(name: .customLong("base-url"), help: Say.help(.helpServeBaseURL))
    var baseURL: String = "/"

    @Flag(help: Say.help(.helpServeSearch))
    var search = false

    func run() throws {
        let root = URL(fileURLWithPath: options.source, isDirectory: true).standardizedFileURL
        let preview = PreviewServer(.init(root: root, host: host, port: port, basePath: baseURL, language: options.pageLanguage,
                                          searchTool: search ? SearchIndex.locateTool() : nil))
        preview.log = { line in FileHandle.standardError.write(Data((timestamp() + " " + line + "\n").utf8)) }
        // Ctrl-C: a build under way leaves nothing half-done.
        Interruption.shared.install(language: Say.language)
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
        if let error = failure.value { stop(Say.text(.cannotServe, ["host": .text(host), "port": "\(port)", "reason": .text(Say.text(error))])) }
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host
        print(Say.text(.serving, ["address": "http://\(shown):\(bound.value)\(preview.basePath)", "folder": .text(preview.folder.path)]))
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
