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
        // Found by scanning bytes: splitting the whole file into lines and joining them again
        // was a tenth of the load time on large sites.
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lines: [(start: Int, end: Int)] = []
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append((lineStart, index))
            lineStart = index + 1
        }
        lines.append((lineStart, bytes.count))
        func line(_ i: Int) -> Substring.UTF8View {
            let utf8 = text.utf8
            return utf8[utf8.index(utf8.startIndex, offsetBy: lines[i].start)..<utf8.index(utf8.startIndex, offsetBy: lines[i].end)]
        }
        func isDelimiter(_ i: Int, _ marks: [String]) -> Bool {
            marks.contains { Array(line(i)) == Array($0.utf8) }
        }
        guard String(Substring(line(0))).trimmed == "---" else { return .failure(.missingOpening) }
        guard let end = (1..<lines.count).first(where: { isDelimiter($0, ["---", "..."]) }) else {
            return .failure(.missingClosing)
        }
        let yamlStart = lines[0].end + 1
        let yamlEnd = end > 1 ? lines[end - 1].end : yamlStart
        let bodyStart = min(lines[end].end + 1, bytes.count)
        let yaml = String(decoding: bytes[yamlStart..<max(yamlStart, yamlEnd)], as: UTF8.self)
        let body = String(decoding: bytes[bodyStart...], as: UTF8.self)
        return .success(FrontMatterDocument(yaml: yaml, yamlFirstLine: 2, body: body))
    }
}
