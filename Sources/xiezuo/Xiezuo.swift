import ArgumentParser
import XiezuoCore
import XiezuoSite

@main
struct Xiezuo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xiezuo",
        abstract: Say.text(.helpXiezuo),
        subcommands: [BuildCommand.self, CheckCommand.self, ReportCommand.self, BriefCommand.self, ServeCommand.self, ImportCommand.self, ExportCommand.self]
    )
}

/// Options shared by every command that reads a site folder.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: Say.help(.helpSource))
    var source: String = "."

    /// Read before parsing by `Say.language`; here so that it is accepted, checked and shown in help.
    @Option(help: Say.help(.helpLanguage))
    var language: String?

    func validate() throws {
        if let language, Language(named: language) == nil {
            throw Say.misuse(.badLanguage, ["given": .text(language), "choices": .text(Strings.languages.joined(separator: ", "))])
        }
    }

    /// The pages' language: `--language` when given, else Chinese. Never the locale's, so that
    /// the same content makes the same site on every machine.
    var pageLanguage: String { language.flatMap(Language.init(named:))?.rawValue ?? Language.chinese.rawValue }
}
