import Foundation
import XiezuoCore

/// The latest build of a preview, as the open pages learn of it: a number that goes up with
/// every build, and the problems when the last one failed. A page asks to be told when the
/// number moves (a long poll), and reloads.
actor BuildBoard {
    private(set) var version = 0
    /// The problems of the last build when it failed (the site on disk is the one before).
    private(set) var failure: [Diagnostic]?
    private var waiters: [UUID: CheckedContinuation<Int, Never>] = [:]

    func publish(failure: [Diagnostic]?) {
        version += 1
        self.failure = failure
        for waiter in waiters.values { waiter.resume(returning: version) }
        waiters = [:]
    }

    /// The version, as soon as it differs from `seen`, or after `timeout` whatever it is.
    func wait(after seen: Int, timeout: Duration) async -> Int {
        if version != seen { return version }
        let id = UUID()
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
    }

    private func expire(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume(returning: version)
    }
}
