import Foundation
import XiezuoCore

/// Ctrl-C and `kill` (SIGINT, SIGTERM) during a build: files staged for a commit that has not
/// begun are removed before the process ends; a commit under way is finished first, so that
/// the output is the new site, not a mix. (SIGKILL and a power cut cannot be caught: then the
/// next xiezuo command finishes the commit from its journal, or removes what was staged.)
public final class Interruption: @unchecked Sendable {
    public static let shared = Interruption()

    private let lock = NSLock()
    private var stagingFolder: URL?
    private var inCommit = false
    private var pending: Int32?
    private var sources: [DispatchSourceSignal] = []
    /// Programs the build runs (Pagefind) that may be writing into the staging folder.
    private var children: [ObjectIdentifier: Process] = [:]
    /// Set when a signal is being handled: the build's own threads then stop writing.
    private var interrupting = false

    /// Called before the build writes into the staging folder: once a signal is being handled,
    /// waits for the handler to end the process, so that nothing is staged after it removed the folder.
    func holdIfInterrupted() {
        guard lock.withLock({ interrupting }) else { return }
        while true { Thread.sleep(forTimeInterval: 60) }
    }

    /// What is said on standard error when a signal stops the build, in the user's language.
    private var notice = Message(.interrupted).description

    /// Called once by the command line, before any build, with its language.
    public func install(language: Language = .chinese) {
        notice = Message(.interrupted).text(in: language)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number) }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    func staging(_ folder: URL) { lock.withLock { stagingFolder = folder } }
    func started(_ child: Process) { lock.withLock { children[ObjectIdentifier(child)] = child } }
    func ended(_ child: Process) { lock.withLock { _ = children.removeValue(forKey: ObjectIdentifier(child)) } }
    func committing() { lock.withLock { inCommit = true } }

    /// The commit is over (or the staged files gone): a signal that came meanwhile ends the process now.
    func done() {
        let signal: Int32? = lock.withLock {
            inCommit = false
            stagingFolder = nil
            return pending
        }
        if let signal { exit(128 + signal) }
    }

    private func received(_ number: Int32) {
        let folder: URL? = lock.withLock {
            if inCommit {
                pending = number
                return nil
            }
            interrupting = true
            return stagingFolder
        }
        if lock.withLock({ inCommit }) { return }
        // A program still writing into the staging folder would put files back after it is removed.
        for child in lock.withLock({ Array(children.values) }) where child.isRunning {
            child.terminate()
            child.waitUntilExit()
        }
        if let folder { try? FileManager.default.removeItem(at: folder) }
        FileHandle.standardError.write(Data((notice + "\n").utf8))
        exit(128 + number)
    }
}
