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
    private enum Storage {
        /// A view model's fields in the order written, found by comparing names from the
        /// last: a struct has a handful, and most names are short enough to compare as two
        /// machine words, where a dictionary hashed every name to build and to look up.
        case fields([(name: String, value: MustacheValue)])
        /// Many names that are data (UI strings by key), found by hashing.
        case table([String: MustacheValue])
    }

    private let storage: Storage

    /// A table keyed by data.
    public init(_ table: [String: MustacheValue]) { storage = .table(table) }

    /// Fields in the order written; a name written twice has its last value.
    public init(fields: [(name: String, value: MustacheValue)]) { storage = .fields(fields) }

    @inline(__always)
    subscript(name: String) -> MustacheValue? {
        switch storage {
        case .fields(let fields):
            var index = fields.endIndex
            while index > fields.startIndex {
                index -= 1
                if fields[index].name == name { return fields[index].value }
            }
            return nil
        case .table(let table):
            return table[name]
        }
    }

    /// Every name with its value, as a table (for tests and tools; drawing looks names up).
    public var fields: [String: MustacheValue] {
        switch storage {
        case .fields(let fields): Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        case .table(let table): table
        }
    }
}
