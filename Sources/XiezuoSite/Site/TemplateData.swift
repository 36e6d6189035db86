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
        let encoder = ValueEncoder()
        // The encoder itself never throws, and view models encode with synthesized code.
        try? value.encode(to: encoder)
        return encoder.result
    }
}

/// Receives one value: a keyed container (a struct), an unkeyed one (an array) or a single value.
private final class ValueEncoder: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var fields: FieldBox?
    var items: ItemBox?
    var single: MustacheValue?

    var result: MustacheValue { fields?.resolved ?? items?.resolved ?? single ?? .object(MustacheObject([:])) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = fields ?? FieldBox()
        fields = box
        return KeyedEncodingContainer(FieldContainer(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box = items ?? ItemBox()
        items = box
        return ItemContainer(box: box)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }
}

/// A struct's fields. An encoder left inside a container (by a nested container or a super
/// encoder, which only hand-written `encode(to:)` asks for; synthesized code never does) holds
/// its field's place until the whole value is written, as in ItemBox.
private final class FieldBox {
    var values: [(name: String, value: MustacheValue)] = []
    var pending: [(index: Int, encoder: ValueEncoder)] = []
    var resolved: MustacheValue {
        var fields = values
        for (index, encoder) in pending { fields[index].value = encoder.result }
        return .object(MustacheObject(fields: fields))
    }

    func child(_ key: String) -> ValueEncoder {
        let encoder = ValueEncoder()
        pending.append((values.count, encoder))
        values.append((key, .null))
        return encoder
    }
}

/// An array's items; pending encoders as in FieldBox, by their place.
private final class ItemBox {
    var values: [MustacheValue] = []
    var pending: [(index: Int, encoder: ValueEncoder)] = []
    var resolved: MustacheValue {
        var items = values
        for (index, encoder) in pending { items[index] = encoder.result }
        return .list(items)
    }

    func child() -> ValueEncoder {
        let encoder = ValueEncoder()
        pending.append((values.count, encoder))
        values.append(.null)
        return encoder
    }
}

private struct FieldContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: FieldBox
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { box.values.append((key.stringValue, TemplateData.encode(value))) }
    // Most fields are text, flags and counts: written directly, not through the generic path
    // and its comparisons of types.
    mutating func encode(_ value: String, forKey key: Key) { box.values.append((key.stringValue, .text(value))) }
    mutating func encode(_ value: Bool, forKey key: Key) { box.values.append((key.stringValue, .flag(value))) }
    mutating func encode(_ value: Int, forKey key: Key) { box.values.append((key.stringValue, .number(value))) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        box.child(key.stringValue).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        box.child(key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { box.child("super") }
    mutating func superEncoder(forKey key: Key) -> Encoder { box.child(key.stringValue) }
}

private struct ItemContainer: UnkeyedEncodingContainer {
    let box: ItemBox
    var codingPath: [CodingKey] { [] }
    var count: Int { box.values.count }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { box.values.append(TemplateData.encode(value)) }
    mutating func encode(_ value: String) { box.values.append(.text(value)) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
        box.child().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { box.child().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { box.child() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { encoder.single = TemplateData.encode(value) }
}
