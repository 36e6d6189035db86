import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn tables officials already have into content files.",
        subcommands: [ImportPlan.self, ImportProgress.self]
    )
}

struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Read a plan's task list or indicator table (TSV or CSV; UTF-8 or GB18030) into content/plans/."
    )

    @OptionGroup var options: SourceOptions

    @Option(help: "The pairing the plan belongs to (a file name in content/pairings/).")
    var pairing: String

    @Option(help: "The plan's year.")
    var year: Int

    @Option(help: "Whose units carry the tasks: helping or helped. Default: the side whose region has the table's units.")
    var owner: String?

    @Option(help: "The plan's title, for a new plan.md.")
    var title: String?

    @Argument(help: "The table file.")
    var file: String

    func run() throws {
        let side = try owner.map { text -> Plan.Side in
            guard let side = Plan.Side(rawValue: text) else { throw ValidationError("--owner must be helping or helped") }
            return side
        }
        let loaded = loadContent(options)
        guard let pairing = loaded.content.pairing(pairing) else {
            throw ValidationError("unknown pairing '\(self.pairing)'"
                                  + Suggestion.didYouMean(self.pairing, among: loaded.content.pairings.map(\.id)))
        }
        let table = try readTable(file)
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let output = PlanImport(pairing: pairing, year: year, owner: side, title: title)
            .run(table, content: loaded.content) { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        try finish(output.problems, files: output.files, root: root,
                   summary: "imported \(output.tasks) tasks and \(output.indicators) indicators, carried by the "
                       + "\(output.owner?.rawValue ?? "") side's units")
    }
}

struct ImportProgress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Read filled progress sheets back into progress records."
    )

    @OptionGroup var options: SourceOptions

    @Argument(help: "Filled sheets (CSV), as made by 'xiezuo export sheets'.")
    var files: [String]

    func run() throws {
        let loaded = loadContent(options)
        guard !loaded.hasErrors else { throw ValidationError("the content has errors; run 'xiezuo check' first") }
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        var problems: [RowProblem] = []
        var records: [(path: String, text: String)] = []
        for file in files {
            let reading = ProgressSheets.read(try readTable(file), content: loaded.content)
            problems += reading.problems
            guard let path = reading.path, let text = reading.text else { continue }
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
                || records.contains(where: { $0.path == path }) {
                problems.append(RowProblem(file: file, row: 2, message: "\(path) already exists: this unit has "
                                           + "reported this month; correct that file instead"))
            } else {
                records.append((path, text))
            }
        }
        try finish(problems, files: records, root: root, summary: "imported \(records.count) progress records")
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write tables to send out.",
        subcommands: [ExportSheets.self]
    )
}

struct ExportSheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "Write one progress sheet (CSV for Excel) per responsible unit of a plan, for a month."
    )

    @OptionGroup var options: SourceOptions

    @Option(help: "The plan (a folder name in content/plans/).")
    var plan: String

    @Option(help: "The month the sheets report on, YYYY-MM.")
    var month: String

    @Option(help: "Where to write the sheets.")
    var output: String = "sheets"

    func run() throws {
        let loaded = loadContent(options)
        guard !loaded.hasErrors else { throw ValidationError("the content has errors; run 'xiezuo check' first") }
        guard let plan = loaded.content.plan(plan) else {
            throw ValidationError("unknown plan '\(self.plan)'" + Suggestion.didYouMean(self.plan, among: loaded.content.plans.map(\.id)))
        }
        guard let day = Day(parsing: month + "-01") else { throw ValidationError("--month must be written YYYY-MM") }
        let folder = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: options.source, isDirectory: true))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sheets = ProgressSheets.export(plan, content: loaded.content, month: day)
        for sheet in sheets { try sheet.data.write(to: folder.appendingPathComponent(sheet.name)) }
        print("wrote \(sheets.count) sheets into \(output)/")
    }
}

func readTable(_ file: String) throws -> Table {
    guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
    do {
        return try Table.decode(data, file: file)
    } catch {
        throw ValidationError("\(error)")
    }
}

/// Writes `files` only when no row had a problem, and never over an existing file.
func finish(_ problems: [RowProblem], files: [(path: String, text: String)], root: URL, summary: String) throws {
    for problem in problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
    guard problems.isEmpty else {
        FileHandle.standardError.write(Data("nothing written: \(problems.count) rows could not be read\n".utf8))
        throw ExitCode.failure
    }
    for file in files {
        let url = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        print("wrote \(file.path)")
    }
    print(summary + "; run 'xiezuo check' to see the result in context")
}
