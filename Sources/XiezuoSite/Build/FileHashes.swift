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

    /// Keyed by the hash of the file's path (ContentHash of its UTF-8 bytes): Swift hashes a
    /// String key by its normalized form, which for Chinese file names made the lookups most of
    /// a rebuild's fixed cost. A path is looked up by 64 bits, as fingerprints are.
    private(set) var table: [UInt64: Entry] = [:]
    /// How many files this build read to hash.
    private(set) var read = 0
    /// Whether the table differs from the previous build's (a file new, gone or hashed anew).
    private(set) var changed = true

    var count: Int { table.count }

    static func key(_ path: String) -> UInt64 { ContentHash.of(path) }

    /// The hash of a file listed, or nil for one that is not there.
    func hash(_ path: String) -> UInt64? { table[Self.key(path)]?.hash }

    /// `files` hashed, reusing `previous` where it still holds. `listedAt`: when the previous
    /// build listed its files (nanoseconds since 1970).
    /// `git`: asked, only when many files would have to be read, for what git knows unchanged.
    /// The files go a slice at a time, each on every core: no list as long as the content is
    /// made beside the table (a national site has two and a half million files).
    static func make<Files: RandomAccessCollection>(_ files: Files, previous: FileHashes?, listedAt: Int64?,
                                                    source: ContentSource, git: (() -> [String: UInt64]?)? = nil) -> FileHashes
    where Files.Element == (path: String, stamp: FileStamp), Files.Index == Int {
        var hashes = FileHashes()
        hashes.table.reserveCapacity(files.count)
        var missing: [Int] = []
        for slice in slices(of: files.count) {
            let reused = Parallel.map(Array(slice)) { index -> (UInt64, Entry?) in
                let file = files[index]
                let key = Self.key(file.path)
                guard let known = previous?.table[key], known.stamp == file.stamp, let listedAt,
                      max(file.stamp.modified, file.stamp.changed) < listedAt - 2_000_000_000 else { return (key, nil) }
                return (key, known)
            }
            for (index, (key, entry)) in zip(slice, reused) {
                if let entry { hashes.table[key] = entry } else { missing.append(index) }
            }
        }
        // Running git costs a few milliseconds: worth it once more than a handful of files changed stamps.
        let blobs = missing.count > 8 ? git?() : nil
        hashes.changed = previous == nil || !missing.isEmpty || previous?.count != files.count
        for slice in slices(of: missing.count) {
            let found = Parallel.map(Array(missing[slice])) { index -> (UInt64, Entry, Bool) in
                let file = files[index]
                if let blob = blobs?[file.path] { return (Self.key(file.path), Entry(stamp: file.stamp, hash: blob), false) }
                let hash = source.contentHash(file.path, size: file.stamp.size) ?? UInt64.max
                return (Self.key(file.path), Entry(stamp: file.stamp, hash: hash), true)
            }
            for (key, entry, wasRead) in found {
                hashes.table[key] = entry
                if wasRead { hashes.read += 1 }
            }
        }
        return hashes
    }

    /// `0..<count` in slices of 16,384.
    private static func slices(of count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: 16_384).map { $0..<min($0 + 16_384, count) }
    }

    /// Path key, stamp and hash of each file, fixed-width numbers in little-endian order, in no
    /// particular order, handed over a megabyte at a time: a national site's table is 118 MB,
    /// and held as bytes beside the table (then a sealed copy) it was a third of the build's
    /// memory. The same table gives the same bytes in the same order each time.
    func encode(_ consume: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity((1 << 20) + 48)
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
        put(UInt64(table.count))
        for (key, entry) in table {
            put(key)
            put(entry.stamp.size)
            put(entry.stamp.modified)
            put(entry.stamp.changed)
            put(entry.stamp.inode)
            put(entry.hash)
            if buffer.count >= 1 << 20 {
                try buffer.withUnsafeBytes(consume)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try buffer.withUnsafeBytes(consume)
    }

    /// The table `encode` wrote; nil for bytes that do not read back whole.
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
        guard let count = take(UInt64.self), count <= UInt64(data.count / 48) else { return nil }
        table.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = take(UInt64.self), let size = take(Int64.self), let modified = take(Int64.self),
                  let changed = take(Int64.self), let inode = take(UInt64.self), let hash = take(UInt64.self) else { return nil }
            table[key] = Entry(stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode), hash: hash)
        }
        guard offset == data.endIndex else { return nil }
    }

    private init() {}
}
