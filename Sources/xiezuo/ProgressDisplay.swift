import Foundation
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
        let seconds = String(format: "%.1f s", progress.elapsed)
        let line: String
        switch progress.step {
        case .planned:
            line = "planned: \(progress.groups) groups, \(progress.groupsKept) unchanged since the last build; "
                + "\(progress.filesRead) content files read to tell what changed (\(seconds))"
        case .group: return
        case .site: line = "rendered: \(progress.groups - progress.groupsKept) groups, \(progress.pages) pages in all (\(seconds))"
        case .search: line = "search index made (\(seconds))"
        case .committed: line = "committed (\(seconds))"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func start() {
        guard terminal else { return }
        Thread { [self] in
            while lock.withLock({ running }) {
                Thread.sleep(forTimeInterval: 0.25)
                lock.withLock {
                    guard running, let progress = latest, progress.elapsed >= 2 else { return }
                    shown = true
                    let text = "building: groups \(progress.groupsDone)/\(progress.groups) · \(progress.pages) pages · "
                        + String(format: "%.0f s", progress.elapsed)
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
