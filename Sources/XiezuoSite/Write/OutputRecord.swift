import Foundation
import XiezuoCore

/// What xiezuo wrote into an output folder, kept in the folder itself as `.xiezuo-site`: every
/// file with its digest, the group of plans that made it, and the stamp it had once written.
///
/// - It is the only licence to remove a file: xiezuo never deletes what it does not list (a
///   `.xiezuo-site` planted in a folder of someone's files lists nothing, so nothing goes).
/// - A file whose stamp is still the listed one holds the listed bytes: a rebuild compares new
///   bytes with the digest instead of reading the old file.
/// - A page edited or removed by hand has another stamp, or none: it is made again.
///
/// The text ends with a checksum of everything before it; a damaged record is no record.
///
/// Read, it is held in rows, compactly (a national site lists a million pages; as a dictionary
/// of paths it was 400 bytes a page, here about 120): the paths as one block of bytes, each
/// row's digest, stamp and group number in arrays, and an index from a path's hash to its row.
struct OutputRecord: Sendable {
    typealias Entry = OutputManifest.Entry

    static let fileName = ".xiezuo-site"
    private static let header = "xiezuo-site 1"

    private var paths = PackedStrings()
    private var digests: [FileDigest] = []
    private var stamps: [FileStamp?] = []
    private var groupNumbers: [UInt32] = []
    /// Group keys by number; "" for the site-wide pages.
    private(set) var groups: [String] = []
    /// Open addressing: a row number plus one by a path's hash; 0 is an empty slot.
    private var slots: [UInt32] = []

    init() {}

    var count: Int { digests.count }
    var isEmpty: Bool { digests.isEmpty }
    var rows: Range<Int> { 0..<count }

    // MARK: Rows

    /// The path of a row as written, `units/普陀区/区商务局/index.html`.
    func pathText(_ row: Int) -> String { paths[row] }
    func path(_ row: Int) -> SitePath { SitePath(paths[row].split(separator: "/").map(String.init)) }
    func groupNumber(_ row: Int) -> Int { Int(groupNumbers[row]) }
    func entry(_ row: Int) -> Entry { Entry(digest: digests[row], group: groups[Int(groupNumbers[row])], stamp: stamps[row]) }

    /// The row of a file, by its path as written.
    func row(_ pathText: String) -> Int? {
        var text = pathText
        return text.withUTF8(row(bytes:))
    }

    func row(_ path: SitePath) -> Int? { row(path.description) }

    subscript(path: SitePath) -> Entry? { row(path).map(entry) }

    /// The listed entry of a file, by its path as written.
    func entry(_ pathText: String) -> Entry? { row(pathText).map(entry) }

    /// Whether each group, by number, is one of `keys`.
    func groups(in keys: Set<String>) -> [Bool] { groups.map(keys.contains) }

    /// Each group's rows, by group number: what a rebuild checks of a group it keeps.
    func rowsByGroup() -> [[UInt32]] {
        var byGroup = [[UInt32]](repeating: [], count: groups.count)
        for row in rows { byGroup[Int(groupNumbers[row])].append(UInt32(row)) }
        return byGroup
    }

    // MARK: Checking a file in place

    enum Check {
        /// Same stamp as listed.
        case asListed
        /// Another stamp (a folder restored from a CI cache, copied, or touched), the listed bytes.
        case sameBytes
        case changed
    }

    /// Whether the file of `row` still holds the listed bytes: by its stamp; else, as rsync's
    /// quick check, by its size and modification time (a folder restored from a CI cache keeps
    /// them, with new inodes and change times); else by reading it.
    func check(_ row: Int, in outputPath: String) -> Check {
        let full = outputPath + "/" + pathText(row)
        guard let stamp = FileStamp.of(path: full) else { return .changed }
        if stamp == stamps[row] { return .asListed }
        if let listed = stamps[row], listed.size == stamp.size, listed.modified == stamp.modified { return .sameBytes }
        guard stamp.size == Int64(digests[row].size), let data = FileManager.default.contents(atPath: full) else { return .changed }
        return FileDigest(data) == digests[row] ? .sameBytes : .changed
    }

    // MARK: Reading

