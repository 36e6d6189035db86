import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoImport
import XiezuoOffice

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Say.text(.helpImport),
        subcommands: [ImportPlan.self, ImportProgress.self]
    )
}

struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: Say.text(.helpImportPlan)
    )

    @OptionGroup var options: SourceOptions

    @Option(help: Say.help(.helpPairing))
    var pairing: String

    @Option(help: Say.help(.helpYear))
    var year: Int

    @Option(help: Say.help(.helpOwner))
    var owner: String?

    @Option(help: Say.help(.helpTitle))
    var title: String?

    @Option(help: Say.help(.helpSheet))
    var sheet: String?

    @Option(help: Say.help(.helpTableNumber))
    var table: Int?

    @Flag(name: .customLong("with-text"), help: Say.help(.helpWithText))
    var withText = false

    @Argument(help: Say.help(.helpTableFile))
    var file: String

    func run() throws {
        let side = try owner.map { text -> Plan.Side in
            guard let side = Plan.Side(rawValue: text) else { throw Say.misuse(.badOwner) }
            return side
        }
        let loaded = loadContent(options)
        guard let pairing = loaded.content.pairing(pairing) else {
            throw Say.misuse(.unknownPairing, ["id": .text(self.pairing),
                                              "suggestion": Suggestion.didYouMean(self.pairing, among: loaded.content.pairings.map(\.id))])
        }
        let read = try readTable(file, sheet: sheet)
        guard let table = read.planTable(number: self.table) else {
            throw Say.misuse(self.table == nil ? .noPlanTable : .noSuchTable,
                             ["file": .text(file), "count": "\(read.tables.count)", "number": "\(self.table ?? 0)"])
        }
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let output = PlanImport(pairing: pairing, year: year, owner: side, title: title, text: withText ? read.paragraphs : [])
            .run(table, content: loaded.content) { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        if !output.problems.isEmpty, let layout = PlanTableImporter.layout(of: table) {
            Say.note(Say.text(.layoutNote, ["file": .text(table.file), "layout": .message(layout)]))
        }
        try finish(read.problems + output.problems, files: output.files, root: root,
                   summary: Say.text(.importedPlan, ["tasks": "\(output.tasks)", "indicators": "\(output.indicators)",
                                                     "side": .text(output.owner?.rawValue ?? "")]))
    }
}

struct ImportProgress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: Say.text(.helpImportProgress)
    )

    @OptionGroup var options: SourceOptions

    @Argument(help: Say.help(.helpSheets))
    var files: [String]

    func run() throws {
        let loaded = loadContent(options)
        guard !loaded.hasErrors else { throw Say.misuse(.contentHasErrors) }
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        var problems: [RowProblem] = []
        var records: [(path: String, text: String)] = []
        for file in files {
            let read = try readTable(file)
            problems += read.problems
            let reading = ProgressSheets.read(read.tables[0], content: loaded.content)
            problems += reading.problems
            guard let path = reading.path, let text = reading.text else { continue }
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
                || records.contains(where: { $0.path == path }) {
                problems.append(RowProblem(file: file, row: 2, message: Message(.recordExists, ["path": .text(path)])))
            } else {
                records.append((path, text))
            }
        }
        try finish(problems, files: records, root: root, summary: Say.text(.importedRecords, ["count": "\(records.count)"]))
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Say.text(.helpExport),
        subcommands: [ExportSheets.self]
    )
}

struct ExportSheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: Say.text(.helpExportSheets)
    )

    @OptionGroup var options: SourceOptions

    @Option(help: Say.help(.helpPlan))
    var plan: String

    @Option(help: Say.help(.helpSheetMonth))
    var month: String

    @Option(help: Say.help(.helpSheetsOutput))
    var output: String = "sheets"

    enum Format: String, ExpressibleByArgument, CaseIterable { case xlsx, csv }

    @Option(help: Say.help(.helpSheetFormat))
    var format: Format = .xlsx

    func run() throws {
        let loaded = loadContent(options)
        guard !loaded.hasErrors else { throw Say.misuse(.contentHasErrors) }
        guard let plan = loaded.content.plan(plan) else {
            throw Say.misuse(.unknownPlan, ["id": .text(self.plan), "suggestion": Suggestion.didYouMean(self.plan, among: loaded.content.plans.map(\.id))])
        }
        guard let day = Day(parsing: month + "-01") else { throw Say.misuse(.badMonth, ["text": .text(month)]) }
        let folder = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: options.source, isDirectory: true))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sheets = ProgressSheets.export(plan, content: loaded.content, month: day)
        for sheet in sheets {
            let data = format == .xlsx ? try ProgressWorkbook.data(sheet) : sheet.csv
            // A sheet already there (sent out, maybe filled in) is never replaced.
            let file = folder.appendingPathComponent(sheet.stem + "." + format.rawValue)
            guard !FileManager.default.fileExists(atPath: file.path) else { stop(Say.text(.sheetExists, ["path": .text(file.path)])) }
            try data.write(to: file)
        }
        print(Say.text(.wroteSheets, ["count": "\(sheets.count)", "output": .text(output)]))
    }
}

/// A table file of any kind the officials have (.xlsx, .docx, CSV, TSV).
func readTable(_ file: String, sheet: String? = nil) throws -> TableFile {
    guard let data = FileManager.default.contents(atPath: file) else { throw Say.misuse(.cannotReadTable, ["file": .text(file)]) }
    do {
        let read = try TableFile.read(data, file: file, sheet: sheet)
        guard !read.tables.isEmpty else { throw Say.misuse(.noPlanTable, ["file": .text(file), "count": "0"]) }
        return read
    } catch let problem as Table.Problem {
        stop(problem.line(in: Say.language))
    } catch let problem as OfficeProblem {
        stop("\(problem.file): " + Say.text(problem.message))
    }
}

/// Writes `files` only when no row had a problem, and never over an existing file.
func finish(_ problems: [RowProblem], files: [(path: String, text: String)], root: URL, summary: String) throws {
    for problem in problems { Say.note(problem.line(in: Say.language)) }
    guard problems.isEmpty else {
        Say.note(Say.text(.nothingWritten, ["count": "\(problems.count)"]))
        throw ExitCode.failure
    }
    for file in files {
        let url = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        print(Say.text(.wroteFile, ["path": .text(file.path)]))
    }
    print(Say.text(.importDone, ["summary": .text(summary)]))
}
