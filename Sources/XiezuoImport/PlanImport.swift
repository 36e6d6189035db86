import Foundation
import XiezuoCore

/// `xiezuo import plan`: a plan table in, the plan's content files out, or the rows that
/// could not be read. Decides the files; the command line writes them.
public struct PlanImport {
    public let pairing: Pairing
    public let year: Int
    public let owner: Plan.Side
    public let title: String?

    public init(pairing: Pairing, year: Int, owner: Plan.Side, title: String?) {
        self.pairing = pairing
        self.year = year
        self.owner = owner
        self.title = title
    }

    public var planID: String { "\(pairing.id)-\(year)" }

    public struct Output: Sendable {
        /// Paths relative to the site folder, and their text.
        public let files: [(path: String, text: String)]
        public let problems: [RowProblem]
        public let tasks: Int
        public let indicators: Int
    }

    /// `existing` says which files are already there: plan.md is written only when missing,
    /// and the table's own file never replaces one.
    public func run(_ table: Table, content: Content, existing: (String) -> Bool) -> Output {
        let regionID = owner == .helping ? pairing.helping : pairing.helped
        guard let region = content.region(regionID) else {
            return Output(files: [], problems: [RowProblem(file: table.file, row: 1,
                                                           message: "region '\(regionID)' of pairing \(pairing.id) is not in content/regions")],
                          tasks: 0, indicators: 0)
        }
        let (result, problems) = PlanTableImporter(region: region, year: year).read(table)
        guard problems.isEmpty, let result else { return Output(files: [], problems: problems, tasks: 0, indicators: 0) }
        let folder = "content/plans/\(planID)"
        let source = "# Imported by xiezuo import plan from \((table.file as NSString).lastPathComponent); check it against the document.\n"
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
            return Output(files: [], problems: [RowProblem(file: table.file, row: 1, message:
                "\(file) already exists; move it away first (nothing is overwritten)")], tasks: 0, indicators: 0)
        }
        if !existing("\(folder)/plan.md") {
            files.insert(("\(folder)/plan.md", planStub(region: region)), at: 0)
        }
        return Output(files: files, problems: [], tasks: tasks, indicators: indicators)
    }

    private func planStub(region: Region) -> String {
        """
        ---
        # Written by xiezuo import plan. Fill in the document's number, issuer and date, and declare
        # how the plan scores (docs/content-format.md, 计分办法): nothing here is guessed.
        pairing: \(pairing.id)
        year: \(year)
        title: \(title ?? "\(region.name) \(year) 年工作方案")
        owner: \(owner.rawValue)
        scoring:
          method: none
        ---
        # \(title ?? "\(region.name) \(year) 年工作方案")

        """
    }
}