    /// The record of the folder at `output`; nil when there is none or it is damaged.
    static func read(in output: URL) -> OutputRecord? {
        var record = OutputRecord()
        var groupNumber: [String: UInt32] = [:]
        // Consecutive lines are mostly of one group: its key is compared before it is looked up.
        var lastGroup: (bytes: [UInt8], number: UInt32) = ([], 0)
        let sound = ChecksummedLines.read(path: output.appendingPathComponent(fileName).path, header: header) { line in
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 6, omittingEmptySubsequences: false)
            guard fields.count == 7, let hash = number(fields[0], radix: 16), let size = number(fields[1], radix: 10) else {
                return false
            }
            var stamp: FileStamp?
            if let modified = number(fields[2], radix: 10), let changed = number(fields[3], radix: 10),
               let inode = number(fields[4], radix: 10) {
                stamp = FileStamp(size: Int64(size), modified: Int64(truncatingIfNeeded: modified),
                                  changed: Int64(truncatingIfNeeded: changed), inode: inode)
            }
            let groupBytes = fields[5].elementsEqual("-".utf8) ? line[line.startIndex..<line.startIndex] : fields[5]
            if record.groups.isEmpty || !groupBytes.elementsEqual(lastGroup.bytes) {
                let key = String(decoding: groupBytes, as: UTF8.self)
                let number = groupNumber[key] ?? {
                    record.groups.append(key)
                    groupNumber[key] = UInt32(record.groups.count - 1)
                    return UInt32(record.groups.count - 1)
                }()
                lastGroup = (Array(groupBytes), number)
            }
            record.paths.append(utf8: UnsafeBufferPointer(rebasing: fields[6]))
            record.digests.append(FileDigest(size: Int(truncatingIfNeeded: size), hash: hash))
            record.stamps.append(stamp)
            record.groupNumbers.append(lastGroup.number)
            return true
        }
        guard sound else { return nil }
        // A record listing a path twice was not written by xiezuo.
        return record.indexed() ? record : nil
    }

    /// A digest of the record's bytes in the folder at `output`: what a build cache notes to
    /// know that it describes this output, wherever the folder now is; nil without a record.
    static func digest(in output: URL) -> UInt64? {
        FileReading.contentHash(of: output.appendingPathComponent(fileName).path)
    }

    /// Makes the index from paths to rows; false when a path is listed twice.
    private mutating func indexed() -> Bool {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        slots = [UInt32](repeating: 0, count: capacity)
        for row in rows {
            let found = paths.withUTF8(at: row) { bytes -> Bool in
                var slot = Self.hash(bytes) & (capacity - 1)
                while slots[slot] != 0 {
                    if paths.withUTF8(at: Int(slots[slot]) - 1, { $0.elementsEqual(bytes) }) { return true }
                    slot = (slot + 1) & (capacity - 1)
                }
                slots[slot] = UInt32(row + 1)
                return false
            }
            if found { return false }
        }
        return true
    }

    private func row(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !slots.isEmpty else { return nil }
        var slot = Self.hash(bytes) & (slots.count - 1)
        while slots[slot] != 0 {
            let row = Int(slots[slot]) - 1
            if paths.withUTF8(at: row, { $0.elementsEqual(bytes) }) { return row }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = ContentHash()
        hash.combine(UnsafeRawBufferPointer(bytes))
        return Int(truncatingIfNeeded: hash.value)
    }

    /// An unsigned number of ASCII digits (base 10 or 16); nil for anything else ("-" included).
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            value = shifted + digit
        }
        return value
    }

    // MARK: Writing

    /// A file to write a record into, line by line: lines `hash size modified changed inode
    /// group path`, tab-separated, in no particular order (sorting a hundred thousand paths was
    /// a tenth of a rebuild), then `end` and the checksum.
    static func lines(at path: String) throws -> ChecksummedLines {
        try ChecksummedLines(path: path, header: header)
    }

    /// One file's line of a record.
    static func line(_ path: String, _ entry: Entry, stamp: FileStamp?, into lines: inout ChecksummedLines) throws {
        try lines.line(String(entry.digest.hash, radix: 16), String(entry.digest.size),
                       stamp.map { String($0.modified) } ?? "-", stamp.map { String($0.changed) } ?? "-",
                       stamp.map { String($0.inode) } ?? "-", entry.group.isEmpty ? "-" : entry.group, path)
    }
}
