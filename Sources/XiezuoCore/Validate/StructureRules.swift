/// Rules about regions, units, pairings and standards.
enum StructureRules {
    static func check(_ content: SharedContent, files: DeclaredFiles, sink: DiagnosticSink) {
        for region in content.regions { checkUnits(of: region, sink: sink) }
        let regionIDs = content.regions.map(\.id)
        for pairing in content.pairings {
            var sides: [String: Region] = [:]
            for (side, id) in [("helping", pairing.helping), ("helped", pairing.helped)] {
                if let region = content.region(id) {
                    sides[side] = region
                } else if !files.regions.contains(id) {
                    sink.error(.unknownRegion, ["id": .text(id), "side": .text(side),
                                                "suggestion": Suggestion.didYouMean(id, among: regionIDs)], at: pairing.location)
                }
            }
            if pairing.helping == pairing.helped {
                sink.error(.helpsItself, ["id": .text(pairing.helping)],
                           at: pairing.location)
            }
            for town in pairing.towns {
                for (name, region) in [(town.helping, sides["helping"]), (town.helped, sides["helped"])] {
                    guard let region else { continue }
                    guard let unit = region.unit(named: name) else {
                        sink.error(.unknownTown, ["name": .text(name), "region": .text(region.name),
                                                  "suggestion": Suggestion.didYouMean(name, among: region.unitNames)], at: town.location)
                        continue
                    }
                    if unit.kind != .town {
                        sink.error(.notATown, ["name": .text(name), "kind": .text(unit.kind.rawValue)],
                                   at: town.location)
                    }
                }
            }
        }
        PathRules.check(content, sink: sink)
        var standardIDs = Set<String>()
        for standard in content.standards where !standardIDs.insert(standard.id).inserted {
            sink.error(.duplicateStandard, ["id": .text(standard.id)], at: standard.location)
        }
    }

    /// Every name and other name of a unit must point to one unit only; group members must exist.
    private static func checkUnits(of region: Region, sink: DiagnosticSink) {
        var owners: [String: ResponsibleUnit] = [:]
        for unit in region.units {
            for name in Set([unit.name, unit.id.name] + unit.aliases) {
                if let other = owners[name], other.id != unit.id {
                    sink.error(.duplicateUnitName, ["name": .text(name), "other": .text(other.name), "where": "\(other.location)"],
                               at: unit.location)
                } else {
                    owners[name] = unit
                }
            }
            if unit.kind != .group && !unit.members.isEmpty {
                sink.error(.membersOfNonGroup, ["name": .text(unit.name), "kind": .text(unit.kind.rawValue)],
                           at: unit.location)
            }
            if unit.members.contains(where: { region.unit(named: $0)?.id == unit.id }) {
                sink.error(.groupHoldsItself, ["name": .text(unit.name)],
                           at: unit.location)
            }
            for member in unit.members where region.unit(named: member) == nil {
                sink.error(.unknownMember, ["member": .text(member), "group": .text(unit.name),
                                            "suggestion": Suggestion.didYouMean(member, among: region.unitNames)], at: unit.location)
            }
        }
    }
}
