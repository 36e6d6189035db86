
/// Decodes `content/pairings/<id>.md`: the two sides, the kind, town pairs, and a narrative.
enum PairingDecoder {
    static let fields = ["kind", "helping", "helped", "since", "status", "towns", "note"]
    static let kinds: [(String, Pairing.Kind)] = Pairing.Kind.allCases.map { ($0.rawValue, $0) }

    static func decode(_ file: ParsedFile, id: String) -> Pairing? {
        guard let reader = file.context.reader(file.root, known: fields, what: Message(.whatPairingFrontMatter)) else {
            return nil
        }
        defer { reader.finish() }
        _ = reader.string("note")
        let kind = reader.choice("kind", kinds, required: true)
        let helping = reader.string("helping", required: true)
        let helped = reader.string("helped", required: true)
        let since = reader.integer("since")
        let status = reader.string("status")
        let towns = reader.list("towns").compactMap { node -> Pairing.TownPair? in
            guard let town = reader.nested(node, known: ["helping", "helped"], what: Message(.whatTownPair)) else { return nil }
            defer { town.finish() }
            guard let a = town.string("helping", required: true), let b = town.string("helped", required: true) else {
                return nil
            }
            return Pairing.TownPair(helping: a, helped: b, location: town.location)
        }
        guard let kind, let helping, let helped else { return nil }
        return Pairing(id: id, kind: kind, helping: helping, helped: helped, since: since, status: status,
                       towns: towns, narrative: file.body, location: reader.location)
    }
}
