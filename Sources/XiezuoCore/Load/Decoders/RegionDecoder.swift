/// Decodes `content/regions/<id>.yaml`: a region and its units.
enum RegionDecoder {
    static let fields = ["name", "parent", "units", "note"]
    static let unitFields = ["name", "id", "kind", "aliases", "members", "note"]
    static let kinds: [(String, ResponsibleUnit.Kind)] = ResponsibleUnit.Kind.allCases.map { ($0.rawValue, $0) }

    static func decode(_ file: ParsedFile, id: String) -> Region? {
        guard let reader = file.context.reader(file.root, known: fields, what: Message(.whatRegionFile)) else { return nil }
        defer { reader.finish() }
        _ = reader.string("note")
        let name = reader.string("name", required: true)
        let parent = reader.string("parent")
        let units = reader.list("units").compactMap { decodeUnit($0, region: id, in: reader) }
        if !reader.has("units") { reader.missing("units", hint: Message(.hintUnits)) }
        guard let name else { return nil }
        return Region(id: id, name: name, parent: parent, units: units, location: reader.location)
    }

    private static func decodeUnit(_ node: YAMLNode, region: String, in parent: FieldReader) -> ResponsibleUnit? {
        guard let reader = parent.nested(node, known: unitFields, what: Message(.whatUnit)) else { return nil }
        defer { reader.finish() }
        let name = reader.string("name", required: true)
        let id = reader.string("id")
        let kind = reader.choice("kind", kinds, required: true)
        let aliases = reader.strings("aliases").map(\.0)
        let members = reader.strings("members").map(\.0)
        let note = reader.string("note")
        guard let name, let kind else { return nil }
        return ResponsibleUnit(id: UnitID(region: region, name: id ?? name), name: name, kind: kind, aliases: aliases,
                    members: members, note: note, location: reader.location)
    }
}

