import Foundation

/// CSV that Excel opens correctly: UTF-8 with a byte order mark (without it Excel reads
/// Chinese as GBK), CRLF line ends, fields quoted when they hold a comma, quote or line end.
///
/// Columns named in `text` hold codes (task numbers such as 1-2 or 2-1-1) that Excel would
/// otherwise turn into dates or numbers; there a code that looks like one is written as the
/// formula `="1-2"`, which Excel and WPS show as the text 1-2.
public enum CSV {
    public static func make(header: [String], rows: [[String]], text: Set<Int> = []) -> Data {
        Data("\u{FEFF}".utf8) + lines([header], text: []) + lines(rows, text: text)
    }

    /// Rows as CSV lines, without the byte order mark: a part of a file others are joined to.
    public static func lines(_ rows: [[String]], text: Set<Int> = []) -> Data {
        var out = ""
        for row in rows {
            out += row.enumerated().map { text.contains($0.offset) ? textField($0.element) : field($0.element) }
                .joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }

    /// A code kept as text: digits with - / . : between them (1-2, 2-1-1, 3.1, 007) would be a
    /// date or a number in Excel.
    public static func textField(_ value: String) -> String {
        let looksLikeNumberOrDate = value.first?.isASCII == true && value.first?.isNumber == true
            && value.allSatisfy { $0.isASCII && ($0.isNumber || "-/.:".contains($0)) }
        return looksLikeNumberOrDate ? "=\"\(value)\"" : field(value)
    }

    public static func field(_ value: String) -> String {
        // A leading = + - @ would make Excel run the cell as a formula: quote it as text. Its
        // first byte is what Excel reads (a mark combined with it changes nothing there).
        let risky = value.utf8.first.map {
            $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "@")
        } ?? false
        // Looked for as bytes (never part of a longer UTF-8 sequence): as Characters, each of
        // a Chinese text's was compared with four, and a CRLF inside a value, one Character
        // equal to neither "\r" nor "\n", went unquoted.
        let special = { (byte: UInt8) in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard risky || value.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? value.utf8.contains(where: special) else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\"", with: "\"\"")
        return risky && Double(value) == nil ? "\"'\(escaped)\"" : "\"\(escaped)\""
    }
}
