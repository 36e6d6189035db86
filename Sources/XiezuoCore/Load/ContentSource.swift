import Foundation

/// Where content files come from. The loader reads only through this seam, so tests can
/// hand it files kept in memory and the engine never touches the disk by itself.
public protocol ContentSource: Sendable {
    /// Every regular file below `folder` (a path relative to the site folder), sorted, with
    /// its stamp, and the problems met while looking (a symbolic link loop, an unreadable folder).
    func files(under folder: String) -> FileListing
    /// The bytes of a file, refused when the file is larger than `limit`.
    func read(_ path: String, limit: Int) -> FileRead
    /// The content hash of a file (ContentHash of its bytes), nil when it cannot be read.
    /// `size`: what the listing said, a hint.
    func contentHash(_ path: String, size: Int64) -> UInt64?
}

/// What a file looked like when it was listed: enough to tell on the next build, without
/// reading it, that it has not changed — the test make and git use. An editor's save, a copy
/// or a `git checkout` changes the size, a time or the inode.
extension ContentSource {
    public func contentHash(_ path: String, size: Int64) -> UInt64? {
        if case .data(let data) = read(path, limit: Int.max) { return ContentHash.of(data) }
        return nil
    }
}

public struct FileStamp: Hashable, Sendable, Codable {
    public let size: Int64
    /// Modification and status-change times, nanoseconds since 1970.
    public let modified: Int64
    public let changed: Int64
    public let inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }
}

/// The files below a folder, in sorted order, with their stamps.
public struct FileListing: Sendable {
    /// The files in pieces, as the folders were walked on every core: joined into one, a
    /// national listing (two and a half million files) was held twice at once.
    private var pieces: [Piece] = [Piece()]
    public var problems: [(path: String, message: Message)] = []

    /// Paths packed (PackedStrings), and the stamp of each in the same order (an array:
    /// hashing a quarter of a million paths into a dictionary was a measurable part of a rebuild).
    private struct Piece: Sendable {
        var files = PackedStrings()
        var stamps: [FileStamp] = []
    }

    public init(files: [String] = [], problems: [(path: String, message: Message)] = [], stamps: [FileStamp] = []) {
        pieces = [Piece(files: PackedStrings(files), stamps: stamps)]
        self.problems = problems
    }

    /// Every file's path and stamp, in order.
    public var entries: some Sequence<(path: String, stamp: FileStamp)> {
        pieces.lazy.flatMap { piece in zip(piece.files, piece.stamps).lazy.map { (path: $0, stamp: $1) } }
    }

    public var files: some Sequence<String> { pieces.lazy.flatMap(\.files) }

    /// Every file's path and stamp, in order, each piece let go as soon as it is read: a
    /// national listing is not held whole beside what is made of it.
    public mutating func drain(_ body: (_ path: String, _ stamp: FileStamp) -> Void) {
        for index in pieces.indices {
            let piece = pieces[index]
            pieces[index] = Piece()
            for (path, stamp) in zip(piece.files, piece.stamps) { body(path, stamp) }
        }
    }

    public var isEmpty: Bool { pieces.allSatisfy { $0.stamps.isEmpty } }

    /// Adds a file: `folder`/`name`, its path made only when it is read.
    mutating func append(folder: String, name: String, stamp: FileStamp) {
        pieces[pieces.count - 1].files.append(joining: folder, "/", name)
        pieces[pieces.count - 1].stamps.append(stamp)
    }

    /// Adds the files and problems of a listing of the folders that follow, sharing its storage.
    mutating func append(contentsOf other: FileListing) {
        pieces += other.pieces
        pieces.append(Piece())
        problems += other.problems
    }
}

public enum FileRead: Sendable, Equatable {
    case data(Data)
    case tooLarge(size: Int)
    case unreadable(Message)
}

/// Content kept in memory, keyed by path relative to the site folder. A file's stamp is its
/// size and a hash of its bytes (in place of the inode; its times are zero), so a change of
/// content is a change of stamp.
public struct MemoryContentSource: ContentSource {
    public var contents: [String: Data]

    public init(_ files: [String: String]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) {
        contents = data
    }

    public func files(under folder: String) -> FileListing {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let files = contents.keys.filter { $0.hasPrefix(prefix) }.sorted()
        return FileListing(files: files, stamps: files.map { path in
            let data = contents[path]!
            return FileStamp(size: Int64(data.count), modified: 0, changed: 0, inode: ContentHash.of(data))
        })
    }

    public func read(_ path: String, limit: Int) -> FileRead {
        guard let data = contents[path] else { return .unreadable(Message(.noSuchFile)) }
        return data.count > limit ? .tooLarge(size: data.count) : .data(data)
    }
}

/// Content on disk below a site folder. Follows symbolic links, but never the same
/// folder twice, so a link loop is reported instead of walked forever.
public struct DiskContentSource: ContentSource {
    public let root: URL
    /// `root` as a plain path: files are opened by path, a quarter of a million per build at a
    /// province's scale, and building a URL for each was 4 % of loading.
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    public func files(under folder: String) -> FileListing {
        var listing = FileListing()
        var visited = Set<String>()
        walk(relative: folder, into: &listing, visited: &visited, depth: 0)
        return listing
    }

