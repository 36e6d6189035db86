/// Every message's wording, in each language, by key: `MessageCatalogue+Chinese.swift` and
/// `MessageCatalogue+English.swift` hold one entry per `MessageKey` each, with the same `{names}`
/// (a test compares them key by key).
public enum MessageCatalogue {
    public static func entries(for language: Language) -> [MessageKey: String] {
        switch language {
        case .chinese: return chinese
        case .english: return english
        }
    }

    /// The placeholders `{name}` of `template`, in order.
    public static func placeholders(of template: String) -> [String] {
        pieces(of: template).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    enum Piece: Equatable { case literal(Substring), placeholder(String) }

    /// `template` cut at its placeholders: `{` a name of letters `}`. Other braces, such as
    /// `{plan.md,tasks.yaml}` in a list of files, are text.
    static func pieces(of template: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(template)
        var literalStart = rest.startIndex
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) {
                pieces.append(.literal(template[literalStart..<open]))
                pieces.append(.placeholder(String(name)))
                literalStart = rest.index(after: close)
            }
            rest = rest[rest.index(after: open)...]
        }
        pieces.append(.literal(template[literalStart...]))
        return pieces
    }

    static func format(_ message: Message, in language: Language) -> String {
        // A key without wording is a mistake in the program, caught by the catalogue's test;
        // the key itself stands in rather than losing the message.
        guard let template = entries(for: language)[message.key] else { return message.key.rawValue }
        return pieces(of: template).map { piece in
            switch piece {
            case .literal(let text): return String(text)
            case .placeholder(let name): return message.arguments[name].map { render($0, in: language) } ?? "{\(name)}"
            }
        }.joined()
    }

    private static func render(_ argument: Message.Argument, in language: Language) -> String {
        switch argument {
        case .text(let text): return text
        case .message(let message): return message.text(in: language)
        case .optional(let message): return message?.text(in: language) ?? ""
        case .quoted(let names):
            switch language {
            case .chinese: return names.map { "“\($0)”" }.joined(separator: "、")
            case .english: return names.map { "'\($0)'" }.joined(separator: ", ")
            }
        }
    }
}
