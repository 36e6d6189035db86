/// The monthly briefing (月度通报): a plan as it stood at one month's end, and what changed
/// since the end of the month before. Both states are the engine's own evaluations at those
/// dates, so a briefing says what the plan page said on that day.
public struct Briefing: Sendable {
    /// `YYYY-MM`.
    public let month: String
    public let now: PlanResult
    /// The month before's end; nil for the plan's first month.
    public let before: PlanResult?
    public let changes: Changes

    /// What moved between the two month ends. Items are task and indicator ids in plan order.
    public struct Changes: Sendable, Equatable {
        public let newlyDone: [Finding.Subject]
        public let newlyBehind: [Finding.Subject]
        public let newlyOverdue: [Finding.Subject]
        /// Units that filed a record dated in the month, in unit order.
        public let reported: [UnitID]
        /// Units whose rank changed, with both ranks (scored plans), best rank now first.
        public let rankMoves: [RankMove]

        public var isEmpty: Bool {
            newlyDone.isEmpty && newlyBehind.isEmpty && newlyOverdue.isEmpty && reported.isEmpty && rankMoves.isEmpty
        }
    }

    public struct RankMove: Sendable, Equatable {
        public let unit: UnitID
        public let from: Int
        public let to: Int
    }
}

extension Engine {
    /// The month ends a plan has briefings for: from the month of its first record up to the
    /// site's date, within the plan's year. A month with no data yet has nothing to brief.
    public static func briefingMonths(of plan: Plan, asOf: Day) -> [Day] {
        guard let first = plan.recordPlaces(through: asOf).first.map({ plan.records[$0].date }) else { return [] }
        return monthEnds(of: plan, asOf: asOf).filter { $0.monthKey >= first.monthKey }
    }

    /// The briefings of the month ends `briefingMonths` gives, in order. Each month end is
    /// evaluated once, and serves as the next month's "before".
    /// `index`: the plan's records indexed, when the caller has them.
    public static func briefings(_ plan: Plan, in content: Content, asOf: Day) -> [Briefing] {
        briefings(plan, in: content, asOf: asOf, index: RecordIndex(plan))
    }

    static func briefings(_ plan: Plan, in content: Content, asOf: Day, index: RecordIndex) -> [Briefing] {
        let ends = briefingMonths(of: plan, asOf: asOf)
        let before = ends.first.flatMap { stateBefore($0, of: plan, in: content, index: index) }
        return briefings(plan, in: content, ends: ends[...], before: before, index: index)
    }

    /// The plan at the end of the month before `first`, the first briefing's "before": nil
    /// when that day is outside the plan's year or before its start.
    static func stateBefore(_ first: Day, of plan: Plan, in content: Content, index: RecordIndex) -> PlanResult? {
        monthBefore(first).flatMap { day in
            day.year == plan.year && day >= plan.startDay
                ? evaluate(plan, in: content, asOf: day, months: false, previousRanks: [:], index: index) : nil
        }
    }

    /// The briefings of `ends`, consecutive month ends, the first compared with `before`.
    static func briefings(_ plan: Plan, in content: Content, ends: ArraySlice<Day>, before first: PlanResult?,
                          index: RecordIndex) -> [Briefing] {
        var before = first
        var briefings: [Briefing] = []
        for end in ends {
            let now = evaluate(plan, in: content, asOf: end, months: false, previousRanks: before?.ranks ?? [:], index: index)
            briefings.append(Briefing(month: end.monthKey, now: now, before: before,
                                      changes: changes(plan, from: before, to: now, month: end)))
            before = now
        }
        return briefings
    }

    static func changes(_ plan: Plan, from before: PlanResult?, to now: PlanResult, month end: Day) -> Briefing.Changes {
        let items: [(Finding.Subject, PaceStatus?, PaceStatus?)] =
            plan.allTasks.map { (.task($0.id), before?.task($0.id)?.pace.status, now.task($0.id)?.pace.status) }
            + plan.indicators.map { (.indicator($0.id), before?.indicator($0.id)?.pace.status, now.indicator($0.id)?.pace.status) }
        func became(_ status: PaceStatus) -> [Finding.Subject] {
            items.filter { _, was, is_ in is_ == status && was != status }.map(\.0)
        }
        // By year and month, not `monthKey` (two strings a record), and each record read in place.
        let reported = Set(plan.records.indices.lazy.filter { plan.records[$0].date.year == end.year && plan.records[$0].date.month == end.month }
            .map { plan.records[$0].reporter }).sorted()
        let ranksBefore = before?.ranks ?? [:]
        let moves = now.units.compactMap { unit -> Briefing.RankMove? in
            guard let to = unit.rank, let from = ranksBefore[unit.unit], from != to else { return nil }
            return Briefing.RankMove(unit: unit.unit, from: from, to: to)
        }.sorted { ($0.to, $0.unit) < ($1.to, $1.unit) }
        return Briefing.Changes(newlyDone: became(.done), newlyBehind: became(.behind), newlyOverdue: became(.overdue),
                                reported: reported, rankMoves: moves)
    }
}
