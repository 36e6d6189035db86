import Foundation
import Testing
@testable import XiezuoCore

/// Whatever is in content/, loading ends with a list of problems: no crash, no hang.
@Suite struct RobustnessTests {
    static let region = "content/regions/b.yaml"

    @Test func byteOrderMarkAndWindowsLineEndsAreAccepted() {
        let text = "\u{FEFF}name: 乙县\r\nunits: []\r\n"
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.diagnostics.isEmpty)
        #expect(result.content.region("b")?.name == "乙县")
    }

    @Test func crlfKeepsLineNumbersRight() {
        let text = "name: 乙县\r\nunits: []\r\nnote: ok\r\nbogus: 1\r\n"
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.errors.map(\.description) == [
            "content/regions/b.yaml:4:1: error: unknown field 'bogus'; the fields here are: name, parent, units, note",
        ])
    }

    @Test func binaryJunkIsRefused() {
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        junk[10] = 0
        let result = TinySite.load(data: [Self.region: junk])
        #expect(result.errors.map(\.description) == [
            "content/regions/b.yaml:1:1: error: not a text file (it contains binary data); content files are UTF-8 text",
        ])
    }

    @Test func invalidUTF8IsRefusedWithAHint() {
        // "乙县" in GB18030, as an old Windows editor saves it.
        let result = TinySite.load(data: [Self.region: Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xD2, 0xD2, 0xCF, 0xD8])])
        #expect(result.errors.first?.message.description.hasPrefix("not UTF-8 text; save the file as UTF-8") == true)
    }

    @Test func aFiftyMegabyteFileIsRefusedWithoutParsing() {
        let huge = Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        let result = TinySite.load(data: [Self.region: huge])
        #expect(result.errors.map(\.description) == [
            "content/regions/b.yaml:1:1: error: file is 50.0 MB; content files are limited to 4 MB, "
                + "split it or move large attachments out of content/",
        ])
    }

    @Test func deeplyNestedFlowYAMLIsRefused() {
        let text = "name: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.errors.map(\.description) == [
            "content/regions/b.yaml:1:8: error: YAML nested more than 64 levels deep; content never needs this, flatten it",
        ])
    }

    @Test func deeplyNestedBlockYAMLIsRefused() {
        let text = (0..<2000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.errors.first?.message.description == "YAML nested more than 64 levels deep; content never needs this, flatten it")
        // The 65th mapping, on line 65 (the root mapping is the first).
        #expect(result.errors.first?.location.line == 65)
    }

    @Test func aliasBombIsRefused() {
        let text = """
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        """
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.errors.map(\.description) == [
            "content/regions/b.yaml:2:8: error: YAML aliases (*name) are not supported in content files; write the value out in full",
        ])
    }

    /// Spellings that got past the old text scan and hung the tree builder (an alias bomb used
    /// as a mapping key is hashed whole when duplicate keys are checked): the parser's own
    /// events find every alias.
    @Test(arguments: [
        ("d:\t*c\n", 4, 4),
        ("x: a'b\n? *c\n: v\n", 5, 3),
        ("x: {*c : v}\n", 4, 5),
        ("x:\n  - \"a\" \n  - [ *c ]\n", 6, 7),
    ])
    func anAliasIsFoundWhateverItsSpelling(_ tail: String, _ line: Int, _ column: Int) {
        let bomb = """
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [x, x, x]
        c: &c [y, y]

        """
        let result = TinySite.load(replacing: [Self.region: bomb + tail])
        #expect(result.errors.map(\.description) == [
            "content/regions/b.yaml:\(line):\(column): error: YAML aliases (*name) are not supported in content files; "
            + "write the value out in full",
        ])
    }

    @Test func controlCharactersAreLeftOutWithAWarning() {
        // YAML's escapes can make NUL and ESC; no page or CSV cell can hold them.
        let result = TinySite.load(replacing: [Self.region: "name: \"乙县\\e\\0\"\nunits: []\n"])
        #expect(result.errors == [])
        #expect(result.warnings.map(\.description) == [
            "content/regions/b.yaml:1:7: warning: 'name' holds control characters (U+001B, U+0000) that no page can show; "
            + "they were left out",
        ])
        #expect(result.content.region("b")?.name == "乙县")
    }

    @Test func controlCharactersAreFoundByTheirBytes() throws {
        // C1 controls are C2 80 to C2 9F in UTF-8; C2 before anything else is a letter (¢ ©).
        #expect(ControlCharacters.strip("价格¢5、版权©，制表\t换行\n回车\r") == nil)
        let c1 = try #require(ControlCharacters.strip("甲\u{85}乙\u{9F}丙\u{80}"))
        #expect(c1.text == "甲乙丙")
        #expect(c1.removed == ["U+0085", "U+009F", "U+0080"])
        let c0 = try #require(ControlCharacters.strip("\u{7F}末尾\u{1F}"))
        #expect(c0.text == "末尾")
        #expect(c0.removed == ["U+007F", "U+001F"])
        #expect(ControlCharacters.strip("") == nil)
    }

    /// Eight bytes are looked at together: each kind of control, and each letter that shares a
    /// byte with one (¢ is C2 A2), at every place in a word and across the end of a word.
    @Test func aControlCharacterIsFoundAtEveryPlaceOfAWord() {
        let controls: [Character] = ["\u{0}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}"]
        let letters: [Character] = ["a", "\t", "\n", "\r", "¢", "©", "\u{A0}", "甲", "~", " "]
        for length in 0...20 {
            for place in 0..<max(length, 1) {
                for filler in letters {
                    let plain = String(repeating: filler, count: length)
                    #expect(ControlCharacters.strip(plain) == nil, "\(plain.unicodeScalars.map(\.value))")
                    guard length > 0 else { continue }
                    for control in controls {
                        var characters = Array(plain)
                        characters[place] = control
                        let text = String(characters)
                        #expect(ControlCharacters.strip(text)?.text == String(characters.filter { $0 != control }),
                                "\(text.unicodeScalars.map(\.value))")
                    }
                }
            }
        }
    }

    @Test func twoPairingsThatWouldShareAPageAreBothNamed() {
        let result = TinySite.load(replacing: ["content/pairings/a--b.md": TinySite.files["content/pairings/a-b.md"]!])
        #expect(result.errors.map(\.description) == [
            "content/pairings/a-b.md:2:1: error: pairing 'a-b' and 'a--b' (content/pairings/a--b.md:2:1) would share the page "
            + "pairings/a-b/: names that differ only in punctuation or spacing cannot both have a page; rename one",
        ])
    }

    @Test func aFileThatCannotBeReadComesFirstAndWhatFollowsFromItIsCounted() {
        // A quote opened on line 4 and never closed: the two indicators and the record that name
        // tasks would each be "unknown task", the plan "scored without points", the record's
        // unit "not responsible" for an indicator whose units are its tasks': held back, counted.
        let tasks = """
        sections:
          - title: 教育
            tasks:
              - id: "1
                text: 结对学校
        """
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/tasks.yaml": tasks])
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/tasks.yaml:4:13: error: a quote opened here is never closed: end the value with the same "
            + "quote mark (\" or ')",
            "content/plans/a-b-2022/tasks.yaml:1:1: error: 5 more errors about the tasks or indicators this file "
            + "defines follow from it and are not listed; fix this file first",
        ])
    }

    @Test func anAsteriskInsideTextIsNotAnAlias() {
        let text = "name: 乙县 *重点*\nunits: []\n"
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.diagnostics.isEmpty)
        #expect(result.content.region("b")?.name == "乙县 *重点*")
    }

    @Test func malformedYAMLGivesThePosition() {
        let text = "name: 乙县\nunits:\n  - {name: 区教育局, kind: bureau\n"
        let result = TinySite.load(replacing: [Self.region: text])
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.location.file == Self.region)
        #expect(result.errors.first?.location.line == 4)
        #expect(result.errors.first?.message.description.hasPrefix("invalid YAML:") == true)
    }

    @Test func aStrayFileIsReportedNotSilentlyIgnored() {
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/notes.txt": "草稿"])
        #expect(result.warnings.map(\.location.file) == ["content/plans/a-b-2022/notes.txt"])
        #expect(!result.hasErrors)
    }

    @Test func anEmptyContentFolderSaysWhatIsExpected() {
        let result = ContentLoader.load(from: MemoryContentSource([:]))
        #expect(result.errors.map(\.description) == [
            "content:1:1: error: no content found; expected regions/, pairings/ and plans/ below content/ "
                + "(see docs/content-format.md)",
        ])
    }

    @Test func aNamedPipeNamedLikeARecordIsReportedNotWaitedOn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-fifo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in TinySite.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let fifo = root.appendingPathComponent("content/plans/a-b-2022/progress/2022-07-区教育局.md")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let result = ContentLoader.load(from: DiskContentSource(root: root))
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/progress/2022-07-区教育局.md:1:1: error: not a regular file (a named pipe, device or "
            + "socket); content/ holds only files and folders: remove it",
        ])
        // Read directly (say it was swapped in after the listing), it is refused, not waited on.
        #expect(DiskContentSource(root: root).read("content/plans/a-b-2022/progress/2022-07-区教育局.md", limit: 1024)
                == .unreadable(Message(.notRegularFile)))
    }

    @Test func aSymbolicLinkLoopOnDiskIsReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-loop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in TinySite.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        // content/plans/a-b-2022/evidence/loop → content/plans
        let evidence = root.appendingPathComponent("content/plans/a-b-2022/evidence")
        try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: evidence.appendingPathComponent("loop"),
                                                   withDestinationURL: root.appendingPathComponent("content/plans"))
        let result = ContentLoader.load(from: DiskContentSource(root: root))
        #expect(result.errors.map(\.description) == [
            "content/plans/a-b-2022/evidence/loop:1:1: error: symbolic link loop: this folder was already read; remove the link",
        ])
        #expect(result.content.plans.count == 1)
    }
}