    /// One folder, its entries sorted so that a depth-first walk lists paths in sorted order
    /// (a folder sorts as its name followed by "/"), without sorting the whole list at the end.
    /// The many folders of `content/plans/` are walked on every core: a rebuild lists every
    /// file, and at a province's scale that is a quarter of a million.
    private func walk(relative: String, into listing: inout FileListing, visited: inout Set<String>, depth: Int) {
        let path = root.path + "/" + relative
        let canonical = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard visited.insert(canonical).inserted else {
            listing.problems.append((relative, Message(.linkLoop)))
            return
        }
        guard let folder = opendir(path) else {
            listing.problems.append((relative, Message(.unreadableFolder, ["reason": .message(.system(errno))])))
            return
        }
        var entries: [(key: String, name: String, stamp: FileStamp?)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            var status = stat()
            // Without AT_SYMLINK_NOFOLLOW, fstatat follows symbolic links: a link to a folder is
            // walked, a broken link reported. Relative to the open folder, so that the kernel
            // does not walk the whole path again for each of a quarter of a million files.
            guard fstatat(dirfd(folder), name, &status, 0) == 0 else {
                listing.problems.append((relative + "/" + name, Message(.brokenLink)))
                continue
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                entries.append((name + "/", name, nil))
            } else if status.st_mode & S_IFMT == S_IFREG {
                entries.append((name, name, FileStamp(status)))
            } else {
                // Opening a named pipe waits for a writer forever; a device or socket is no content.
                listing.problems.append((relative + "/" + name, Message(.specialFile)))
            }
        }
        closedir(folder)
        entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let folders = entries.filter { $0.stamp == nil }.count
        if depth < 2 && folders >= 16 {
            // Each branch knows the folders above it, so a link back up is still found.
            let above = visited
            let branches = Parallel.map(entries) { entry -> FileListing? in
                guard entry.stamp == nil else { return nil }
                var branch = FileListing()
                var seen = above
                walk(relative: relative + "/" + entry.name, into: &branch, visited: &seen, depth: depth + 1)
                return branch
            }
            for (entry, branch) in zip(entries, branches) {
                if let stamp = entry.stamp {
                    listing.append(folder: relative, name: entry.name, stamp: stamp)
                } else if let branch {
                    listing.append(contentsOf: branch)
                }
            }
            return
        }
        for entry in entries {
            if let stamp = entry.stamp {
                listing.append(folder: relative, name: entry.name, stamp: stamp)
            } else {
                walk(relative: relative + "/" + entry.name, into: &listing, visited: &visited, depth: depth + 1)
            }
        }
    }

    /// The hash of a file's bytes, read into one buffer of the size the listing gave (plus one
    /// byte, to see a file that grew) and hashed where it lies: a fresh clone's build hashes every
    /// content file, a quarter of a million at national scale.
    public func contentHash(_ path: String, size: Int64) -> UInt64? {
        let descriptor = open(rootPath + "/" + path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var capacity = max(Int(size) + 1, 4096)
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            if filled == capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                larger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = Foundation.read(descriptor, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        var hash = ContentHash()
        hash.combine(UnsafeRawBufferPointer(start: buffer, count: filled))
        return hash.value
    }

    /// Opens the file once and asks the open file its size, so a huge file is refused without
    /// being read, then reads it whole. (A stat by path and then `Data(contentsOf:)`, which
    /// opens and stats again, looked the path up three times.)
    public func read(_ path: String, limit: Int) -> FileRead {
        // Non-blocking, so that a named pipe put in place of a file since the listing cannot
        // hold the build: it is refused below, as anything that is not a regular file.
        let descriptor = open(rootPath + "/" + path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .unreadable(.system(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(.system(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .unreadable(Message(.notRegularFile))
        }
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size: size) }
        var data = Data(count: size)
        var filled = 0
        let failure: Int32? = data.withUnsafeMutableBytes { buffer in
            while filled < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }
                filled += count
            }
            return nil
        }
        if let failure { return .unreadable(.system(failure)) }
        // A file that shrank since its size was asked is what was there.
        if filled < size { data.count = filled }
        return .data(data)
    }
}

extension FileStamp {
    /// The stamp of the file at `path` (following symbolic links), nil when there is none.
    public static func of(path: String) -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStamp(status)
    }

    /// The stamp of an open file.
    public static func of(descriptor: Int32) -> FileStamp? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return FileStamp(status)
    }

    init(_ status: stat) {
        // The nanosecond times are named differently on Linux and on Darwin.
        #if canImport(Glibc) || canImport(Musl)
        let (modified, changed) = (status.st_mtim, status.st_ctim)
        #else
        let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #endif
        self.init(size: Int64(status.st_size),
                  modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                  changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
                  inode: UInt64(status.st_ino))
    }
}
