import Foundation
import XiezuoCore

/// `xiezuo import plan`: a plan table in, the plan's content files out, or the rows that
/// could not be read. Decides the files; the command line writes them.
public struct PlanImport {
    public let pairing: Pairing
    public let year: Int
    /// Whose units carry the tasks; nil: the side whose region has the table's units.
    public let owner: Plan.Side?
    public let title: String?
    /// The plan's text (a document's paragraphs), for the body of a new plan.md.
    public let text: [String]

    public init(pairing: Pairing, year: Int, owner: Plan.Side?, title: String?, text: [String] = []) {
        self.pairing = pairing
        self.year = year
        self.owner = owner
        self.title = title
        self.text = text
    }

    public var planID: String { "\(pairing.id)-\(year)" }

    public struct Output: Sendable {
        /// Paths relative to the site folder, and their text.
        public let files: [(path: String, text: String)]
        public let problems: [RowProblem]
        public let tasks: Int
        public let indicators: Int
        /// The side whose units carry the tasks, as given or as found.
        public var owner: Plan.Side? = nil
    }

    /// `existing` says which files are already there: plan.md is written only when missing,
    /// and the table's own file never replaces one.
    public func run(_ table: Table, content: Content, existing: (String) -> Bool) -> Output {
        func region(_ side: Plan.Side) -> Region? { content.region(side == .helping ? pairing.helping : pairing.helped) }
        func read(_ side: Plan.Side) -> (PlanTableImporter.Result?, [RowProblem])? {
            region(side).map { PlanTableImporter(region: $0, year: year).read(table) }
        }
        let sides: [Plan.Side] = owner.map { [$0] } ?? [.helping, .helped]
        let readings = sides.map { ($0, read($0)) }
        var clean = readings.filter { $0.1.map { $0.1.isEmpty && $0.0 != nil } ?? false }
        // Both sides have units of these names: the side that carried the pairing's earlier
        // plans, when they all agree, settles it.
        let earlier = Set(content.plans.filter { $0.pairing == pairing.id && $0.year != year }.map(\.owner))
        if owner == nil, clean.count == 2, earlier.count == 1, let side = earlier.first {
            clean = clean.filter { $0.0 == side }
        }
        // Not said whose units they are: the side whose region has them all.
        if owner == nil, clean.count == 2 {
            return Output(files: [], problems: [RowProblem(file: table.file, row: 1, message: Message(.ownerTie, [
                "pairing": .text(pairing.id), "helping": .text(region(.helping)?.name ?? pairing.helping),
                "helped": .text(region(.helped)?.name ?? pairing.helped)]))], tasks: 0, indicators: 0)
        }
        // Neither side has them all: the side that knows most of them tells what is wrong.
        let closest = readings.min { ($0.1?.1.count ?? Int.max) < ($1.1?.1.count ?? Int.max) }
        guard let (side, reading) = clean.first ?? closest, let reading, let region = region(side) else {
            let missing = sides.map { $0 == .helping ? pairing.helping : pairing.helped }.filter { content.region($0) == nil }
            return Output(files: [], problems: [RowProblem(file: table.file, row: 1, message: Message(.pairingRegionMissing, [
                "region": .text(missing.first ?? ""), "pairing": .text(pairing.id)]))], tasks: 0, indicators: 0)
        }
        let (result, problems) = reading
        guard problems.isEmpty, let result else {
            // Given the wrong side: the table's units are the other side's.
            let other: Plan.Side = side == .helping ? .helped : .helping
            if owner != nil, let otherReading = read(other), otherReading.1.isEmpty, otherReading.0 != nil {
                return Output(files: [], problems: [RowProblem(file: table.file, row: 1, message: Message(.wrongOwner, [
                    "region": .text(self.region(other, in: content)?.name ?? ""), "side": .text(other.rawValue),
                    "pairing": .text(pairing.id), "given": .text(region.name)]))],
                              tasks: 0, indicators: 0)
            }
            return Output(files: [], problems: problems, tasks: 0, indicators: 0)
        }
        let folder = "content/plans/\(planID)"
        let source = "# 由 xiezuo import plan 从 \((table.file as NSString).lastPathComponent) 导入；请与原文件逐项核对。\n"
        var files: [(String, String)] = []
        var tasks = 0
        var indicators = 0
        switch result {
        case .tasks(let sections):
            files.append(("\(folder)/tasks.yaml", ContentYAML.tasks(sections, header: source)))
            tasks = sections.reduce(0) { $0 + $1.allTasks.count }
        case .indicators(let list):
            files.append(("\(folder)/indicators.yaml", ContentYAML.indicators(list, header: source)))
            indicators = list.count
        }
        if let file = files.first?.0, existing(file) {
            return Output(files: [], problems: [RowProblem(file: table.file, row: 1, message: Message(.fileExists, ["file": .text(file)]))],
                          tasks: 0, indicators: 0)
        }
        if !existing("\(folder)/plan.md") {
            files.insert(("\(folder)/plan.md", planStub(region: region, owner: side)), at: 0)
        }
        return Output(files: files, problems: [], tasks: tasks, indicators: indicators, owner: side)
    }

    private func region(_ side: Plan.Side, in content: Content) -> Region? {
        content.region(side == .helping ? pairing.helping : pairing.helped)
    }

    private func planStub(region: Region, owner: Plan.Side) -> String {
        // The document's paragraphs as Markdown paragraphs; a line that Markdown would read as
        // a heading, a list or a quote is escaped, so the text shows as written.
        let body = text.map { paragraph in
            paragraph.first.map { "#>-+*".contains($0) } == true ? "\\" + paragraph : paragraph
        }.joined(separator: "\n\n")
        return """
        ---
        # 由 xiezuo import plan 生成。请补上文号、发文单位和日期，并写明计分办法
        # （见 docs/content-format.md“计分办法”）：这里没有任何猜测的内容。
        pairing: \(pairing.id)
        year: \(year)
        title: \(title ?? "\(region.name) \(year) 年工作方案")
        owner: \(owner.rawValue)
        scoring:
          method: none
        ---
        # \(title ?? "\(region.name) \(year) 年工作方案")

        """ + (body.isEmpty ? "" : body + "\n")
    }
}
