import Foundation

/// A content file's text, made safe to parse: UTF-8 checked, BOM removed, line ends unified.
struct SourceText {
    let path: String
    let text: String

    /// Content files are small; anything above this is a mistake (an export, a video) and
    /// is refused before it is read into memory.
    static let sizeLimit = 4 * 1024 * 1024

    enum Problem: Error {
        case binary
        case notUTF8
    }

    static func decode(_ data: Data, path: String) -> Result<SourceText, Problem> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) { return .failure(.binary) }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        // CRLF and lone CR become LF so that line numbers match what editors show.
        let unified = bytes.contains(0x0D)
            ? decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : decoded
        return .success(SourceText(path: path, text: unified))
    }
}

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterDocument {
    let yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    let yamlFirstLine: Int
    let body: String

    enum Problem: Error {
        case missingOpening
        case missingClosing
    }

    static func split(_ text: String) -> Result<FrontMatterDocument, Problem> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return .failure(.missingOpening)
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            return .failure(.missingClosing)
        }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return .success(FrontMatterDocument(yaml: yaml, yamlFirstLine: 2, body: body))
    }
}
