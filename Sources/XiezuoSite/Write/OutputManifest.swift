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
        /// Size, times and inode once the file was in place; nil until the commit has placed it.
        var stamp: FileStamp?
    }

    static let fileName = ".xiezuo-site"
    private static let header = "xiezuo-site 1"

    var files: [SitePath: Entry] = [:]

    init() {}

    /// The record of the folder at `output`; nil when there is none or it is damaged.
    static func read(in output: URL) -> OutputManifest? {
        (try? Data(contentsOf: output.appendingPathComponent(fileName))).flatMap(OutputManifest.init(decoding:))
    }

    /// The listed files of one group, for a rebuild that keeps that group's pages.
    func files(ofGroup group: String) -> [SitePath: Entry] { files.filter { $0.value.group == group } }

    /// Whether the file at `path` in `output` is still the one listed: same size, times and inode.
    func isIntact(_ path: SitePath, in outputPath: String) -> Bool {
        guard let listed = files[path]?.stamp else { return false }
        return FileStamp.of(path: outputPath + "/" + path.description) == listed
    }

    /// Lines `hash size modified changed inode group path`, tab-separated, sorted by path, then
    /// `end` and the checksum.
    func encoded() -> Data {
        var text = Self.header + "\n"
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            let stamp = entry.stamp
            text += [String(entry.digest.hash, radix: 16), String(entry.digest.size),
                     stamp.map { String($0.modified) } ?? "-", stamp.map { String($0.changed) } ?? "-",
                     stamp.map { String($0.inode) } ?? "-", entry.group.isEmpty ? "-" : entry.group, path.description]
                .joined(separator: "\t") + "\n"
        }
        var data = Data(text.utf8)
        data.append(Data("end \(String(ContentHash.of(data), radix: 16))\n".utf8))
        return data
    }

    init?(decoding data: Data) {
        guard let end = data.dropLast().lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        let body = data[data.startIndex...end]
        let trailer = String(decoding: data[(end + 1)...], as: UTF8.self)
        guard trailer == "end \(String(ContentHash.of(Data(body)), radix: 16))\n" else { return nil }
        let lines = String(decoding: body, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(Self.header) else { return nil }
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 7, let hash = UInt64(fields[0], radix: 16), let size = Int(fields[1]) else { return nil }
            let stamp: FileStamp?
            if let modified = Int64(fields[2]), let changed = Int64(fields[3]), let inode = UInt64(fields[4]) {
                stamp = FileStamp(size: Int64(size), modified: modified, changed: changed, inode: inode)
            } else {
                stamp = nil
            }
            let path = SitePath(fields[6].split(separator: "/").map(String.init))
            files[path] = Entry(digest: FileDigest(size: size, hash: hash), group: fields[5] == "-" ? "" : String(fields[5]),
                                stamp: stamp)
        }
    }
}
