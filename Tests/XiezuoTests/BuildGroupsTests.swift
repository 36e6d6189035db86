import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// Groups must hold everything a page of theirs shows: every plan of a pairing (the years
/// list, 不低于上年) and every plan owned by a region (its units' pages).
@Suite struct BuildGroupsTests {
    static let here = SourceLocation(file: "test")

    static func region(_ id: String) -> Region { Region(id: id, name: id, parent: nil, units: [], location: here) }
    static func pairing(_ id: String, _ helping: String, _ helped: String) -> Pairing {
        Pairing(id: id, kind: .eastWest, helping: helping, helped: helped, since: nil, status: nil, towns: [], narrative: "",
                location: here)
    }

    @Test func plansJoinByPairingAndByOwningRegion() {
        // a helps b and c; e helps f; g has no plan; h helps i with the helped side owning.
        let shared = SharedContent(regions: ["a", "b", "c", "e", "f", "g", "h", "i"].map(Self.region),
                                   pairings: [Self.pairing("ab", "a", "b"), Self.pairing("ac", "a", "c"),
                                              Self.pairing("ef", "e", "f"), Self.pairing("hi", "h", "i")],
                                   standards: [])
        let headers = [PlanHeader(id: "ab-2021", pairing: "ab", year: 2021, owner: .helping),
                       PlanHeader(id: "ab-2022", pairing: "ab", year: 2022, owner: .helping),
                       PlanHeader(id: "ac-2022", pairing: "ac", year: 2022, owner: .helping),
                       PlanHeader(id: "ef-2022", pairing: "ef", year: 2022, owner: .helping),
                       PlanHeader(id: "hi-2022", pairing: "hi", year: 2022, owner: .helped)]
        let groups = BuildGroups.partition(planIDs: headers.map(\.id) + ["broken"], headers: headers, shared: shared)
        #expect(groups == [
            BuildGroup(plans: ["ab-2021", "ab-2022", "ac-2022"], regions: ["a"], pairings: ["ab", "ac"]),
            BuildGroup(plans: ["ef-2022"], regions: ["e"], pairings: ["ef"]),
            BuildGroup(plans: ["hi-2022"], regions: ["i"], pairings: ["hi"]),
            // A plan whose plan.md cannot be read stands alone; reading it reports why.
            BuildGroup(plans: ["broken"], regions: [], pairings: []),
            // Regions that own no plan, in one group.
            BuildGroup(plans: [], regions: ["b", "c", "f", "g", "h"], pairings: []),
        ])
        #expect(Set(groups.map(\.key)).count == groups.count)
    }
}
