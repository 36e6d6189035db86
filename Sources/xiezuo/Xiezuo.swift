import ArgumentParser

@main
struct Xiezuo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xiezuo",
        abstract: "Builds report sites for pairing-assistance plans (协作) from Markdown and YAML content.",
        subcommands: [BuildCommand.self, CheckCommand.self, ReportCommand.self, BriefCommand.self, ServeCommand.self, ImportCommand.self, ExportCommand.self]
    )
}

/// Options shared by every command that reads a site folder.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder holding content/ and templates/.")
    var source: String = "."
}
