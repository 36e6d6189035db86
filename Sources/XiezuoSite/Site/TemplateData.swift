import Mustache

/// Turns a page's view model into the nested objects (TemplateObject) and arrays swift-mustache
/// looks names up in, once per page, before rendering.
///
/// swift-mustache reads any other value by reflection, and a name not on the current object
/// climbs the context stack, reflecting every object on the way. Reflection (`Mirror`) costs
/// microseconds per object; a page holds hundreds. View models are `Encodable` instead: the
/// compiler writes each one's field list, and this encoder copies the fields into an object
/// without reflecting anything. A nil optional is left out, which templates treat
/// as "not there".
/// A string as templates read it. swift-mustache renders a value by trying it against each of
/// its protocols; a `MustacheCustomRenderable` is recognised after fewer of those dynamic casts
/// than a plain String (20 % less time per `{{name}}`, measured), and escaped all the same.
struct TemplateText: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }
}

/// A view model's fields as templates look names up in them. A final class rather than a
/// `[String: Any]`: swift-mustache asks each object on its context stack, for every name,
/// whether it is a MustacheCustomRepresentation and a MustacheParent; for a dictionary that is
/// a conditional conformance the runtime works out through the generic type's metadata, for a
/// final class one lookup of a cached answer.
final class TemplateObject: MustacheParent, @unchecked Sendable {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}

/// The UI strings (`{{t.key}}`), converted once per build rather than once per page.
final class TemplateStrings: Encodable, Sendable {
    let values: [String: TemplateText]
    let object: TemplateObject

    init(_ table: [String: String]) {
        values = table.mapValues(TemplateText.init)
        object = TemplateObject(values)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values.mapValues(\.renderText))
    }
}

enum TemplateData {
    static func convert<Model: Encodable>(_ model: Model) -> Any {
        encode(model)
    }

    /// The template value of one Encodable value: String, Bool, Int, [String: String],
    /// [Any] or [String: Any].
    ///
    /// The leaf types are told apart by comparing types, not by casting: a failed `as?` cast
    /// searches the conformance tables, and every struct in a view model would fail seven.
    static func encode<Value: Encodable>(_ value: Value) -> Any {
        let type = Value.self
        if type == String.self { return TemplateText(renderText: value as! String) }
        if type == HTML.self { return TemplateText(renderText: (value as! HTML).text) }
        if type == Bool.self || type == Int.self { return value }
        if type == TemplateStrings.self { return (value as! TemplateStrings).object }
        if type == [String: String].self { return TemplateObject((value as! [String: String]).mapValues(TemplateText.init)) }
        if type == [String].self { return (value as! [String]).map(TemplateText.init) }
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
    var single: Any?

    var result: Any { fields?.resolved ?? items?.resolved ?? single ?? TemplateObject([:]) }

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

/// Resolves an encoder left inside a container (by a nested container or a super encoder,
/// which only hand-written `encode(to:)` asks for; synthesized code never does) once the
/// whole value is written.
private func resolve(_ value: Any) -> Any { (value as? ValueEncoder)?.result ?? value }

private final class FieldBox {
    var values: [String: Any] = [:]
    var hasNested = false
    var resolved: Any { TemplateObject(hasNested ? values.mapValues(resolve) : values) }

    func child(_ key: String) -> ValueEncoder {
        let encoder = ValueEncoder()
        values[key] = encoder
        hasNested = true
        return encoder
    }
}

private final class ItemBox {
    var values: [Any] = []
    var hasNested = false
    var resolved: Any { hasNested ? values.map(resolve) : values }

    func child() -> ValueEncoder {
        let encoder = ValueEncoder()
        values.append(encoder)
        hasNested = true
        return encoder
    }
}

private struct FieldContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: FieldBox
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { box.values[key.stringValue] = TemplateData.encode(value) }

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
