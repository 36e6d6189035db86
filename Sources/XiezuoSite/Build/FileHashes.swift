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
    private(set) var table = SortedHashTable<Entry>()
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
    /// The previous table is brought up to date in place, not copied: at a national scale each
    /// is 200 MB. The files go a slice at a time, each on every core: no list as long as the
    /// content is made beside the table (a national site has two and a half million files).
    static func make<Files: RandomAccessCollection>(_ files: Files, previous: consuming FileHashes?, listedAt: Int64?,
                                                    source: ContentSource, git: (() -> [String: UInt64]?)? = nil) -> FileHashes
    where Files.Element == (path: String, stamp: FileStamp), Files.Index == Int {
        let hadPrevious = previous != nil
        var hashes = (consume previous) ?? FileHashes()
        let previousCount = hashes.count
        hashes.read = 0
        // Which of the table's files are still listed: the others are gone, and leave it.
        var listed = [Bool](repeating: false, count: hashes.count)
        var missing: [Int] = []
        for slice in slices(of: files.count) {
            let found = Parallel.map(Array(slice)) { index -> (slot: Int?, current: Bool) in
                let file = files[index]
                guard let slot = hashes.table.index(of: Self.key(file.path)) else { return (nil, false) }
                let known = hashes.table.slots[slot].value
                guard known.stamp == file.stamp, let listedAt,
                      max(file.stamp.modified, file.stamp.changed) < listedAt - 2_000_000_000 else { return (slot, false) }
                return (slot, true)
            }
            for (index, (slot, current)) in zip(slice, found) {
                if let slot { listed[slot] = true }
                if !current { missing.append(index) }
            }
        }
        // Running git costs a few milliseconds: worth it once more than a handful of files changed stamps.
        let blobs = missing.count > 8 ? git?() : nil
        var added: [SortedHashTable<Entry>.Slot] = []
        added.reserveCapacity(missing.count)
        for slice in slices(of: missing.count) {
            let found = Parallel.map(Array(missing[slice])) { index -> (UInt64, Entry, Bool) in
                let file = files[index]
                if let blob = blobs?[file.path] { return (Self.key(file.path), Entry(stamp: file.stamp, hash: blob), false) }
                let hash = source.contentHash(file.path, size: file.stamp.size) ?? UInt64.max
                return (Self.key(file.path), Entry(stamp: file.stamp, hash: hash), true)
            }
            for (key, entry, wasRead) in found {
                if let slot = hashes.table.index(of: key) {
                    hashes.table.set(entry, at: slot)
                } else {
                    added.append(.init(key: key, value: entry))
                }
                if wasRead { hashes.read += 1 }
            }
        }
        let removed = listed.contains(false)
        if removed || !added.isEmpty {
            hashes.table.update(keeping: { $0 < listed.count && listed[$0] }, adding: consume added)
        }
        hashes.changed = !hadPrevious || !missing.isEmpty || removed || previousCount != hashes.count
        return hashes
    }

    /// `0..<count` in slices of 16,384.
    private static func slices(of count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: 16_384).map { $0..<min($0 + 16_384, count) }
    }

    /// Path key, stamp and hash of each file, fixed-width numbers in little-endian order, in key
    /// order, handed over a megabyte at a time: a national site's table is 118 MB, and held as
    /// bytes beside the table (then a sealed copy) it was a third of the build's memory.
    func encode(_ consume: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity((1 << 20) + 48)
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
        put(UInt64(table.count))
        for slot in table.slots {
            put(slot.key)
            put(slot.value.stamp.size)
            put(slot.value.stamp.modified)
            put(slot.value.stamp.changed)
            put(slot.value.stamp.inode)
            put(slot.value.hash)
            if buffer.count >= 1 << 20 {
                try buffer.withUnsafeBytes(consume)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try buffer.withUnsafeBytes(consume)
    }

    /// Reads what `encode` wrote from pieces of any size, as a file is read a megabyte at a
    /// time: a national table (118 MB) is not held as bytes beside the table made of it.
    struct Decoder {
        private var slots: [SortedHashTable<Entry>.Slot] = []
        /// The number of entries the bytes announce; nil until the first eight bytes came.
        private var expected: UInt64?
        /// The bytes of an entry cut by the end of a piece.
        private var carry: [UInt8] = []
        private var failed = false
        private static let entrySize = 48

        mutating func feed(_ piece: UnsafeRawBufferPointer) {
            var bytes = piece[...]
            while !failed, !bytes.isEmpty {
                let unit = expected == nil ? 8 : Self.entrySize
                if carry.isEmpty, bytes.count >= unit {
                    take(from: bytes.prefix(unit))
                    bytes = bytes.dropFirst(unit)
                    continue
                }
                let needed = unit - carry.count
                carry += bytes.prefix(needed)
                bytes = bytes.dropFirst(needed)
                guard carry.count == unit else { continue }
                let whole = carry
                carry.removeAll(keepingCapacity: true)
                whole.withUnsafeBytes { take(from: $0[...]) }
            }
        }

        /// One whole unit: the count (8 bytes) first, then entries of 48.
        private mutating func take(from bytes: Slice<UnsafeRawBufferPointer>) {
            func number<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
                T(littleEndian: bytes.base.loadUnaligned(fromByteOffset: bytes.startIndex + at, as: T.self))
            }
            guard let expected else {
                let count = number(0, UInt64.self)
                // A count no table of this size could have: damaged bytes, not a reason to reserve memory.
                guard count <= UInt64(Int32.max) else { failed = true; return }
                self.expected = count
                slots.reserveCapacity(Int(count))
                return
            }
            guard UInt64(slots.count) < expected else { failed = true; return }
            let stamp = FileStamp(size: number(8, Int64.self), modified: number(16, Int64.self),
                                  changed: number(24, Int64.self), inode: number(32, UInt64.self))
            slots.append(.init(key: number(0, UInt64.self), value: Entry(stamp: stamp, hash: number(40, UInt64.self))))
        }

        /// The table, when the bytes were exactly the entries they announced, each key once.
        consuming func finish() -> FileHashes? {
            guard !failed, carry.isEmpty, let expected, UInt64(slots.count) == expected,
                  let table = SortedHashTable(slots) else { return nil }
            var hashes = FileHashes()
            hashes.table = table
            hashes.changed = false
            return hashes
        }
    }

    private init() {}
}
