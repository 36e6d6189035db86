import Foundation

/// How far a build has come, told as it goes: a terminal shows it on one line that updates, a
/// CI log gets a line per step.
public struct BuildProgress: Sendable {
    public enum Step: String, Sendable {
        /// Content listed and fingerprinted: the groups are known, and which are kept.
        case planned
        /// One more group done (rendered, or kept from the previous build).
        case group
        /// The site-wide pages and downloads made.
        case site
        /// The search index made (or kept).
        case search
        /// The new site in place.
        case committed
    }

    public let step: Step
    public let groups: Int
    public let groupsDone: Int
    /// Groups kept from the previous build, not rendered.
    public let groupsKept: Int
    /// Content files read this build to know whether they changed.
    public let filesRead: Int
    /// Pages made so far.
    public let pages: Int
    /// Seconds since the build started.
    public let elapsed: Double
}

/// Counts a build's progress from every core and tells it.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let tell: (@Sendable (BuildProgress) -> Void)?
    private let started = Date()
    private var groups = 0, done = 0, kept = 0, filesRead = 0, pages = 0

    init(_ tell: (@Sendable (BuildProgress) -> Void)?) {
        self.tell = tell
    }

    func planned(groups: Int, kept: Int, filesRead: Int) {
        lock.withLock { (self.groups, self.kept, self.filesRead) = (groups, kept, filesRead) }
        report(.planned)
    }

    func groupDone(pages: Int) {
        lock.withLock { done += 1; self.pages += pages }
        report(.group)
    }

    func step(_ step: BuildProgress.Step, pages: Int = 0) {
        lock.withLock { self.pages += pages }
        report(step)
    }

    private func report(_ step: BuildProgress.Step) {
        guard let tell else { return }
        let snapshot = lock.withLock {
            BuildProgress(step: step, groups: groups, groupsDone: done, groupsKept: kept, filesRead: filesRead, pages: pages,
                          elapsed: Date().timeIntervalSince(started))
        }
        tell(snapshot)
    }
}
