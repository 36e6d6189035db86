import Foundation
import XiezuoCore

/// A cell that could not be read, with what to write instead.
struct CellProblem: Error {
    let message: Message
}

/// The cells of a task row that both task-list layouts read the same way.
struct TaskCells {
    let columns: Columns
    let year: Int?

    /// 分值, when given; the problem's message otherwise.
    func points(_ row: Table.Row) -> Result<Decimal?, CellProblem> {
        let text = row.cell(columns.index["points"])
        guard !text.isEmpty else { return .success(nil) }
        switch NumberReading.number(text) {
        case .success(let value): return .success(value)
        case .failure(let problem):
            return .failure(CellProblem(message: Message(.cellProblem, ["column": "分值",
                                                                        "problem": .message(problem.message(for: text, in: columns.noteColumn))])))
        }
    }

    /// 分值 and 完成时限 read together, with every problem of the two (a row that has both wrong
    /// is told both at once).
    func pointsAndDeadline(_ row: Table.Row) -> (points: Decimal?, deadline: Day?, problems: [Message]) {
        let (points, deadline) = (self.points(row), self.deadline(row))
        let problems = [points.failureMessage, deadline.failureMessage].compactMap { $0 }
        return (try? points.get() ?? nil, try? deadline.get() ?? nil, problems)
    }

    /// 完成时限, when given, as plans write dates (11月底前 in the plan's year).
    func deadline(_ row: Table.Row) -> Result<Day?, CellProblem> {
        let text = row.cell(columns.index["deadline"])
        guard !text.isEmpty else { return .success(nil) }
        switch DateReading.read(text, year: year) {
        case .success(let day): return .success(day)
        case .failure(let problem):
            return .failure(CellProblem(message: Message(.cellDateAdvice, ["column": "完成时限", "text": .text(text),
                                                                           "advice": .message(problem.advice)])))
        }
    }

    /// The rows of the list: those below the header, not blank, not a header repeated at a page break.
    static func rows(of table: Table, after headerRow: Int, columns: Columns) -> [Table.Row] {
        table.rows.filter { $0.number > headerRow && !$0.isEmpty && !columns.isHeader($0) }
    }
}

/// A section of a task list while its rows are read.
struct GatheredSection {
    let number: String?
    let title: String
    var tasks: [PlanTask] = []
    let location: SourceLocation

    /// The sections read, numbered in order.
    static func sections(_ gathered: [GatheredSection]) -> [Section] {
        gathered.enumerated().map { index, section in
            Section(id: "\(index + 1)", number: section.number, title: section.title, sections: [], tasks: section.tasks,
                    location: section.location)
        }
    }
}

extension Result where Failure == CellProblem {
    var failureMessage: Message? { if case .failure(let problem) = self { problem.message } else { nil } }
}
