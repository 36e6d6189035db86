import Foundation
import XiezuoCore
import XiezuoSite
#if canImport(Glibc)
import Glibc
#endif

/// A build's progress on standard error: on a terminal, one line that updates four times a
/// second once the build has taken two seconds (short builds show nothing); elsewhere (CI
/// logs) a line per step.
final class ProgressDisplay: @unchecked Sendable {
    private let terminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var latest: BuildProgress?
    private var running = true
    private var shown = false
    private let finished = DispatchSemaphore(value: 0)

    func tell(_ progress: BuildProgress) {
        if terminal {
            lock.withLock { latest = progress }
            return
        }
        let seconds = Message.Argument.text(String(format: "%.1f", progress.elapsed))
        let line: String
        switch progress.step {
        case .planned:
            line = Say.text(.progressPlanned, ["groups": "\(progress.groups)", "kept": "\(progress.groupsKept)",
                                               "read": "\(progress.filesRead)", "seconds": seconds])
        case .group: return
        case .site:
            line = Say.text(.progressRendered, ["groups": "\(progress.groups - progress.groupsKept)", "pages": "\(progress.pages)",
                                                "seconds": seconds])
        case .search: line = Say.text(.progressSearch, ["seconds": seconds])
        case .committed: line = Say.text(.progressCommitted, ["seconds": seconds])
        }
        Say.note(line)
    }

    func start() {
        guard terminal else { return }
        Thread { [self] in
            while lock.withLock({ running }) {
                Thread.sleep(forTimeInterval: 0.25)
                lock.withLock {
                    guard running, let progress = latest, progress.elapsed >= 2 else { return }
                    shown = true
                    let text = Say.text(.progressBuilding, ["done": "\(progress.groupsDone)", "groups": "\(progress.groups)",
                                                            "pages": "\(progress.pages)", "seconds": .text(String(format: "%.0f", progress.elapsed))])
                    FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
                }
            }
            finished.signal()
        }.start()
    }

    /// Clears the line; what follows prints on a clean line.
    func finish() {
        guard terminal else { return }
        lock.withLock { running = false }
        finished.wait()
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
