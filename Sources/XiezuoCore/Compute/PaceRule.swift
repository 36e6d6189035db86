import Foundation

/// 序时进度: the share of the work the calendar calls for by a date, linear from the plan's
/// start (its declared start, else its issue date, else 1 January) to the item's deadline.
enum PaceRule {
    /// A deadline at most this many days ahead is near (the supervision offices' blue), unless
    /// the plan sets its own window (`deadline-near-days`).
    static let deadlineNearDays = 15

    /// Nothing is expected on or before the start day, everything by the deadline: the share
    /// is (days from the start to the date) ÷ (days from the start to the deadline). A deadline
    /// on or before the start calls for everything from the day after the start.
    static func expected(start: Day, deadline: Day, asOf: Day) -> (share: Decimal, step: ExplanationStep, days: Fraction) {
        let total = max(start.days(until: deadline), 0)
        let elapsed = min(max(start.days(until: asOf), 0), total)
        let share: Decimal
        if asOf <= start {
            share = 0
        } else {
            share = total > 0 ? ShareMemo.share(elapsed, of: total) : 1
        }
        // Before the start, and for a deadline on the start day, the share is what it is (0 or
        // 1) whatever the days say; the days are given as the share's own terms.
        let days = asOf > start && total > 0 ? Fraction(numerator: Decimal(elapsed), denominator: Decimal(total))
            : Fraction(numerator: share, denominator: 1)
        return (share, .expectedShare(elapsedDays: elapsed, totalDays: total, share: share), days)
    }

    /// Done beats everything; past the deadline it is overdue; otherwise compare the
    /// completion with the share the date calls for.
    /// `expected`, when given, replaces the linear share: a target met period by period calls
    /// for the periods that have ended.
    /// One status, worst first: done; past the deadline, overdue (red); less than the calendar
    /// calls for, behind (yellow), a thing never started past its start included; deadline within
    /// `window` days, deadline near (blue); nothing reported and nothing called for yet, not
    /// started; else on pace.
    static func pace(done: Bool, started: Bool, completion: Decimal, start: Day, deadline: Day, asOf: Day,
                     expected given: Decimal? = nil, window: Int = deadlineNearDays) -> Pace {
        let expected = given ?? expected(start: start, deadline: deadline, asOf: asOf).share
        let daysLeft = asOf.days(until: deadline)
        let near = !done && daysLeft >= 0 && daysLeft <= window
        let status: PaceStatus
        if done {
            status = .done
        } else if asOf > deadline {
            status = .overdue
        } else if completion < expected {
            status = .behind
        } else if near {
            status = .deadlineNear
        } else if !started {
            status = .notStarted
        } else {
            status = .onPace
        }
        return Pace(status: status, expected: expected, deadline: deadline, dueSoon: near)
    }

    /// An item that is tracked but not judged against the calendar.
    static func untracked(_ status: PaceStatus, start: Day, deadline: Day, asOf: Day) -> Pace {
        Pace(status: status, expected: expected(start: start, deadline: deadline, asOf: asOf).share,
             deadline: deadline, dueSoon: false)
    }
}

/// Calendar shares already divided. The tasks and indicators of a plan mostly share a start and
/// a deadline, and every month end of every plan asks again, while a share that does not
/// terminate (100 of 365 days) is a long division in Foundation: 1 % of a site build. A share
/// depends on its two day counts alone, so the memo cannot give a wrong one.
private enum ShareMemo {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var shares: [Int: Decimal] = [:]

    static func share(_ elapsed: Int, of total: Int) -> Decimal {
        // Day counts of a plan's calendar are far below 2³¹.
        let key = elapsed << 32 | total
        if let known = lock.withLock({ shares[key] }) { return known }
        let share = Decimal(elapsed).dividedExactly(by: Decimal(total))
        lock.withLock { shares[key] = share }
        return share
    }
}
