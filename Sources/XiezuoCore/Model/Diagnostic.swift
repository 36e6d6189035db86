/// Where something was written: a path relative to the site folder, and a 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    /// As a compiler says it, so that editors and CI logs still find the lines.
    public func word(in language: Language) -> String {
        switch (self, language) {
        case (.error, .chinese): return "错误"
        case (.warning, .chinese): return "警告"
        case (.error, .english): return "error"
        case (.warning, .english): return "warning"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// One problem found in the content, printed as `path:line:column: error: message`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where a problem stands among the others: a file that could not be read is the root cause
    /// of whatever would follow from it, so it is listed first.
    public enum Cause: Int, Sendable, Codable, Comparable {
        /// The file could not be read (syntax, encoding, size, front matter).
        case unreadFile
        /// How many errors that follow from an unread file were held back.
        case heldBack
        case content

        public static func < (lhs: Cause, rhs: Cause) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: Message
    public let cause: Cause

    public init(_ severity: Severity, at location: SourceLocation, _ message: Message, cause: Cause = .content) {
        self.severity = severity
        self.location = location
        self.message = message
        self.cause = cause
    }

    /// `path:line:column: 错误：message`, or `path:line:column: error: message` in English.
    public func line(in language: Language) -> String {
        Self.line(at: location.description, severity, message, in: language)
    }

    /// The one form of a problem's line, `place: 错误：message` or `place: error: message`,
    /// for a place written `path:line:column` or, in a table, `file:row`.
    public static func line(at place: String, _ severity: Severity, _ message: Message, in language: Language) -> String {
        switch language {
        case .chinese: return "\(place): \(severity.word(in: language))：\(message.text(in: language))"
        case .english: return "\(place): \(severity.word(in: language)): \(message.text(in: language))"
        }
    }

    /// The English line, for logs and the code's own tests; users see `line(in:)`.
    public var description: String { line(in: .english) }

    /// The order every list of problems is shown in: root causes first, then by file, line and
    /// column, so that output is stable and reads top to bottom.
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.cause, $0.location, $0.message.description) < ($1.cause, $1.location, $1.message.description)
        }
    }
}

/// Collects every problem of a run, so the author sees all of them at once rather than
/// fixing one error per run.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:], at location: SourceLocation) {
        error(Message(key, arguments), at: location)
    }

    public func error(_ message: Message, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    /// A file that could not be read: the root cause of what follows from it.
    public func unreadFile(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:], at location: SourceLocation) {
        unreadFile(Message(key, arguments), at: location)
    }

    public func unreadFile(_ message: Message, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, at: location, message, cause: .unreadFile))
    }

    public func warning(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:], at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, at: location, Message(key, arguments)))
    }

    public func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// In the order they are shown (Diagnostic.ordered).
    public var sorted: [Diagnostic] { Diagnostic.ordered(diagnostics) }
}
