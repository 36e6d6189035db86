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
        if contains(bytes, 0) { return .failure(.binary) }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        // CRLF and lone CR become LF so that line numbers match what editors show.
        let unified = contains(bytes, 0x0D)
            ? decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : decoded
        return .success(SourceText(path: path, text: unified))
    }

    /// Whether `byte` occurs in `data`, searched with memchr: iterating Data byte by byte was
    /// a measurable share of loading a large site.
    private static func contains(_ data: Data, _ byte: UInt8) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterDocument {
    let yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    let yamlFirstLine: Int
    let body: String
    /// Line of the file on which the body starts (the line after the closing `---`).
    let bodyFirstLine: Int

    enum Problem: Error {
        case missingOpening
        case missingClosing
    }

    static func split(_ text: String) -> Result<FrontMatterDocument, Problem> {
        // Found by scanning bytes: splitting the whole file into lines and joining them again
        // was a tenth of the load time on large sites.
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        let dashes = Array("---".utf8), dots = Array("...".utf8)
        guard String(decoding: bytes[lines[0]], as: UTF8.self).trimmed == "---" else { return .failure(.missingOpening) }
        guard let end = lines.indices.dropFirst().first(where: { Array(bytes[lines[$0]]) == dashes || Array(bytes[lines[$0]]) == dots })
        else { return .failure(.missingClosing) }
        let yaml = String(decoding: bytes[lines[0].upperBound..<lines[end].lowerBound].dropFirst(), as: UTF8.self)
        let body = String(decoding: bytes[min(lines[end].upperBound + 1, bytes.count)...], as: UTF8.self)
        return .success(FrontMatterDocument(yaml: yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml,
                                            yamlFirstLine: 2, body: body, bodyFirstLine: end + 2))
    }
}
