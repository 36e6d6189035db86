import Foundation
import XiezuoCore

/// A program xiezuo runs but does not ship (Pagefind for search, Chromium for PDF): found on
/// PATH or where an environment variable names it, run with a time limit, its complaints kept.
struct ExternalProgram {
    let url: URL
    /// Where the files that hold the program's output go while it runs: a folder of the
    /// caller's that is removed with the work it belongs to (a build's staging area, so that
    /// Ctrl-C, which ends xiezuo at once, leaves nothing behind), else the system's temporary folder.
    var scratch: URL? = nil

    private var folder: URL { scratch ?? FileManager.default.temporaryDirectory }

    struct Failure: MessageError {
        let message: Message
    }

    /// The first of `names` on PATH, or the program `variable` names when it is set; nil when
    /// none is there.
    static func locate(_ names: [String], overriddenBy variable: String, environment: [String: String]) -> URL? {
        if let named = environment[variable], !named.isEmpty {
            return FileManager.default.isExecutableFile(atPath: named) ? URL(fileURLWithPath: named) : nil
        }
        for name in names {
            for folder in (environment["PATH"] ?? "").split(separator: ":") {
                let candidate = String(folder) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
            }
        }
        return nil
    }

    /// Runs the program to its end, as `run` does, and returns what it wrote to standard output.
    func output(_ arguments: [String], timeout: TimeInterval) throws -> Data {
        let (file, handle) = try scratchFile("out")
        defer {
            try? handle.close()
            try? FileManager.default.removeItem(at: file)
        }
        try run(arguments, timeout: timeout, standardOutput: handle)
        return try Data(contentsOf: file)
    }

    /// A new empty file in `folder`, open for writing; the caller closes and removes it.
    private func scratchFile(_ suffix: String) throws -> (URL, FileHandle) {
        let file = folder.appendingPathComponent("xiezuo-\(UUID().uuidString).\(suffix)")
        // FileHandle(forWritingTo:) opens only a file that exists.
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return (file, try FileHandle(forWritingTo: file))
    }

    /// Runs the program to its end; throws when it cannot start, outlasts `timeout` seconds (it
    /// is then stopped) or exits with a status other than 0, saying the last line it wrote to
    /// standard error.
    func run(_ arguments: [String], timeout: TimeInterval, standardOutput: FileHandle = .nullDevice) throws {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        // Standard error goes to a file, so that a program that writes much never blocks on a full pipe.
        let (log, errors) = try scratchFile("log")
        defer {
            try? errors.close()
            try? FileManager.default.removeItem(at: log)
        }
        process.standardError = errors
        process.standardOutput = standardOutput
        do {
            try process.run()
        } catch {
            throw Failure(message: Message(.cannotRun, ["program": .text(url.path), "reason": "\(error)"]))
        }
        // Ctrl-C during the build stops it first, before the staged files are removed.
        Interruption.shared.started(process)
        defer { Interruption.shared.ended(process) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        // Stopped by Ctrl-C: the signal's handler ends the process; nothing more is done here.
        Interruption.shared.holdIfInterrupted()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(message: Message(.programTimedOut, ["program": .text(url.path), "seconds": "\(Int(timeout))"]))
        }
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").last.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
            throw Failure(message: Message(.programFailed, ["program": .text(url.path), "status": "\(process.terminationStatus)", "said": .text(last)]))
        }
    }
}
