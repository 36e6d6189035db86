import Foundation
import XiezuoCore

/// What a preview shows instead of the site while the content has errors: each problem with
/// its place and the line it is on, the column marked. The next good save brings the site back.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], root: URL, reload: String, language: Language = .chinese) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var items = ""
        for diagnostic in diagnostics {
            items += "<li class=\"\(diagnostic.severity == .error ? "error" : "warning")\"><p><code>"
                + escape(diagnostic.line(in: language)) + "</code></p>"
            if let line = sourceLine(diagnostic.location, root: root) {
                let column = max(diagnostic.location.column, 1)
                let caret = String(repeating: " ", count: line.prefix(column - 1).reduce(0) { $0 + width($1) }) + "^"
                items += "<pre>" + escape(line) + "\n" + caret + "</pre>"
            }
            items += "</li>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>内容有错误 · 预览</title>
        <style>
        body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2933; }
        h1 { color: #a61b1b; font-size: 1.4rem; }
        li { margin: 0 0 1.25rem; }
        li.warning code { color: #8a5a00; }
        li.error code { color: #a61b1b; }
        pre { background: #f3f6f9; padding: .5rem .75rem; overflow-x: auto; }
        </style>
        </head>
        <body>
        <h1>内容有 \(errors.count) 处错误，站点没有更新</h1>
        <p>改正后保存，此页会自动回到站点。每条写明文件、行号和列号；下面是出错的那一行，^ 指出位置。</p>
        <ol>
        \(items)</ol>
        \(reload)
        </body>
        </html>
        """
    }

    /// The line a problem is on, when it names a line of a readable text file.
    static func sourceLine(_ location: SourceLocation, root: URL) -> String? {
        let number = location.line
        guard number > 0,
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(location.file).path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number <= lines.count else { return nil }
        return String(lines[number - 1]).replacingOccurrences(of: "\r", with: "")
    }

    /// Columns a character takes in a monospaced font: two for Chinese and other wide ones.
    static func width(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 1 }
        return (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar) || (0x20000...0x3FFFD).contains(scalar) ? 2 : 1
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
