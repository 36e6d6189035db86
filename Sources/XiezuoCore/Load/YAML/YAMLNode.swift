/// A YAML value as content files use it: text, a list or a mapping, and where it starts.
///
/// Every scalar stays text (what a value means, number, date or yes/no, is the field readers'
/// decision), and tags and anchors are not kept. A class: readers pass nodes around by
/// reference, never copying a subtree.
public final class YAMLNode: Sendable {
    public enum Content: Sendable {
        /// `plain`: written without quotes (only a plain `~` or `null` is empty).
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public let content: Content
    public let mark: YAMLMark

    init(_ content: Content, at mark: YAMLMark) {
        self.content = content
        self.mark = mark
    }

    /// The text of a scalar; nil for a list or a mapping.
    public var string: String? { if case .scalar(let text, _) = content { text } else { nil } }

    public var isPlainScalar: Bool { if case .scalar(_, true) = content { true } else { false } }

    public var sequence: [YAMLNode]? { if case .sequence(let items) = content { items } else { nil } }

    public var mapping: [YAMLPair]? { if case .mapping(let pairs) = content { pairs } else { nil } }

    /// The value of the first pair whose key is the text `key`.
    public subscript(key: String) -> YAMLNode? { mapping?.first { $0.key.string == key }?.value }
}

public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode
}

/// Where a node starts: line and column from 1, columns in Unicode scalars as libyaml counts them.
public struct YAMLMark: Sendable, Equatable {
    public let line: Int
    public let column: Int
}
