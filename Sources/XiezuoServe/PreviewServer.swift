import FlyingFox
import Foundation
import XiezuoCore
import XiezuoSite

/// `xiezuo serve`: the site as a clerk edits it. Builds (the one build, into a folder of its own
/// with its cache, so a rebuild redoes only what changed), serves the result under the same
/// sub-path as production, watches content/ and templates/, rebuilds on each save, and has every
/// open page reload itself. While the content has errors every page is the list of them.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var host: String
        /// 0: any free port.
        public var port: UInt16
        /// Where the site is served, as in production: `/` or `/reports/`.
        public var basePath: String
        public var language: String
        public var searchTool: URL?

        public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000, basePath: String = "/",
                    language: String = "zh-CN", searchTool: URL? = nil) {
            self.root = root
            self.host = host
            self.port = port
            let trimmed = basePath.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            self.basePath = trimmed.isEmpty ? "/" : "/" + trimmed + "/"
            self.language = language
            self.searchTool = searchTool
        }
    }

    /// One line per build: what it did, or why it failed.
    public var log: @Sendable (String) -> Void = { _ in }

    private let options: Options
    private let board = BuildBoard()
    private let builds = DispatchQueue(label: "xiezuo-serve-build")
    private let lock = NSLock()
    private var wanted = false
    private var building = false
    private var server: HTTPServer?
    private var watcher: ContentWatcher?

    /// Where the site is served: `/` or `/reports/`.
    public var basePath: String { options.basePath }

    /// The preview's own output and cache, never the production `public/`.
    public var folder: URL { options.root.appendingPathComponent(".xiezuo-serve") }
    var output: URL { folder.appendingPathComponent("public") }

    public init(_ options: Options) {
        self.options = options
    }

    /// Builds once, starts serving and watching; returns the port it listens on.
    public func start() async throws -> UInt16 {
        await board.publish(failure: build())
        let server = HTTPServer(address: try .inet(ip4: options.host, port: options.port), logger: .disabled)
        await server.appendRoute("GET /__xiezuo/wait") { [board] request in
            let seen = Int(request.query["v"] ?? "") ?? -1
            let now = await board.wait(after: seen, timeout: .seconds(25))
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                                body: Data("\(now)".utf8))
        }
        await server.appendRoute("GET *") { [self] request in await respond(to: request) }
        self.server = server
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 10)
        let watcher = try ContentWatcher(folders: [options.root.appendingPathComponent("content"),
                                                   options.root.appendingPathComponent("templates")]) { [weak self] in
            self?.rebuildSoon()
        }
        watcher.start()
        self.watcher = watcher
        guard case .ip4(_, let port) = await server.listeningAddress else { return options.port }
        return port
    }

    public func stop() async {
        watcher?.stop()
        await server?.stop(timeout: 1)
    }

    /// The version of the site being served: it goes up with every build.
    public func version() async -> Int { await board.version }

    /// A build after a change; changes during a build make one more build after it.
    func rebuildSoon() {
        lock.lock()
        wanted = true
        let start = !building
        if start { building = true }
        lock.unlock()
        guard start else { return }
        builds.async { [self] in
            while true {
                lock.lock()
                guard wanted else {
                    building = false
                    lock.unlock()
                    return
                }
                wanted = false
                lock.unlock()
                let failure = build()
                // Published before the next build starts, from this queue's thread (never a
                // thread of the concurrency pool, which the wait would hold).
                let done = DispatchSemaphore(value: 0)
                Task { [board] in
                    await board.publish(failure: failure)
                    done.signal()
                }
                done.wait()
            }
        }
    }

    /// Builds the site into the preview's folder; the problems when it failed, nil when it did not.
    /// The language of the log and of the error page: the pages' language.
    private var messageLanguage: Language { Language(named: options.language) ?? .chinese }

    private func build() -> [Diagnostic]? {
        let started = Date()
        let destination = SiteDestination.folder(output, cache: folder.appendingPathComponent("cache"))
        let (made, problems) = SiteBuild.site(at: options.root, destination: destination, language: options.language,
                                              options: SiteOptions(baseURL: options.basePath, searchTool: options.searchTool))
        var failure: [Diagnostic]? = made == nil ? problems : nil
        if let build = made {
            do {
                let outcome = try build.run()
                if outcome.failed { failure = outcome.diagnostics }
                let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                log((outcome.failed ? Message(.serveBuildFailed, ["count": "\(outcome.diagnostics.filter { $0.severity == .error }.count)"])
                    : Message(.serveBuilt, ["seconds": .text(seconds), "rendered": "\(outcome.groupsRendered)", "groups": "\(outcome.groups)",
                                            "written": "\(outcome.files?.written ?? 0)"])).text(in: messageLanguage))
            } catch {
                failure = [Diagnostic(.error, at: SourceLocation(file: output.path), Message(.systemReason, ["reason": "\(error)"]))]
                log(Message(.serveBuildError, ["reason": .message((error as? MessageError)?.message ?? Message(.systemReason, ["reason": "\(error)"]))])
                    .text(in: messageLanguage))
            }
        }
        return failure
    }

    /// A file of the site, a page with the reload script, the error page, or a redirect to the
    /// site's sub-path.
    private func respond(to request: HTTPRequest) async -> HTTPResponse {
        let path = request.path.removingPercentEncoding ?? request.path
        guard path.hasPrefix(options.basePath) || path + "/" == options.basePath else {
            let headers: HTTPHeaders = [.location: options.basePath]
            return HTTPResponse(statusCode: .found, headers: headers)
        }
        let relative = path.count > options.basePath.count ? String(path.dropFirst(options.basePath.count)) : ""
        let segments = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // Nothing outside the site, nothing of xiezuo's own.
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".xiezuo-") }) else {
            return HTTPResponse(statusCode: .notFound)
        }
        var file = output.appendingPathComponent(segments.joined(separator: "/"))
        var isFolder: ObjCBool = false
        if relative.isEmpty || relative.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) && isFolder.boolValue) {
            file = file.appendingPathComponent("index.html")
        }
        let version = await board.version
        let reload = Self.reloadScript(version: version)
        if file.pathExtension == "html", let failure = await board.failure {
            return HTTPResponse(statusCode: .internalServerError,
                                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(ErrorPage.html(failure, root: options.root, reload: reload, language: messageLanguage).utf8))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("没有这个页面：\(path)".utf8))
        }
        let type = Self.types[file.pathExtension.lowercased()] ?? "application/octet-stream"
        var body = data
        if file.pathExtension == "html" {
            let text = String(decoding: data, as: UTF8.self)
            body = Data((text.range(of: "</body>", options: .backwards).map {
                text.replacingCharacters(in: $0, with: reload + "</body>")
            } ?? text + reload).utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// Waits for the next build and reloads the page; served pages only, never the built files.
    static func reloadScript(version: Int) -> String {
        """
        <script>(function () { var v = \(version); function wait() { fetch('/__xiezuo/wait?v=' + v, { cache: 'no-store' })
        .then(function (r) { return r.text(); }).then(function (t) { if (+t !== v) { location.reload(); } else { wait(); } })
        .catch(function () { setTimeout(wait, 1000); }); } wait(); })();</script>
        """
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "application/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml",
        "wasm": "application/wasm", "txt": "text/plain; charset=utf-8",
    ]
}
