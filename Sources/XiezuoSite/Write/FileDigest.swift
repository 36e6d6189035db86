import Foundation
import XiezuoCore

/// A written file's size and content hash: what the build cache remembers of each output
/// file, so a rebuild can tell that new bytes equal the old ones without reading the old file.
public struct FileDigest: Hashable, Sendable {
    public let size: Int
    public let hash: UInt64

    public init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }

    public init(_ data: Data) {
        self.init(size: data.count, hash: ContentHash.of(data))
    }
}

/// The files a stage wrote, with their digests, as lines `hash size path` — read back only
/// for the groups a rebuild renders again, so it is kept apart from their summaries.
struct OutputList: Sendable {
    var files: [SitePath: FileDigest] = [:]

    func encoded() -> Data {
        var text = ""
        for (path, digest) in files.sorted(by: { $0.key < $1.key }) {
            text += String(digest.hash, radix: 16) + " " + String(digest.size) + " " + path.description + "\n"
        }
        return Data(text.utf8)
    }

    /// nil when the text is not such a list (the cache was damaged): the caller rebuilds.
    init?(decoding data: Data) {
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3, let hash = UInt64(fields[0], radix: 16), let size = Int(fields[1]) else { return nil }
            files[SitePath(fields[2].split(separator: "/").map(String.init))] = FileDigest(size: size, hash: hash)
        }
    }

    init() {}
}
