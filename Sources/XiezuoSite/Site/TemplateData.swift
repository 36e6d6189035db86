import XiezuoMustache

/// Turns a page's view model into the values templates read (MustacheValue), once per page,
/// before rendering.
///
/// View models are `Encodable`: the compiler writes each one's field list, and this encoder
/// copies the fields into a MustacheObject without reflecting anything. A nil optional is
/// left out, which templates treat as "not there".

/// The UI strings (`{{t.key}}`), converted once per build rather than once per page.
final class TemplateStrings: Codable, Sendable, MustacheShaped {
    static let mustacheShape = MustacheShape.anyNames
    static let mustacheSample = TemplateStrings([:])

    let values: [String: String]
    let object: MustacheObject

    init(_ table: [String: String]) {
        values = table
        object = MustacheObject(table.mapValues(MustacheValue.text))
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    convenience init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: String].self))
    }
}

enum TemplateData {
    /// The template value of one Encodable value.
    ///
    /// The leaf types are told apart by comparing types, not by casting: a failed `as?` cast
    /// searches the conformance tables, and every struct in a view model would fail seven.
    static func encode<Value: Encodable>(_ value: Value) -> MustacheValue {
        let type = Value.self
        if type == String.self { return .text(value as! String) }
        if type == HTML.self { return .text((value as! HTML).text) }
        if type == Bool.self { return .flag(value as! Bool) }
        if type == Int.self { return .number(value as! Int) }
        if type == TemplateStrings.self { return .object((value as! TemplateStrings).object) }
        if type == [String: String].self { return .object(MustacheObject((value as! [String: String]).mapValues(MustacheValue.text))) }
        if type == [String].self { return .list((value as! [String]).map(MustacheValue.text)) }
        if type == Link.self { return (value as! Link).templateValue }
        if type == Field.self { return (value as! Field).templateValue }
        if type == PlanPage.LightCells.self { return (value as! PlanPage.LightCells).templateValue }
        if type == PlanPage.BoardRow.self { return (value as! PlanPage.BoardRow).templateValue }
        if type == AlertTable.Row.self { return (value as! AlertTable.Row).templateValue }
        if type == LineChart.Point.self { return (value as! LineChart.Point).templateValue }
        if type == TaskPage.ReportRow.self { return (value as! TaskPage.ReportRow).templateValue }
        if type == IndicatorPage.HistoryRow.self { return (value as! IndicatorPage.HistoryRow).templateValue }
        if type == Chrome.self { return (value as! Chrome).templateValue }
        if type == AlertTable.self { return (value as! AlertTable).templateValue }
        // A list of such values: each item made directly, not through the encoder's list.
        if let list = list(value, of: Link.self) ?? list(value, of: Field.self) ?? list(value, of: PlanPage.BoardRow.self)
            ?? list(value, of: AlertTable.Row.self) ?? list(value, of: LineChart.Point.self)
            ?? list(value, of: TaskPage.ReportRow.self) ?? list(value, of: IndicatorPage.HistoryRow.self) {
            return list
        }
        return throughEncoder(value)
    }

    /// `value`'s items' values when it is a list of `Item`, nil otherwise.
    @inline(__always)
    private static func list<Value, Item: DirectTemplateValue>(_ value: Value, of item: Item.Type) -> MustacheValue? {
        Value.self == [Item].self ? .list((value as! [Item]).map(\.templateValue)) : nil
    }

    /// The template value of `value` as its `encode(to:)` writes it, even for a type that makes
    /// its own (DirectTemplateValue): what that type's value is compared with in the tests.
    static func throughEncoder<Value: Encodable>(_ value: Value) -> MustacheValue {
        let encoder = ValueEncoder()
        // The encoder itself never throws, and view models encode with synthesized code.
        try? value.encode(to: encoder)
        return encoder.result
    }
}

/// A small view model that pages hold by the hundred (a link, a row of the lights board or of
/// the red and yellow tables, a point of a chart) and that makes its template value itself. Through the encoder each was a
/// keyed container, whose generic type the runtime looks up at every use (those look-ups were
/// 1.4 % of a 100-plan build's samples).
/// Its fields are named by its CodingKeys, as `encode(to:)` names them, and a nil optional is
/// left out, as the encoder leaves it out; the tests compare both ways for each such type.
protocol DirectTemplateValue: Encodable {
    var templateValue: MustacheValue { get }
}

