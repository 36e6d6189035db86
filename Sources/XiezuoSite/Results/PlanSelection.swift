import XiezuoCore

/// The plans a report covers, evaluated as of one date: every plan, or one pairing's, in
/// pairing and year order, as of the given date or the site's (the latest record anywhere).
public enum PlanSelection {
    public struct UnknownPairing: MessageError {
        public let message: Message
    }

    public static func evaluate(_ content: Content, pairing: String? = nil, asOf: Day? = nil) throws -> [(Plan, PlanResult)] {
        var plans = content.plans.sorted { ($0.pairing, $0.year) < ($1.pairing, $1.year) }
        if let pairing {
            guard content.pairing(pairing) != nil else {
                throw UnknownPairing(message: Message(.unknownPairing, ["id": .text(pairing),
                                                                        "suggestion": Suggestion.didYouMean(pairing, among: content.pairings.map(\.id))]))
            }
            plans = plans.filter { $0.pairing == pairing }
        }
        let date = asOf ?? Engine.defaultAsOf(in: content)
        return plans.map { ($0, Engine.evaluate($0, in: content, asOf: date)) }
    }
}
