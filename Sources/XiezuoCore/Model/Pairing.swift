/// A helping region (帮扶方) and a helped region (受帮扶方), and the kind of their relation.
public struct Pairing: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case eastWest = "东西部协作"
        case intraProvincial = "省内协作帮扶"
        case counterpart = "对口协作"
        case regional = "区域性结对帮扶"
    }

    /// Two towns of the two sides paired with each other (镇镇结对).
    public struct TownPair: Sendable, Hashable {
        public let helping: String
        public let helped: String
        public let location: SourceLocation

        public init(helping: String, helped: String, location: SourceLocation) {
            self.helping = helping
            self.helped = helped
            self.location = location
        }
    }

    public let id: String
    public let kind: Kind
    public let helping: String
    public let helped: String
    public let since: Int?
    /// e.g. 接续帮扶 for a pairing kept on after the helped side left poverty.
    public let status: String?
    public let towns: [TownPair]
    public let narrative: String
    public let location: SourceLocation

    public init(id: String, kind: Kind, helping: String, helped: String, since: Int?, status: String?,
                towns: [TownPair], narrative: String, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.helping = helping
        self.helped = helped
        self.since = since
        self.status = status
        self.towns = towns
        self.narrative = narrative
        self.location = location
    }
}
