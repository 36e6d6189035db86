import Testing
@testable import XiezuoCore

/// A Markdown file split into front matter and body, with the lines each starts on (what every
/// message about a record's YAML counts from).
@Suite struct FrontMatterTests {
    static func parts(_ text: String) -> (yaml: String, yamlLine: Int, body: String, bodyLine: Int)? {
        guard case .success(let document) = FrontMatterDocument.split(text) else { return nil }
        return (document.yaml, document.yamlFirstLine, document.body, document.bodyFirstLine)
    }

    @Test func theYAMLIsTheLinesBetweenTheDashes() throws {
        let record = try #require(Self.parts("---\nunit: 区教育局\ndate: 2022-09-30\n---\n\n本月完成。\n"))
        #expect(record.yaml == "unit: 区教育局\ndate: 2022-09-30")
        #expect(record.yamlLine == 2 && record.bodyLine == 5)
        #expect(record.body == "\n本月完成。\n")
        // Closed by "...", with nothing after it.
        let dots = try #require(Self.parts("---\na: 1\n..."))
        #expect(dots.yaml == "a: 1" && dots.body == "" && dots.bodyLine == 4)
        // Empty front matter; an opening line with spaces around its dashes.
        let empty = try #require(Self.parts(" --- \n---\nbody"))
        #expect(empty.yaml == "" && empty.body == "body" && empty.bodyLine == 3)
        // A blank last line in the YAML keeps one line end; a CRLF inside it stays as written.
        #expect(Self.parts("---\na: 1\n\n---\n")?.yaml == "a: 1\n")
        #expect(Self.parts("---\na: 1\r\n---\n")?.yaml == "a: 1\r\n")
        // A line that only starts with dashes does not close it.
        #expect(Self.parts("---\na: ----\n--- \n---\nb")?.yaml == "a: ----\n--- ")
    }

    @Test func aFileWithoutItsDashesSaysWhich() {
        for (text, problem) in [("unit: 区教育局\n", FrontMatterDocument.Problem.missingOpening), ("", .missingOpening),
                                ("---\nunit: 区教育局\n", .missingClosing), ("---", .missingClosing)] {
            guard case .failure(let found) = FrontMatterDocument.split(text) else {
                Issue.record("\(text) was split")
                continue
            }
            #expect(found == problem, "\(text)")
        }
    }
}
