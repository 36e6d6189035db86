import Foundation
import PackagePlugin

/// Embeds the repository's templates/ folder (the default look) into the XiezuoSite module, so
/// the binary carries it and a site folder needs only the templates it changes.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        let files = (FileManager.default.subpaths(atPath: folder.path) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix("README.md") }
            .map { folder.appending(path: $0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding templates/ into \(target.name)",
            executable: try context.tool(named: "embed-templates").url,
            arguments: [folder.path, output.path],
            inputFiles: files,
            outputFiles: [output]
        )]
    }
}
