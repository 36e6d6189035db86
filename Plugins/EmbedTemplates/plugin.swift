import Foundation
import PackagePlugin

/// Embeds the repository's templates/ folder (the default look) into the XiezuoSite module, so
/// the binary carries it and a site folder needs only the templates it changes; and the
/// program's identity: a digest of the sources that decide what a build writes, so that a build
/// cache is trusted by the same program built anywhere (another clone, another folder) and by
/// no other.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folder = root.appending(path: "templates")
        let templates = Self.files(below: folder) { !$0.hasSuffix("README.md") }
        // What decides a page's bytes: the engine, the site code, and the parts' versions.
        let sources = ["Sources/XiezuoCore", "Sources/XiezuoSite", "Sources/CMark"]
            .flatMap { Self.files(below: root.appending(path: $0)) { _ in true } }
            + ["Package.swift", "Package.resolved"].map { root.appending(path: $0) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        let tool = try context.tool(named: "embed-templates").url
        let embedded = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates.swift")
        let identity = context.pluginWorkDirectoryURL.appending(path: "ProgramIdentity.swift")
        return [
            .buildCommand(displayName: "Embedding templates/ into \(target.name)", executable: tool,
                          arguments: [folder.path, embedded.path], inputFiles: templates, outputFiles: [embedded]),
            .buildCommand(displayName: "Digesting the sources of \(target.name)", executable: tool,
                          arguments: ["--identity", root.path, identity.path] + sources.map(\.path),
                          inputFiles: sources, outputFiles: [identity]),
        ]
    }

    /// The regular files below `folder` that `keep` accepts, hidden ones left out, in path order.
    static func files(below folder: URL, keep: (String) -> Bool) -> [URL] {
        (FileManager.default.subpaths(atPath: folder.path) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") && keep($0) }
            .map { folder.appending(path: $0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
