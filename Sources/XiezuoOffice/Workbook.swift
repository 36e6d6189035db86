import Foundation
import XiezuoCore

/// A workbook to write, described as values: sheets of cells with their looks, merged ranges,
/// drop-down lists, protection and print setup. `WorkbookWriter` turns it into .xlsx bytes.
public struct Workbook: Sendable {
    public var sheets: [Sheet]
    /// The creation date the file records. Fixed by the caller (the as-of date), so the same
    /// workbook is the same bytes whenever it is written.
    public var created: Date
    public var title: String

    public init(title: String, created: Date, sheets: [Sheet] = []) {
        self.title = title
        self.created = created
        self.sheets = sheets
    }

    /// A workbook that records `day` (midnight, UTC) as its creation date: the date its
    /// figures are as of, so that the same figures are the same file.
    public init(title: String, createdOn day: Day, sheets: [Sheet] = []) {
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        self.init(title: title, created: calendar.date(from: components)!, sheets: sheets)
    }
}

public struct Sheet: Sendable {
    /// At most 31 characters, none of []:*?/\ (Excel's rules); `WorkbookWriter` makes it so.
    public var name: String
    public var cells: [Position: Cell] = [:]
    public var merges: [Range] = []
    public var columnWidths: [Int: Double] = [:]
    public var rowHeights: [Int: Double] = [:]
    /// What a cell may hold (a choice of a list, a number), with the message shown for anything else.
    public var rules: [Rule] = []
    /// Rows repeated at the top of every printed page (0-based, inclusive).
    public var printTitleRows: ClosedRange<Int>?
    public var frozenRows = 0
    public var landscape = false
    /// Locked cells cannot be changed; cells whose style is unlocked stay open.
    public var protected = false
    /// Printed in the page's header, centred (Excel's &C codes are not interpreted).
    public var header: String?

    public init(name: String) { self.name = name }

    public struct Position: Hashable, Sendable, Comparable {
        public let row: Int
        public let column: Int
        public init(_ row: Int, _ column: Int) { self.row = row; self.column = column }
        public static func < (a: Position, b: Position) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    public struct Range: Sendable {
        public let first: Position
        public let last: Position
        public init(_ first: Position, _ last: Position) { self.first = first; self.last = last }
    }

    public struct Rule: Sendable {
        public enum Kind: Sendable {
            /// One of these texts, chosen from a drop-down.
            case list([String])
            case wholeNumberAtLeast(Double)
            case decimalAtLeast(Double)
        }
        public let range: Range
        public let kind: Kind
        public let errorTitle: String
        public let errorMessage: String
        public init(range: Range, kind: Kind, errorTitle: String, errorMessage: String) {
            self.range = range
            self.kind = kind
            self.errorTitle = errorTitle
            self.errorMessage = errorMessage
        }
    }

    /// How wide `text` shows in a column, in Excel's character widths: a Chinese character is two.
    public static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
    }

    public subscript(row: Int, column: Int) -> Cell? {
        get { cells[Position(row, column)] }
        set { cells[Position(row, column)] = newValue }
    }
}

public struct Cell: Sendable {
    public enum Value: Sendable { case text(String), number(Double), blank }
    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, _ style: CellStyle = CellStyle()) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, _ style: CellStyle = CellStyle()) -> Cell { Cell(.text(text), style) }
}

public struct CellStyle: Hashable, Sendable {
    public var bold = false
    public var fontSize: Double?
    /// 0xRRGGBB.
    public var fill: UInt32?
    public var fontColor: UInt32?
    /// An Excel number format, e.g. `0.00` or `0.0"%"`.
    public var numberFormat: String?
    /// When the sheet is protected, whether this cell may be changed.
    public var unlocked = false
    public var wrap = false
    public var border = false
    public var centred = false

    public init() {}

    /// A table's header cell: bold, on grey, framed, centred, wrapped.
    public static let columnHeader: CellStyle = {
        var style = CellStyle()
        style.bold = true
        style.fill = 0xE4E7EB
        style.border = true
        style.centred = true
        style.wrap = true
        return style
    }()
}
