import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// The compact forms a national build holds its file lists in (#17): each must give back
/// exactly what the plain form did.
@Suite struct CompactListingTests {
    /// The record and the journal are checksummed as they are written, in pieces of any size;
    /// the checksum must be the one a reader computes over the whole file, or every record
    /// written so far would read as damaged (and nothing it lists could be removed).
    @Test func aChecksumStreamedInPiecesIsTheChecksumOfTheWhole() {
        let text = Data("xiezuo-site 1\n1f\t3\t-\t-\t-\t-\tplans/乳山-市中区-2022/index.html\n".utf8)
        for cut in [[], [1], [7], [8], [9], [3, 5], [1, 1, 1, 1, 1, 1, 1, 1, 1], [16, 17]] {
            var stream = ContentHash.Stream()
            var start = text.startIndex
            for length in cut {
                let end = min(start + length, text.endIndex)
                text[start..<end].withUnsafeBytes { stream.combine($0) }
                start = end
            }
            text[start...].withUnsafeBytes { stream.combine($0) }
            #expect(stream.value == ContentHash.of(text), "pieces \(cut)")
        }
        #expect(ContentHash.Stream().value == ContentHash.of(Data()))
    }

    /// Hashes are kept on disk (the output's record, the build cache): the values of this
    /// program must stay the values earlier builds wrote. Pinned as this version computes them.
    @Test func contentHashesKeepTheirValues() {
        var parts = ContentHash()
        parts.combine(Data("乳山市".utf8))
        parts.combine(Data("2022-10-市协作办.md, seventeen b".utf8))
        #expect(ContentHash.of(Data()) == 560_867_907_754_137_832)
        #expect(ContentHash.of(Data("xiezuo-site 1\n".utf8)) == 12_881_541_876_096_335_347)
        #expect(ContentHash.of("content/plans/乳山-市中区-2022/plan.md") == 3_139_782_676_382_058_489)
        #expect(parts.value == 9_708_052_873_557_289_366)
    }

