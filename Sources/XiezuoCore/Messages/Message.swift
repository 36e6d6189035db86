import Foundation

/// Something xiezuo says to its user, kept apart from its wording: a key of the catalogue and
/// the values it names. The words come from `MessageCatalogue` when it is shown, in the
/// language asked for, so that the engine never decides the language and one problem reads the
/// same, position and advice, in Chinese and in English.
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    public let key: MessageKey
    public let arguments: [String: Argument]

    public init(_ key: MessageKey, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// A value put into a message's text at `{name}`.
    public indirect enum Argument: Hashable, Sendable, Codable, ExpressibleByStringInterpolation {
        /// Verbatim: what the user wrote, a number, a path.
        case text(String)
        /// Worded in the same language as the message around it.
        case message(Message)
        /// Names, each quoted and joined as the language does (“甲”、“乙” or 'a', 'b').
        case quoted([String])
        /// Worded, or nothing at all (an optional clause such as "did you mean").
        case optional(Message?)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
    }

    public func text(in language: Language) -> String {
        MessageCatalogue.format(self, in: language)
    }

    /// English: the form the code's own tests and logs read.
    public var description: String { text(in: .english) }
}

extension Message {
    /// A field named as the subject of a message: “reporting” or 'reporting'.
    public static func field(_ name: String) -> Message { Message(.whatField, ["field": .text(name)]) }
}

extension Message {
    /// The system's own words for an errno (strerror), which have no translation here.
    public static func system(_ code: Int32) -> Message {
        Message(.systemReason, ["reason": .text(String(cString: strerror(code)))])
    }
}

/// An error that says what went wrong as a message of the catalogue, so that the command line
/// shows it in the user's language.
public protocol MessageError: Error, CustomStringConvertible {
    var message: Message { get }
}

extension MessageError {
    public var description: String { message.description }
}
