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
        var copy = text
        return copy.withUTF8 { bounds(in: $0) }.map { bounds in
            // The parts are cut from the text itself at line ends (ASCII bytes, so on character
            // boundaries): already valid UTF-8, they are copied, not decoded again.
            let utf8 = text.utf8
            func part(_ range: Range<Int>) -> String {
                String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
            }
            return FrontMatterDocument(yaml: part(bounds.yaml), yamlFirstLine: 2, body: part(bounds.body), bodyFirstLine: bounds.bodyFirstLine)
        }
    }

    /// Where the YAML and the body are, as byte offsets.
    private struct Bounds {
        let yaml: Range<Int>
        let body: Range<Int>
        let bodyFirstLine: Int
    }

    /// Lines are looked at one by one up to the closing `---`, in place: the body is never
    /// split into lines, and the YAML's last line end is left out as bytes (a String's
    /// `dropLast` walks the whole text).
    private static func bounds(in bytes: UnsafeBufferPointer<UInt8>) -> Result<Bounds, Problem> {
        let newline = UInt8(ascii: "\n")
        func lineEnd(from start: Int) -> Int { bytes[start...].firstIndex(of: newline) ?? bytes.count }
        let firstEnd = lineEnd(from: 0)
        guard String(decoding: bytes[0..<firstEnd], as: UTF8.self).trimmed == "---" else { return .failure(.missingOpening) }
        var line = 1, start = firstEnd + 1
        while start <= bytes.count {
            let end = lineEnd(from: start)
            if end - start == 3, bytes[start..<end].elementsEqual("---".utf8) || bytes[start..<end].elementsEqual("...".utf8) {
                // The YAML is the lines between; its last line end goes, unless it ends a CRLF
                // (one Character "\r\n", which a String's "\n" suffix never matched).
                let yamlStart = firstEnd + 1
                var yamlEnd = start
                if yamlEnd > yamlStart, bytes[yamlEnd - 1] == newline,
                   yamlEnd - 1 == yamlStart || bytes[yamlEnd - 2] != UInt8(ascii: "\r") {
                    yamlEnd -= 1
                }
                return .success(Bounds(yaml: yamlStart..<yamlEnd, body: min(end + 1, bytes.count)..<bytes.count, bodyFirstLine: line + 2))
            }
            line += 1
            start = end + 1
        }
        return .failure(.missingClosing)
    }
}
