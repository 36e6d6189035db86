import Foundation

/// A progress report (进展, 台账) as its file says it: cumulative actual values, task states,
/// evidence and a note, by a unit named as the author wrote it. The load stage makes these;
/// only the validator turns one into a `ProgressRecord`, once the unit is known.
public struct RecordDraft: Sendable {
    public let plan: String
    public let unit: UnitReference
    public let date: Day
    public let values: [ReportedValue]
    public let tasks: [TaskReport]
    /// Markdown.
    public let note: String
    /// The note as HTML (`Markdown.read`), headings at the levels written.
    public let noteHTML: String
    /// Sample data made up for demonstration; every page built from it says so.
    public let sample: Bool
    public let location: SourceLocation
    public let dateLocation: SourceLocation

    public init(plan: String, unit: UnitReference, date: Day, values: [ReportedValue], tasks: [TaskReport],
                note: String, noteHTML: String? = nil, sample: Bool, location: SourceLocation, dateLocation: SourceLocation) {
        self.plan = plan
        self.unit = unit
        self.date = date
        self.values = values
        self.tasks = tasks
        self.note = note
        // The loader gives the HTML from the reading that checked the note; made here otherwise.
        self.noteHTML = noteHTML ?? Markdown.read(note).html
        self.sample = sample
        self.location = location
        self.dateLocation = dateLocation
    }
}

/// A record whose date could not be read (that error is reported where the date is written):
/// no progress is taken from it, but the unit, indicators and tasks it names are still checked,
/// so that a file's mistakes are all listed in one run rather than one after another.
public struct UndatedRecord: Sendable {
    public let unit: UnitReference
    public let values: [ReportedValue]
    public let tasks: [TaskReport]
}

/// A progress record checked against its plan, its unit resolved: the only kind the engine
/// reads, so that no computation can run on a draft whose owners are not yet known. Its
/// fields are the draft's.
@dynamicMemberLookup
public struct ProgressRecord: Sendable {
    public let written: RecordDraft
    /// The unit that made the record, as the region's list names it.
    public let reporter: UnitID

    init(_ written: RecordDraft, reporter: UnitID) {
        self.written = written
        self.reporter = reporter
    }

    public subscript<T>(dynamicMember field: KeyPath<RecordDraft, T>) -> T { written[keyPath: field] }
}

/// The cumulative actual value of an indicator as of the record's date.
public struct ReportedValue: Sendable {
    public let indicator: String
    /// In the indicator's unit of measure.
    public let value: Decimal?
    /// For a per-item target (至少各1次): the value of each item.
    public let items: [String: Decimal]
    /// The words the unit wrote beside the number ("8100以上", "30余"), kept and shown.
    public let note: String?
    /// Why this value is lower than the unit's earlier running total: it corrects that figure.
    public let correction: String?
    public let location: SourceLocation

    public init(indicator: String, value: Decimal?, items: [String: Decimal], note: String? = nil,
                correction: String? = nil, location: SourceLocation) {
        self.indicator = indicator
        self.value = value
        self.items = items
        self.note = note
        self.correction = correction
        self.location = location
    }
}

public enum TaskState: String, Sendable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
}

public struct TaskReport: Sendable {
    public let task: String
    public let state: TaskState
    public let evidence: [Evidence]
    /// The unit admits or was found to have reported false data (弄虚作假).
    public let falseData: Bool
    public let location: SourceLocation
}

/// A piece of evidence (佐证材料) handed in for a task.
public struct Evidence: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case document, photo, news, list, other
    }

    public let title: String
    public let kind: Kind
    /// A file kept beside the record, or a link, when there is one.
    public let file: String?

    public init(title: String, kind: Kind, file: String?) {
        self.title = title
        self.kind = kind
        self.file = file
    }
}
