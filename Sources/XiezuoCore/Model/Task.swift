/// A numbered part of a plan (一、 / （一） / 1.) that holds tasks and further sections.
public struct Section: Sendable, Identifiable {
    public let id: String
    /// The number as the document prints it: 一、, （一）, 1.
    public let number: String?
    public let title: String
    public let sections: [Section]
    public let tasks: [PlanTask]
    public let location: SourceLocation

    public init(id: String, number: String? = nil, title: String, sections: [Section], tasks: [PlanTask],
                location: SourceLocation) {
        self.id = id
        self.number = number
        self.title = title
        self.sections = sections
        self.tasks = tasks
        self.location = location
    }

    /// Number and title as a heading: "（一）财政资金支持", "1 乡村振兴局".
    public var heading: String {
        guard let number else { return title }
        let punctuated = number.last.map { "、.．）)".contains($0) } ?? false
        return punctuated ? number + title : number + " " + title
    }

    /// Tasks of this section and all sections below it, in document order.
    public var allTasks: [PlanTask] { tasks + sections.flatMap(\.allTasks) }
    /// This section and every section below it, in document order.
    public var allSections: [Section] { [self] + sections.flatMap(\.allSections) }
}

/// A task (任务, 列项): what a unit must do, and how it is assessed.
public struct PlanTask: Sendable, Identifiable {
    public let id: String
    /// The number as the document prints it (1, 2, …), when it prints one.
    public let number: String?
    public let title: String?
    public let text: String
    public let units: [UnitReference]
    /// Points (分值) for the year-end assessment.
    public let points: Points?
    /// 加分项: extra points when done, above full marks, within the plan's bonus cap.
    public let bonus: Points?
    /// How this task scores, when its section or itself says otherwise than the plan.
    public let method: ScoringRule.Method?
    /// What evidence the assessment asks for (考核要求).
    public let requirement: String?
    /// The kinds of evidence the requirement names, read once here: the engine asks for them
    /// at every evaluation, and a plan's monthly chart evaluates it once a month.
    public let requiredEvidence: [Evidence.Kind]
    public let deadline: Day?
    public let funding: [Funding]
    public let note: String?
    public let location: SourceLocation

    public init(id: String, number: String?, title: String?, text: String, units: [UnitReference],
                points: Points?, bonus: Points? = nil, method: ScoringRule.Method? = nil, requirement: String?,
                deadline: Day?, funding: [Funding], note: String?, location: SourceLocation) {
        self.id = id
        self.number = number
        self.title = title
        self.text = text
        self.units = units
        self.points = points
        self.bonus = bonus
        self.method = method
        self.requirement = requirement
        requiredEvidence = EvidenceRequirement.kinds(requirement)
        self.deadline = deadline
        self.funding = funding
        self.note = note
        self.location = location
    }
}

import Foundation

/// Assessment points; exact, because officials add them up by hand to check.
public typealias Points = Decimal
