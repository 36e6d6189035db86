/// Reads a type's shape by decoding one value of it from nothing: every field asked for is
/// there (as an empty text, 0, false), every optional is present, and every list has one item,
/// so that the decoding visits each field and each list's items once.
final class ShapeDecoder: Decoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private var fields: [String: MustacheShape]?
    /// Fields decoded through a nested container, read once the decoding is done.
    private var nested: [String: ShapeDecoder] = [:]
    private var item: MustacheShape?
    private var isList = false

    var shape: MustacheShape {
        if let fields { return .object(fields.merging(nested.mapValues(\.shape)) { _, nested in nested }) }
        if isList { return .list(item ?? .value) }
        return .value
    }

    /// A value of `type` and its shape.
    static func sample<Model: Decodable>(_ type: Model.Type) throws -> (shape: MustacheShape, value: Model) {
        if let shaped = type as? MustacheShaped.Type {
            return (shaped.mustacheShape, shaped.mustacheSample as! Model)
        }
        let decoder = ShapeDecoder()
        let value = try Model(from: decoder)
        return (decoder.shape, value)
    }

    func record(_ shape: MustacheShape, for key: String) { fields?[key] = shape }

    /// A decoder for a field's nested container.
    func nestedDecoder(for key: String) -> ShapeDecoder {
        let decoder = ShapeDecoder()
        nested[key] = decoder
        return decoder
    }

    func recordItem(_ shape: MustacheShape) { item = shape }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        if fields == nil { fields = [:] }
        return KeyedDecodingContainer(FieldRecorder<Key>(decoder: self))
    }

    func unkeyedContainer() -> UnkeyedDecodingContainer {
        isList = true
        return ItemRecorder(decoder: self)
    }

    func singleValueContainer() -> SingleValueDecodingContainer { ValueRecorder() }
}

/// Empty values of the types decoders know by name.
private enum Empty {
    static func value<Model: Decodable>(_ type: Model.Type) throws -> (shape: MustacheShape, value: Model) {
        switch type {
        case is String.Type: return (.value, "" as! Model)
        case is Bool.Type: return (.value, false as! Model)
        case is Int.Type: return (.value, 0 as! Model)
        case is Double.Type: return (.value, 0.0 as! Model)
        default: return try ShapeDecoder.sample(type)
        }
    }
}

private struct FieldRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ShapeDecoder
    var codingPath: [CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (shape, value) = try Empty.value(type)
        decoder.record(shape, for: key.stringValue)
        return value
    }

    func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedDecodingContainer<Nested> {
        decoder.nestedDecoder(for: key.stringValue).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedDecodingContainer {
        decoder.nestedDecoder(for: key.stringValue).unkeyedContainer()
    }

    func superDecoder() -> Decoder { ShapeDecoder() }
    func superDecoder(forKey key: Key) -> Decoder { ShapeDecoder() }
}

/// A list of one item.
private struct ItemRecorder: UnkeyedDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (shape, value) = try Empty.value(type)
        decoder.recordItem(shape)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedDecodingContainer<Nested> {
        currentIndex += 1
        return ShapeDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedDecodingContainer {
        currentIndex += 1
        return ShapeDecoder().unkeyedContainer()
    }

    mutating func superDecoder() -> Decoder { ShapeDecoder() }
}

/// One value: a leaf, unless it is a type of its own (decoded with a decoder of its own).
private struct ValueRecorder: SingleValueDecodingContainer {
    var codingPath: [CodingKey] { [] }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Empty.value(type).value }
}
