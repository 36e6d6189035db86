import Foundation

/// 序时进度: the share of the work the calendar calls for by a date, linear from the start
/// of the plan year to the item's deadline.
enum PaceRule {
    /// A deadline at most this many days ahead is "due soon" (the supervision offices' blue).
    static let dueSoonDays = 30

    static func expected(start: Day, deadline: Day, asOf: Day) -> (share: Decimal, step: ExplanationStep) {
        let total = start.days(until: deadline) + 1
        let elapsed = min(max(start.days(until: asOf) + 1, 0), total)
        let share = total > 0 ? Decimal(elapsed) / Decimal(total) : 1
        return (share, .expectedShare(elapsedDays: elapsed, totalDays: total, share: share))
    }

    /// Done beats everything; past the deadline it is overdue; otherwise compare the
    /// completion with the share the date calls for.
    static func pace(done: Bool, started: Bool, completion: Decimal, start: Day, deadline: Day, asOf: Day) -> Pace {
        let expected = expected(start: start, deadline: deadline, asOf: asOf).share
        let status: PaceStatus
        if done {
            status = .done
        } else if asOf > deadline {
            status = .overdue
        } else if !started {
            status = .notStarted
        } else if completion < expected {
            status = .behind
        } else {
            status = .onPace
        }
        let daysLeft = asOf.days(until: deadline)
        return Pace(status: status, expected: expected, deadline: deadline,
                    dueSoon: !done && daysLeft >= 0 && daysLeft <= dueSoonDays)
    }

    /// An item that is tracked but not judged against the calendar.
    static func untracked(_ status: PaceStatus, start: Day, deadline: Day, asOf: Day) -> Pace {
        Pace(status: status, expected: expected(start: start, deadline: deadline, asOf: asOf).share,
             deadline: deadline, dueSoon: false)
    }
}
