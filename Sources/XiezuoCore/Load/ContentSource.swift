import Foundation

/// Where content files come from. The loader reads only through this seam, so tests can
/// hand it files kept in memory and the engine never touches the disk by itself.
public protocol ContentSource: Sendable {
    /// Every regular file below `folder` (a path relative to the site folder), sorted,
    /// and the problems met while looking (a symbolic link loop, an unreadable folder).
    func files(under folder: String) -> FileListing
    /// The bytes of a file, refused when the file is larger than `limit`.
    func read(_ path: String, limit: Int) -> FileRead
}

public struct FileListing: Sendable {
    public var files: [String] = []
    public var problems: [(path: String, message: String)] = []

    public init(files: [String] = [], problems: [(path: String, message: String)] = []) {
        self.files = files
        self.problems = problems
    }
}

public enum FileRead: Sendable {
    case data(Data)
    case tooLarge(size: Int)
    case unreadable(String)
}

/// Content kept in memory, keyed by path relative to the site folder.
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
        return FileListing(files: contents.keys.filter { $0.hasPrefix(prefix) }.sorted())
    }

    public func read(_ path: String, limit: Int) -> FileRead {
        guard let data = contents[path] else { return .unreadable("no such file") }
        return data.count > limit ? .tooLarge(size: data.count) : .data(data)
    }
}

/// Content on disk below a site folder. Follows symbolic links, but never the same
/// folder twice, so a link loop is reported instead of walked forever.
public struct DiskContentSource: ContentSource {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func files(under folder: String) -> FileListing {
        var listing = FileListing()
        var visited = Set<String>()
        walk(relative: folder, into: &listing, visited: &visited)
        listing.files.sort()
        return listing
    }

    private func walk(relative: String, into listing: inout FileListing, visited: inout Set<String>) {
        let url = root.appendingPathComponent(relative)
        let canonical = url.resolvingSymlinksInPath().path
        guard visited.insert(canonical).inserted else {
            listing.problems.append((relative, "symbolic link loop: this folder was already read; remove the link"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            listing.problems.append((relative, "cannot read folder: \(error.localizedDescription)"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let child = relative + "/" + name
            var isFolder: ObjCBool = false
            let childURL = root.appendingPathComponent(child)
            guard FileManager.default.fileExists(atPath: childURL.path, isDirectory: &isFolder) else {
                listing.problems.append((child, "broken symbolic link: its target does not exist"))
                continue
            }
            if isFolder.boolValue {
                walk(relative: child, into: &listing, visited: &visited)
            } else {
                listing.files.append(child)
            }
        }
    }

    public func read(_ path: String, limit: Int) -> FileRead {
        let url = root.appendingPathComponent(path)
        // One stat (which follows symbolic links) before reading, so a huge file is refused
        // without being read.
        var status = stat()
        guard stat(url.path, &status) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        if Int(status.st_size) > limit { return .tooLarge(size: Int(status.st_size)) }
        do {
            return .data(try Data(contentsOf: url))
        } catch {
            return .unreadable(error.localizedDescription)
        }
    }
}
