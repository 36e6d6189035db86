/// A value as a template sees it. An enum, not `Any`: the renderer tells a list from a flag by
/// a switch, never by trying casts against protocols.
public enum MustacheValue: Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case object(MustacheObject)
    case list([MustacheValue])
    /// A value that is there but empty (JSON's null): falsey, and it hides the same name in the
    /// contexts around it. View models never make one: a nil optional is left out.
    case null
}

/// Named values: a view model's fields, a table of strings.
public final class MustacheObject: Sendable {
    public let fields: [String: MustacheValue]

    public init(_ fields: [String: MustacheValue]) { self.fields = fields }

    @inline(__always)
    subscript(name: String) -> MustacheValue? { fields[name] }
}
