/// What a template may name in the data a page kind draws: the fields of each object, the
/// items of each list. Checked against every name in the templates when they load, so that a
/// misspelt `{{nmae}}` in a user's template is an error at its line and column, not a blank.
public indirect enum MustacheShape: Sendable, Equatable {
    /// Text, a number or a flag: drawn, or tested by a section; it has no names inside.
    case value
    case object([String: MustacheShape])
    case list(MustacheShape)
    /// A table whose keys are data (UI strings by key): any name is allowed in it.
    case anyNames

    /// The shape of a Decodable type, read from its `init(from:)` (see ShapeDecoder): the
    /// compiler writes a view model's decoding from the same field list as its encoding, so
    /// the shape is the shape of what the model encodes. Throws when a type cannot be
    /// decoded from empty values (give such a type MustacheShaped).
    public static func of<Model: Decodable>(_ type: Model.Type) throws -> MustacheShape {
        try ShapeDecoder.sample(type).shape
    }
}

/// A type that says its shape itself, with a value to stand for it while a shape is read:
/// one decoded by hand, or one whose keys are data.
public protocol MustacheShaped {
    static var mustacheShape: MustacheShape { get }
    static var mustacheSample: Self { get }
}

/// A table keyed by data (`[String: String]`): any name is allowed in it.
extension Dictionary: MustacheShaped where Key == String {
    public static var mustacheShape: MustacheShape { .anyNames }
    public static var mustacheSample: Self { [:] }
}