    @Test func packedStringsGiveBackEachStringWhole() {
        var packed = PackedStrings(["content/plans/rushan-shizhong-2022/plan.md", "", "进度/2022-10-市协作办.md"])
        packed.append(joining: "content/regions", "/", "乳山市.yaml")
        var more = PackedStrings()
        more.append("a")
        packed.append(contentsOf: more)
        #expect(Array(packed) == ["content/plans/rushan-shizhong-2022/plan.md", "", "进度/2022-10-市协作办.md",
                                  "content/regions/乳山市.yaml", "a"])
    }

    /// A plan folder keeps its files' names below it; the paths, the records and the list of
    /// every file come back as the listing gave them, in its order.
    @Test func aScanListsEveryFileAsTheListingGaveIt() {
        func plan(_ id: String) -> [String: Data] {
            ["content/plans/\(id)/plan.md": Data("a".utf8), "content/plans/\(id)/tasks.yaml": Data("bb".utf8),
             "content/plans/\(id)/progress/2022-10-市协作办.md": Data("ccc".utf8),
             "content/plans/\(id)/evidence/台账.pdf": Data("dddd".utf8)]
        }
        var files = plan("p1").merging(plan("p3")) { a, _ in a }
        files["content/plans/p2/plan.md"] = Data("e".utf8)
        files["content/regions/乳山市.yaml"] = Data("f".utf8)
        let source = MemoryContentSource(data: files)
        let scan = ContentScan.scan(source)
        let listing = source.files(under: "content")
        let listed = Dictionary(uniqueKeysWithValues: listing.entries.map { ($0.path, $0.stamp) })
        #expect(scan.allFiles.count == files.count)
        #expect(Set(scan.allFiles.map(\.path)) == Set(files.keys))
        for file in scan.allFiles { #expect(listed[file.path] == file.stamp, "\(file.path)") }
        #expect(scan.files(ofPlan: "p3").map(\.path) == ["content/plans/p3/evidence/台账.pdf", "content/plans/p3/plan.md",
                                                          "content/plans/p3/progress/2022-10-市协作办.md",
                                                          "content/plans/p3/tasks.yaml"])
        #expect(scan.folder("p1")?.records == ["content/plans/p1/progress/2022-10-市协作办.md"])
        #expect(scan.folder("p2")?.records == [])
    }

    /// A folder of sixteen or more folders is walked on every core, each branch its own piece
    /// of the listing: the pieces must come back in sorted order, every file once, with its stamp.
    @Test func aListingWalkedOnEveryCoreKeepsSortedOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: [String] = []
        for number in 1...20 {
            for name in ["plan.md", "progress/2022-10-市协作办.md", "progress/2022-11-市协作办.md"] {
                let path = "content/plans/p\(number)/\(name)"
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(path.utf8).write(to: url)
                expected.append(path)
            }
        }
        try Data("a".utf8).write(to: root.appendingPathComponent("content/standards.yaml"))
        expected.append("content/standards.yaml")
        let listing = DiskContentSource(root: root).files(under: "content")
        let entries = Array(listing.entries)
        #expect(entries.map(\.path) == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(entries.allSatisfy { $0.stamp.size == Int64($0.path.utf8.count) || $0.path.hasSuffix("standards.yaml") })
        #expect(Array(listing.files) == entries.map(\.path))
        #expect(!listing.isEmpty && listing.problems.isEmpty)
    }

    /// The table of content hashes is read back from `files.bin` a megabyte at a time, so an
    /// entry may be cut anywhere by a piece's end: every cut must give the table written, and
    /// bytes cut short or run long must give no table (the next build reads every file again).
    @Test func theHashTableReadsBackFromPiecesOfAnySize() throws {
        let source = MemoryContentSource(["content/plans/p1/plan.md": "a", "content/plans/p1/progress/2022-10-市协作办.md": "bb",
                                          "content/regions/乳山市.yaml": "ccc"])
        let table = FileHashes.make(ContentScan.scan(source).allFiles, previous: nil, listedAt: nil, source: source)
        var bytes = Data()
        table.encode { bytes.append(contentsOf: $0) }
        #expect(bytes.count == 8 + 3 * 48)
        for size in [1, 7, 8, 9, 47, 48, 49, 100, bytes.count] {
            var decoder = FileHashes.Decoder()
            for start in stride(from: 0, to: bytes.count, by: size) {
                bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { decoder.feed($0) }
            }
            let read = try #require(decoder.finish(), "pieces of \(size)")
            #expect(read.table == table.table, "pieces of \(size)")
        }
        func decoded(_ bytes: Data) -> FileHashes? {
            var decoder = FileHashes.Decoder()
            bytes.withUnsafeBytes { decoder.feed($0) }
            return decoder.finish()
        }
        #expect(decoded(bytes)?.table == table.table)
        #expect(decoded(bytes.dropLast()) == nil)
        #expect(decoded(bytes + Data([0])) == nil)
        #expect(decoded(Data()) == nil)
    }

    /// The previous build's table is brought up to date in place: a file changed is hashed
    /// again, a file gone leaves the table, and when nothing changed no file is read and the
    /// table is not written again.
    @Test func theHashTableIsUpdatedInPlace() {
        var files = ["content/plans/p1/plan.md": "a", "content/plans/p1/progress/2022-10-市协作办.md": "bb",
                     "content/regions/乳山市.yaml": "ccc"]
        let first = FileHashes.make(ContentScan.scan(MemoryContentSource(files)).allFiles, previous: nil, listedAt: nil,
                                    source: MemoryContentSource(files))
        #expect(first.read == 3 && first.changed)
        // Memory stamps have no times: any listing time a few seconds on counts as after them.
        let listedAt: Int64 = 10_000_000_000
        let same = FileHashes.make(ContentScan.scan(MemoryContentSource(files)).allFiles, previous: first, listedAt: listedAt,
                                   source: MemoryContentSource(files))
        #expect(same.read == 0 && !same.changed && same.table == first.table)

        files["content/plans/p1/progress/2022-10-市协作办.md"] = nil
        files["content/plans/p1/plan.md"] = "changed"
        let source = MemoryContentSource(files)
        let next = FileHashes.make(ContentScan.scan(source).allFiles, previous: same, listedAt: listedAt, source: source)
        #expect(next.read == 1 && next.changed && next.count == 2)
        #expect(next.hash("content/plans/p1/progress/2022-10-市协作办.md") == nil)
        #expect(next.hash("content/plans/p1/plan.md") == ContentHash.of(Data("changed".utf8)))
        #expect(next.hash("content/regions/乳山市.yaml") == first.hash("content/regions/乳山市.yaml"))
    }

    /// The output's record is read a megabyte at a time into rows: lines cut by a piece's end,
    /// Chinese paths, files without a stamp and the site-wide group must all come back as
    /// written, each found by its path; a record damaged, cut short or listing a path twice is
    /// no record (then nothing is removed and old files are read to compare).
    @Test func theOutputRecordReadsBackRowByRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(OutputRecord.fileName).path
        // About 2.5 MB of lines: several pieces, lines cut at their ends.
        let written = (0..<30_000).map { number -> (String, OutputRecord.Entry) in
            let path = "units/区\(number % 97)/单位\(number)/index.html"
            let stamp = number % 5 == 0 ? nil : FileStamp(size: Int64(number), modified: 1_700_000_000_000_000_000 + Int64(number),
                                                          changed: 42, inode: UInt64(number) * 3)
            return (path, OutputRecord.Entry(digest: FileDigest(size: number, hash: UInt64(number) &* 0x9E37_79B9_7F4A_7C15),
                                             group: number % 7 == 0 ? "" : "pairing-\(number % 13)", stamp: stamp))
        }
        func write(_ rows: [(String, OutputRecord.Entry)]) throws {
            var lines = try OutputRecord.lines(at: file)
            for (path, entry) in rows { try OutputRecord.line(path, entry, stamp: entry.stamp, into: &lines) }
            try lines.finish()
        }
        try write(written)
        let record = try #require(OutputRecord.read(in: folder))
        #expect(record.count == written.count)
        for (row, (path, entry)) in written.enumerated() {
            #expect(record.pathText(row) == path && record.entry(row) == entry)
        }
        #expect(record.row("units/区3/单位2428/index.html") == 2428)
        #expect(record[SitePath(["units", "区3", "单位2428", "index.html"])] == written[2428].1)
        #expect(record.row("units/区3/单位30001/index.html") == nil)
        #expect(Set(record.groups).count == record.groups.count && record.groups.count == 14)
        #expect(OutputRecord.digest(in: folder) == ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: file))))

        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        var damaged = bytes
        damaged[damaged.count / 2] ^= 1
        try damaged.write(to: URL(fileURLWithPath: file))
        #expect(OutputRecord.read(in: folder) == nil)
        try bytes.dropLast(3).write(to: URL(fileURLWithPath: file))
        #expect(OutputRecord.read(in: folder) == nil)
        try write(written + [written[17]])
        #expect(OutputRecord.read(in: folder) == nil)
        try write([])
        #expect(try #require(OutputRecord.read(in: folder)).isEmpty)
    }

    /// The hash table is one sorted array with an index by top bits: every key put in is found
    /// with its value, no other key is; keys taken out and added are found (or not) as a
    /// dictionary would; a key given twice is no table.
    @Test func theSortedHashTableFindsWhatADictionaryWould() throws {
        var generator = SystemRandomNumberGenerator()
        var reference: [UInt64: Int] = [:]
        // Keys near both ends of the range and in one bucket, besides random ones.
        for key in [0, 1, UInt64.max, UInt64.max - 1, 1 << 63] + (0..<5000).map({ _ in UInt64.random(in: 0...UInt64.max, using: &generator) }) {
            reference[key] = reference.count
        }
        var table = try #require(SortedHashTable(reference.map { .init(key: $0.key, value: $0.value) }))
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        for _ in 0..<2000 {
            let key = UInt64.random(in: 0...UInt64.max, using: &generator)
            #expect(table[key] == reference[key])
        }
        let gone = Set(reference.keys.prefix(1000))
        let added = (0..<700).map { number in SortedHashTable<Int>.Slot(key: UInt64(number) &* 0x9E37_79B9_7F4A_7C15 | 1, value: -number) }
            .filter { reference[$0.key] == nil }
        let slots = table.slots
        table.update(keeping: { !gone.contains(slots[$0].key) }, adding: added)
        for key in gone { reference[key] = nil }
        for slot in added { reference[slot.key] = slot.value }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        for key in gone { #expect(table[key] == nil) }
        #expect(zip(table.slots, table.slots.dropFirst()).allSatisfy { $0.key < $1.key })
        #expect(SortedHashTable([.init(key: 7, value: 1), .init(key: 7, value: 2)]) == nil)
        #expect(SortedHashTable<Int>()[7] == nil)
    }

    /// The commit journal is read back as the record is, line by line: whole, it gives back
    /// every move, removal and record change; cut off while being written, it is no journal
    /// (its commit never began).
    @Test func theCommitJournalReadsBackWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(CommitJournal.fileName).path
        var journal = CommitJournal()
        journal.moves = ["units", "index.html"]
        journal.removals = ["units/乳山市/旧单位/index.html"]
        journal.upserts.files[SitePath(["units", "乳山市", "市教育局", "index.html"])] =
            OutputRecord.Entry(digest: FileDigest(size: 1234, hash: 0xABCDEF), group: "rushan-shizhong")
        journal.upserts.files[SitePath(["index.html"])] = OutputRecord.Entry(digest: FileDigest(size: 5, hash: 7), group: "")
        try journal.write(to: path)
        let read = try #require(CommitJournal(reading: path))
        #expect(read.moves == journal.moves && read.removals == journal.removals && read.upserts.files == journal.upserts.files)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(5).write(to: URL(fileURLWithPath: path))
        #expect(CommitJournal(reading: path) == nil)
    }
}
