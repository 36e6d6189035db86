import XiezuoMustache

/// A value's payload by kind, for expectations: nil when the value is of another kind.
extension MustacheValue {
    var text: String? { if case .text(let value) = self { value } else { nil } }
    var number: Int? { if case .number(let value) = self { value } else { nil } }
    var flag: Bool? { if case .flag(let value) = self { value } else { nil } }
    var object: MustacheObject? { if case .object(let value) = self { value } else { nil } }
    var list: [MustacheValue]? { if case .list(let value) = self { value } else { nil } }
}
