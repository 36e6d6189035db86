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
}
