import Foundation

/// CSV that Excel opens correctly: UTF-8 with a byte order mark (without it Excel reads
/// Chinese as GBK), CRLF line ends, fields quoted when they hold a comma, quote or line end.
public enum CSV {
    public static func make(header: [String], rows: [[String]]) -> Data {
        Data("\u{FEFF}".utf8) + lines([header] + rows)
    }

    /// Rows as CSV lines, without the byte order mark: a part of a file others are joined to.
    public static func lines(_ rows: [[String]]) -> Data {
        var text = ""
        for row in rows {
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    public static func field(_ value: String) -> String {
        // A leading = + - @ would make Excel run the cell as a formula: quote it as text.
        let risky = value.first.map { "=+-@".contains($0) } ?? false
        guard risky || value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\"", with: "\"\"")
        return risky && Double(value) == nil ? "\"'\(escaped)\"" : "\"\(escaped)\""
    }
}
