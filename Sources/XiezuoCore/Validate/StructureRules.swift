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
                    sink.error("unknown region '\(id)' as the \(side) side"
                               + Suggestion.didYouMean(id, among: regionIDs)
                               + " (regions are the files in content/regions/)", at: pairing.location)
                }
            }
            if pairing.helping == pairing.helped {
                sink.error("a region cannot help itself: helping and helped are both '\(pairing.helping)'",
                           at: pairing.location)
            }
            for town in pairing.towns {
                for (name, region) in [(town.helping, sides["helping"]), (town.helped, sides["helped"])] {
                    guard let region else { continue }
                    guard let unit = region.unit(named: name) else {
                        sink.error("unknown town '\(name)' in \(region.name)"
                                   + Suggestion.didYouMean(name, among: region.unitNames), at: town.location)
                        continue
                    }
                    if unit.kind != .town {
                        sink.error("'\(name)' is a \(unit.kind.rawValue), not a town; town pairs join towns",
                                   at: town.location)
                    }
                }
            }
        }
        PathRules.check(content, sink: sink)
        var standardIDs = Set<String>()
        for standard in content.standards where !standardIDs.insert(standard.id).inserted {
            sink.error("duplicate standard indicator id '\(standard.id)'", at: standard.location)
        }
    }

    /// Every name and other name of a unit must point to one unit only; group members must exist.
    private static func checkUnits(of region: Region, sink: DiagnosticSink) {
        var owners: [String: ResponsibleUnit] = [:]
        for unit in region.units {
            for name in Set([unit.name, unit.id.name] + unit.aliases) {
                if let other = owners[name], other.id != unit.id {
                    sink.error("duplicate unit name '\(name)': already used by '\(other.name)' at \(other.location)",
                               at: unit.location)
                } else {
                    owners[name] = unit
                }
            }
            if unit.kind != .group && !unit.members.isEmpty {
                sink.error("only a unit of kind 'group' has members; '\(unit.name)' is a \(unit.kind.rawValue)",
                           at: unit.location)
            }
            if unit.members.contains(where: { region.unit(named: $0)?.id == unit.id }) {
                sink.error("group '\(unit.name)' lists itself among its members; a group holds other units",
                           at: unit.location)
            }
            for member in unit.members where region.unit(named: member) == nil {
                sink.error("unknown member '\(member)' of group '\(unit.name)'"
                           + Suggestion.didYouMean(member, among: region.unitNames), at: unit.location)
            }
        }
    }
}
