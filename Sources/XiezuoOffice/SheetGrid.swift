/// One worksheet's cells as text, the way a table importer reads them: rows by the number the
/// spreadsheet shows, numbers as written, dates as YYYY-MM-DD, formulas by the values Excel
/// saved for them. A merged range gives its value to each of its rows, in its first column (a
/// unit named once beside its tasks is each task's unit; a heading across the table stays one).
public struct SheetGrid: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// 1-based, as the spreadsheet numbers it.
        public let number: Int
        public let cells: [String]
    }

    /// A cell that holds no value to read: a formula never computed, or one that failed.
    public struct CellProblem: Sendable, Equatable {
        public let row: Int
        public let message: Message
    }

    public let name: String
    public let rows: [Row]
    public let problems: [CellProblem]
}

import XiezuoCore
