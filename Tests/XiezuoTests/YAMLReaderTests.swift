import Testing
@testable import XiezuoCore

/// The YAML reader on libyaml's events: nodes, where they start, and what it refuses, with
/// positions worked out by hand (columns count characters, 教 is one).
@Suite struct YAMLReaderTests {
    static func mark(_ line: Int, _ column: Int) -> YAMLMark { YAMLMark(line: line, column: column) }

    @Test func nodesKeepTheirTextKindAndPlace() throws {
        let root = try #require(try YAMLReader.read("名称: 区教育局\nb: '~'\nc: ~\n键: [甲, 乙]\nlist:\n  - x\n  - {k: v}\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.string } == ["名称", "b", "c", "键", "list"])
        #expect(root["名称"]?.string == "区教育局")
        #expect(root["名称"]?.mark == Self.mark(1, 5))
        // Quoted, ~ is text; plain, it is the empty value for the field readers.
        #expect(root["b"]?.isPlainScalar == false)
        #expect(root["c"]?.isPlainScalar == true)
        #expect(root["键"]?.sequence?.map(\.mark) == [Self.mark(4, 5), Self.mark(4, 8)])
        let list = try #require(root["list"]?.sequence)
        #expect(list.first?.string == "x")
        #expect(list.last?["k"]?.string == "v")
        #expect(list.last?.mark == Self.mark(7, 5))
    }

    @Test func onlyCommentsIsNothing() throws {
        #expect(try YAMLReader.read("# 说明\n\n") == nil)
        #expect(try YAMLReader.read("") == nil)
    }

    @Test(arguments: [
        // Both repeated keys, in order of their text, at the first place the first is written.
        ("b: 1\na: 2\nb: 3\na: 4\n", YAMLReader.Failure.duplicateKeys(["a", "b"], at: mark(2, 1))),
        ("a: 1\n---\nb: 2\n", .secondDocument(at: mark(2, 1))),
        ("a: &x 1\nb: *x\n", .alias(at: mark(2, 4))),
        // The 65th bracket opens one level too many.
        (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), .tooDeep(at: mark(1, 65))),
    ])
    func whatContentNeverNeedsIsRefusedWhereItIs(yaml: String, failure: YAMLReader.Failure) {
        #expect(throws: failure) { try YAMLReader.read(yaml) }
    }

    @Test func aSyntaxErrorSaysWhatLibyamlWasReading() {
        #expect(throws: YAMLReader.Failure.syntax(problem: "found unexpected end of stream", at: Self.mark(2, 1),
                                                  context: "while scanning a quoted scalar", contextMark: Self.mark(1, 4))) {
            try YAMLReader.read("a: \"open\n")
        }
    }
}
