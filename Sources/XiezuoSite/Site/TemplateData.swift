/// Turns a page's view model into the nested dictionaries and arrays swift-mustache looks
/// names up in, once per page, before rendering.
///
/// swift-mustache reads any other value by reflection, and a name not on the current object
/// climbs the context stack, reflecting every object on the way. Reflection (`Mirror`) costs
/// microseconds per object; a page holds hundreds. View models are `Encodable` instead: the
/// compiler writes each one's field list, and this encoder copies the fields into a
/// dictionary without reflecting anything. A nil optional is left out, which templates treat
/// as "not there".
enum TemplateData {
    static func convert<Model: Encodable>(_ model: Model) -> [String: Any] {
        (encode(model) as? [String: Any]) ?? [:]
    }

    /// The template value of one Encodable value: String, Bool, Int, [String: String],
    /// [Any] or [String: Any].
    static func encode<Value: Encodable>(_ value: Value) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let table as [String: String]: return table
        case let strings as [String]: return strings
        default:
            let encoder = ValueEncoder()
            // The encoder itself never throws, and view models encode with synthesized code.
            try? value.encode(to: encoder)
            return encoder.result
        }
    }
}

/// Receives one value: a keyed container (a struct), an unkeyed one (an array) or a single value.
private final class ValueEncoder: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var fields: FieldBox?
    var items: ItemBox?
    var single: Any?

    var result: Any { fields?.resolved ?? items?.resolved ?? single ?? [String: Any]() }

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

/// A container's values so far. Nested containers (only hand-written `encode(to:)` asks for
/// them; synthesized code never does) stay boxes until the value is read.
private protocol Box: AnyObject { var resolved: Any { get } }

private func resolve(_ value: Any) -> Any { (value as? Box)?.resolved ?? value }

private final class FieldBox: Box {
    var values: [String: Any] = [:]
    var hasNested = false
    var resolved: Any { hasNested ? values.mapValues(resolve) : values }
}

private final class ItemBox: Box {
    var values: [Any] = []
    var hasNested = false
    var resolved: Any { hasNested ? values.map(resolve) : values }
}

private struct FieldContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: FieldBox
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { box.values[key.stringValue] = TemplateData.encode(value) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        let nested = FieldBox()
        box.values[key.stringValue] = nested
        box.hasNested = true
        return KeyedEncodingContainer(FieldContainer<Nested>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = ItemBox()
        box.values[key.stringValue] = nested
        box.hasNested = true
        return ItemContainer(box: nested)
    }

    mutating func superEncoder() -> Encoder { ValueEncoder() }
    mutating func superEncoder(forKey key: Key) -> Encoder { ValueEncoder() }
}

private struct ItemContainer: UnkeyedEncodingContainer {
    let box: ItemBox
    var codingPath: [CodingKey] { [] }
    var count: Int { box.values.count }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { box.values.append(TemplateData.encode(value)) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
        let nested = FieldBox()
        box.values.append(nested)
        box.hasNested = true
        return KeyedEncodingContainer(FieldContainer<Nested>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = ItemBox()
        box.values.append(nested)
        box.hasNested = true
        return ItemContainer(box: nested)
    }

    mutating func superEncoder() -> Encoder { ValueEncoder() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { encoder.single = TemplateData.encode(value) }
}
