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
struct OutputManifest: Sendable {
    struct Entry: Sendable, Equatable {
        let digest: FileDigest
        /// The group of plans that made the file; "" for the site-wide pages.
        let group: String
        /// Size, times and inode: in a record, the file's once in place; in a build's own list,
        /// the staged file's as it was written (CommitJournal.stagedStampsHold says when that is
        /// also its stamp in place); nil when not known.
        var stamp: FileStamp?
    }

    static let fileName = ".xiezuo-site"
    private static let header = "xiezuo-site 1"

    var files: [SitePath: Entry] = [:]

    init() {}

    /// A digest of the record's bytes in the folder at `output`: what a build cache notes to
    /// know that it describes this output, wherever the folder now is; nil without a record.
    static func digest(in output: URL) -> UInt64? {
        (try? Data(contentsOf: output.appendingPathComponent(fileName))).map(ContentHash.of)
    }

    /// The record of the folder at `output`; nil when there is none or it is damaged.
    static func read(in output: URL) -> OutputManifest? {
        (try? Data(contentsOf: output.appendingPathComponent(fileName))).flatMap(OutputManifest.init(decoding:))
    }

    /// The listed files of each group, for a rebuild that keeps a group's pages (gathered once:
    /// filtering the whole record for each of a thousand groups was quadratic).
    func byGroup() -> [String: [(path: SitePath, entry: Entry)]] {
        var groups: [String: [(path: SitePath, entry: Entry)]] = [:]
        for (path, entry) in files { groups[entry.group, default: []].append((path, entry)) }
        return groups
    }

    enum Check {
        /// Same stamp as listed.
        case asListed
        /// Another stamp (a folder restored from a CI cache, copied, or touched), the listed bytes.
        case sameBytes
        case changed
    }

    /// Whether the file at `path` still holds the listed bytes: by its stamp; else, as rsync's
    /// quick check, by its size and modification time (a folder restored from a CI cache keeps
    /// them, with new inodes and change times); else by reading it.
    func check(_ path: SitePath, in outputPath: String) -> Check {
        guard let entry = files[path] else { return .changed }
        let full = outputPath + "/" + path.description
        guard let stamp = FileStamp.of(path: full) else { return .changed }
        if stamp == entry.stamp { return .asListed }
        if let listed = entry.stamp, listed.size == stamp.size, listed.modified == stamp.modified { return .sameBytes }
        guard stamp.size == Int64(entry.digest.size), let data = FileManager.default.contents(atPath: full) else { return .changed }
        return FileDigest(data) == entry.digest ? .sameBytes : .changed
    }

    /// A file to write a record into, line by line: lines `hash size modified changed inode
    /// group path`, tab-separated, in no particular order (sorting a hundred thousand paths was
    /// a tenth of a rebuild), then `end` and the checksum.
    static func lines(at path: String) throws -> ChecksummedLines {
        try ChecksummedLines(path: path, header: header)
    }

    /// One file's line of a record.
    static func line(_ path: SitePath, _ entry: Entry, stamp: FileStamp?, into lines: inout ChecksummedLines) throws {
        try lines.line(String(entry.digest.hash, radix: 16), String(entry.digest.size),
                       stamp.map { String($0.modified) } ?? "-", stamp.map { String($0.changed) } ?? "-",
                       stamp.map { String($0.inode) } ?? "-", entry.group.isEmpty ? "-" : entry.group, path.description)
    }

    init?(decoding data: Data) {
        guard let end = data.dropLast().lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        let body = data[data.startIndex...end]
        let trailer = String(decoding: data[(end + 1)...], as: UTF8.self)
        guard trailer == "end \(String(ContentHash.of(body), radix: 16))\n" else { return nil }
        // Read as bytes: a record lists every page of the site, and splitting strings line by
        // line was the larger part of a rebuild that changed nothing.
        let parsed: [SitePath: Entry]? = body.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var files: [SitePath: Entry] = [:]
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
            guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == Self.header else { return nil }
            files.reserveCapacity(lines.count)
            for line in lines {
                let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 6, omittingEmptySubsequences: false)
                guard fields.count == 7, let hash = Self.number(fields[0], radix: 16),
                      let size = Self.number(fields[1], radix: 10) else { return nil }
                var stamp: FileStamp?
                if let modified = Self.number(fields[2], radix: 10), let changed = Self.number(fields[3], radix: 10),
                   let inode = Self.number(fields[4], radix: 10) {
                    stamp = FileStamp(size: Int64(size), modified: Int64(truncatingIfNeeded: modified),
                                      changed: Int64(truncatingIfNeeded: changed), inode: inode)
                }
                let group = fields[5].elementsEqual("-".utf8) ? "" : String(decoding: fields[5], as: UTF8.self)
                let path = SitePath(fields[6].split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) })
                files[path] = Entry(digest: FileDigest(size: Int(truncatingIfNeeded: size), hash: hash), group: group, stamp: stamp)
            }
            return files
        }
        guard let parsed else { return nil }
        files = parsed
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
}
