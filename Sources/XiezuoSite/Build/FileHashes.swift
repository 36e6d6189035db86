import Foundation
import XiezuoCore

/// The content hash of every file below content/: what fingerprints are made of, so that a
/// fresh clone of the same content (new file times and inodes) has the same fingerprints, as
/// `git status` knows a file unchanged. A file is read and hashed again only when its stamp
/// differs from the one the previous build recorded, or when it changed around that build's
/// listing (within the file system's clock tick it may have changed again after being read);
/// every other hash is the previous build's. In a git clone, a file git knows unchanged since
/// checkout is known by its blob id instead of being read (GitIndex): a file's hash is then git's,
/// in every build of that clone and of every other clone of the same commit.
struct FileHashes: Sendable {
    struct Entry: Sendable, Equatable {
        let stamp: FileStamp
        let hash: UInt64
    }

    private(set) var table: [String: Entry] = [:]
    /// How many files this build read to hash.
    private(set) var read = 0

    var count: Int { table.count }

    /// The hash of a file listed, or nil for one that is not there.
    func hash(_ path: String) -> UInt64? { table[path]?.hash }

    /// `files` hashed, reusing `previous` where it still holds. `listedAt`: when the previous
    /// build listed its files (nanoseconds since 1970).
    /// `git`: asked, only when many files would have to be read, for what git knows unchanged.
    static func make(_ files: [(path: String, stamp: FileStamp)], previous: FileHashes?, listedAt: Int64?,
                     source: ContentSource, git: (() -> [String: UInt64]?)? = nil) -> FileHashes {
        func reusable(_ file: (path: String, stamp: FileStamp)) -> Entry? {
            guard let known = previous?.table[file.path], known.stamp == file.stamp, let listedAt,
                  max(file.stamp.modified, file.stamp.changed) < listedAt - 2_000_000_000 else { return nil }
            return known
        }
        let unknown = files.reduce(0) { $0 + (reusable($1) == nil ? 1 : 0) }
        // Running git costs a few milliseconds: worth it once more than a handful of files changed stamps.
        let blobs = unknown > 8 ? git?() : nil
        let reused = Parallel.map(files) { file -> (String, Entry, Bool) in
            if let known = reusable(file) { return (file.path, known, false) }
            if let blob = blobs?[file.path] { return (file.path, Entry(stamp: file.stamp, hash: blob), false) }
            let hash = source.contentHash(file.path, size: file.stamp.size) ?? UInt64.max
            return (file.path, Entry(stamp: file.stamp, hash: hash), true)
        }
        var hashes = FileHashes()
        hashes.table.reserveCapacity(reused.count)
        for (path, entry, wasRead) in reused {
            hashes.table[path] = entry
            if wasRead { hashes.read += 1 }
        }
        return hashes
    }

    /// `path`, stamp and hash of each file, fixed-width numbers in little-endian order, in no
    /// particular order (sorting a quarter of a million paths cost more than writing them).
    func encoded() -> Data {
        var data = Data()
        data.reserveCapacity(table.count * 96)
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        put(UInt64(table.count))
        for (path, entry) in table {
            let bytes = Array(path.utf8)
            put(UInt32(bytes.count))
            data.append(contentsOf: bytes)
            put(entry.stamp.size)
            put(entry.stamp.modified)
            put(entry.stamp.changed)
            put(entry.stamp.inode)
            put(entry.hash)
        }
        return data
    }

    /// The table `encoded` wrote; nil for bytes that do not read back whole.
    init?(decoding data: Data) {
        var offset = data.startIndex
        func take<T: FixedWidthInteger>(_: T.Type) -> T? {
            let size = MemoryLayout<T>.size
            guard data.endIndex - offset >= size else { return nil }
            var value: T = 0
            _ = withUnsafeMutableBytes(of: &value) { data.copyBytes(to: $0, from: offset..<(offset + size)) }
            offset += size
            return T(littleEndian: value)
        }
        guard let count = take(UInt64.self), count < UInt64(data.count) else { return nil }
        table.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = take(UInt32.self), data.endIndex - offset >= Int(length) else { return nil }
            let path = String(decoding: data[offset..<(offset + Int(length))], as: UTF8.self)
            offset += Int(length)
            guard let size = take(Int64.self), let modified = take(Int64.self), let changed = take(Int64.self),
                  let inode = take(UInt64.self), let hash = take(UInt64.self) else { return nil }
            table[path] = Entry(stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode), hash: hash)
        }
        guard offset == data.endIndex else { return nil }
    }

    private init() {}
}