extension Link: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case href, label, current }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.href.stringValue, .text(href)), (CodingKeys.label.stringValue, .text(label)),
                                        (CodingKeys.current.stringValue, .flag(current))]))
    }
}

extension Field: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case label, value, href }

    var templateValue: MustacheValue {
        var fields: [(name: String, value: MustacheValue)] = [(CodingKeys.label.stringValue, .text(label)),
                                                              (CodingKeys.value.stringValue, .text(value))]
        if let href { fields.append((CodingKeys.href.stringValue, .text(href))) }
        return .object(MustacheObject(fields: fields))
    }
}

extension PlanPage.LightCell: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case count, lit }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.count.stringValue, .number(count)), (CodingKeys.lit.stringValue, .flag(lit))]))
    }
}

extension PlanPage.LightCells: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case overdue, behind, deadlineNear, done, notReported }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.overdue.stringValue, overdue.templateValue),
                                        (CodingKeys.behind.stringValue, behind.templateValue),
                                        (CodingKeys.deadlineNear.stringValue, deadlineNear.templateValue),
                                        (CodingKeys.done.stringValue, done.templateValue),
                                        (CodingKeys.notReported.stringValue, notReported.templateValue)]))
    }
}

extension PlanPage.BoardRow: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case unit, badge, lights, completion, score, rank, change }

    var templateValue: MustacheValue {
        var fields: [(name: String, value: MustacheValue)] = [
            (CodingKeys.unit.stringValue, unit.templateValue), (CodingKeys.badge.stringValue, .text(badge.text)),
            (CodingKeys.lights.stringValue, lights.templateValue), (CodingKeys.completion.stringValue, .text(completion)),
        ]
        if let score { fields.append((CodingKeys.score.stringValue, .text(score))) }
        fields += [(CodingKeys.rank.stringValue, .text(rank)), (CodingKeys.change.stringValue, .text(change))]
        return .object(MustacheObject(fields: fields))
    }
}

extension AlertTable.Row: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case item, badge, units, target, actual, shortfall, deadline }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.item.stringValue, item.templateValue), (CodingKeys.badge.stringValue, .text(badge.text)),
                                        (CodingKeys.units.stringValue, .text(units)), (CodingKeys.target.stringValue, .text(target)),
                                        (CodingKeys.actual.stringValue, .text(actual)),
                                        (CodingKeys.shortfall.stringValue, .text(shortfall)),
                                        (CodingKeys.deadline.stringValue, .text(deadline))]))
    }
}

extension LineChart.Point: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case x, y, label, value }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.x.stringValue, .text(x)), (CodingKeys.y.stringValue, .text(y)),
                                        (CodingKeys.label.stringValue, .text(label)), (CodingKeys.value.stringValue, .text(value))]))
    }
}

extension TaskPage.ReportRow: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case date, unit, state, sample, evidence, noteLink }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.date.stringValue, .text(date)), (CodingKeys.unit.stringValue, .text(unit.text)),
                                        (CodingKeys.state.stringValue, .text(state)), (CodingKeys.sample.stringValue, .flag(sample)),
                                        (CodingKeys.evidence.stringValue, .text(evidence)),
                                        (CodingKeys.noteLink.stringValue, .text(noteLink))]))
    }
}

extension IndicatorPage.HistoryRow: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case month, value }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.month.stringValue, .text(month)), (CodingKeys.value.stringValue, .text(value))]))
    }
}

extension Chrome: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case lang, title, root, head, header, breadcrumbs, hasBreadcrumbs, sample, canonical }

    var templateValue: MustacheValue {
        var fields: [(name: String, value: MustacheValue)] = [
            (CodingKeys.lang.stringValue, .text(lang)), (CodingKeys.title.stringValue, .text(title)),
            (CodingKeys.root.stringValue, .text(root)), (CodingKeys.head.stringValue, .text(head.text)),
            (CodingKeys.header.stringValue, .text(header.text)),
            (CodingKeys.breadcrumbs.stringValue, .list(breadcrumbs.map { .text($0.text) })),
            (CodingKeys.hasBreadcrumbs.stringValue, .flag(hasBreadcrumbs)), (CodingKeys.sample.stringValue, .flag(sample)),
        ]
        if let canonical { fields.append((CodingKeys.canonical.stringValue, .text(canonical))) }
        return .object(MustacheObject(fields: fields))
    }
}

