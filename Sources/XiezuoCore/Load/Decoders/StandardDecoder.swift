/// Decodes `content/standards.yaml`: indicators shared by many pairings, for comparison.
enum StandardDecoder {
    static func decode(_ file: ParsedFile) -> [StandardIndicator] {
        guard let reader = file.context.reader(file.root, known: ["standards", "note"], what: Message(.whatStandardsFile)) else {
            return []
        }
        defer { reader.finish() }
        _ = reader.string("note")
        return reader.list("standards").compactMap { node in
            guard let item = reader.nested(node, known: ["id", "name", "unit"], what: Message(.whatStandard)) else {
                return nil
            }
            defer { item.finish() }
            let id = item.string("id", required: true)
            let name = item.string("name", required: true)
            let symbol = item.string("unit", required: true)
            let unit = symbol.flatMap(MeasureUnit.named)
            if let symbol, unit == nil {
                item.sink.error(.unknownStandardUnit, ["unit": .text(symbol),
                                                      "suggestion": Suggestion.didYouMean(symbol, among: MeasureUnit.known.map(\.symbol))],
                                at: item.location(ofKey: "unit"))
            }
            guard let id, let name, let unit else { return nil }
            return StandardIndicator(id: id, name: name, unit: unit, location: item.location)
        }
    }
}