extension AlertTable: DirectTemplateValue {
    enum CodingKeys: String, CodingKey { case t, rows, withStatus, withUnits, isEmpty }

    var templateValue: MustacheValue {
        .object(MustacheObject(fields: [(CodingKeys.t.stringValue, .object(t.object)),
                                        (CodingKeys.rows.stringValue, .list(rows.map(\.templateValue))),
                                        (CodingKeys.withStatus.stringValue, .flag(withStatus)),
                                        (CodingKeys.withUnits.stringValue, .flag(withUnits)),
                                        (CodingKeys.isEmpty.stringValue, .flag(isEmpty))]))
    }
}

/// Receives one value: a keyed container (a struct), an unkeyed one (an array) or a single
/// value. Holds what the containers write itself: one object per value encoded, where a box
/// for the fields was a second.
private final class ValueEncoder: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    // Every stored property is used only by this encoder and its containers, one at a time, on
    // the thread encoding the value: the run-time exclusivity checks of each access were a
    // sixth of the encoding's time, and are left out.
    @exclusivity(unchecked) private var keyed = false
    @exclusivity(unchecked) private var unkeyed = false
    /// A struct's fields in the order written; room for a typical view model's, so that the
    /// list is not grown field by field (the tree lives only while its page is drawn).
    @exclusivity(unchecked) var fields: [(name: String, value: MustacheValue)] = []
    @exclusivity(unchecked) var items: [MustacheValue] = []
    /// Encoders left inside a container (by a nested container or a super encoder, which only
    /// hand-written `encode(to:)` asks for; synthesized code never does), holding their
    /// field's or item's place until the whole value is written.
    @exclusivity(unchecked) private var pendingFields: [(index: Int, encoder: ValueEncoder)] = []
    @exclusivity(unchecked) private var pendingItems: [(index: Int, encoder: ValueEncoder)] = []
    @exclusivity(unchecked) var single: MustacheValue?

    var result: MustacheValue {
        if keyed {
            var fields = fields
            for (index, encoder) in pendingFields { fields[index].value = encoder.result }
            return .object(MustacheObject(fields: fields))
        }
        if unkeyed {
            var items = items
            for (index, encoder) in pendingItems { items[index] = encoder.result }
            return .list(items)
        }
        return single ?? .object(MustacheObject([:]))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if !keyed {
            keyed = true
            fields.reserveCapacity(8)
        }
        return KeyedEncodingContainer(FieldContainer(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        unkeyed = true
        return ItemContainer(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }

    func childField(_ key: String) -> ValueEncoder {
        let encoder = ValueEncoder()
        pendingFields.append((fields.count, encoder))
        fields.append((key, .null))
        return encoder
    }

    func childItem() -> ValueEncoder {
        let encoder = ValueEncoder()
        pendingItems.append((items.count, encoder))
        items.append(.null)
        return encoder
    }
}

private struct FieldContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { encoder.fields.append((key.stringValue, TemplateData.encode(value))) }
    // Most fields are text, flags and counts: written directly, not through the generic path
    // and its comparisons of types.
    mutating func encode(_ value: String, forKey key: Key) { encoder.fields.append((key.stringValue, .text(value))) }
    mutating func encode(_ value: Bool, forKey key: Key) { encoder.fields.append((key.stringValue, .flag(value))) }
    mutating func encode(_ value: Int, forKey key: Key) { encoder.fields.append((key.stringValue, .number(value))) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        encoder.childField(key.stringValue).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        encoder.childField(key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { encoder.childField("super") }
    mutating func superEncoder(forKey key: Key) -> Encoder { encoder.childField(key.stringValue) }
}

private struct ItemContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }
    var count: Int { encoder.items.count }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { encoder.items.append(TemplateData.encode(value)) }
    mutating func encode(_ value: String) { encoder.items.append(.text(value)) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
        encoder.childItem().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { encoder.childItem().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { encoder.childItem() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { encoder.single = TemplateData.encode(value) }
}
