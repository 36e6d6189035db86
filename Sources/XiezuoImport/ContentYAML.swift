import Foundation
import XiezuoCore
import Yams

/// Writes model values in the content format (docs/content-format.md), keys in the order a
/// person reads them, so that imported files look like hand-written ones.
///
/// Written by Yams' emitter, which knows what must be quoted; the project reads YAML with its
/// own reader on libyaml's events (XiezuoCore/Load/YAML), and every file written here is read
/// back by it in the import tests.
enum ContentYAML {
    static func scalar(_ text: String) -> Node { Node(text) }

    static func mapping(_ pairs: [(String, Node?)]) -> Node {
        Node(pairs.compactMap { key, value in value.map { (Node(key), $0) } })
    }

    static func list(_ values: [String]) -> Node? {
        values.isEmpty ? nil : Node(values.map(scalar), Tag(.seq), .flow)
    }

    static func text(_ node: Node, header: String) -> String {
        let body = (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
        return header + body
    }

    static func tasks(_ sections: [Section], header: String) -> String {
        text(mapping([("sections", Node(sections.map(section)))]), header: header)
    }

    static func section(_ section: Section) -> Node {
        mapping([
            ("number", section.number.map(scalar)),
            ("title", scalar(section.title)),
            ("tasks", section.tasks.isEmpty ? nil : Node(section.tasks.map(task))),
            ("sections", section.sections.isEmpty ? nil : Node(section.sections.map(self.section))),
        ])
    }

    static func task(_ task: PlanTask) -> Node {
        mapping([
            ("id", scalar(task.id)),
            ("number", task.number.map(scalar)),
            ("text", scalar(task.text)),
            ("units", list(task.units.map(\.text))),
            ("points", task.points.map { scalar($0.plainString) }),
            ("requirement", task.requirement.map(scalar)),
            ("deadline", task.deadline.map { scalar($0.description) }),
            ("note", task.note.map(scalar)),
        ])
    }

    /// Indicators, in groups when the table had section rows.
    static func indicators(_ indicators: [Indicator], header: String) -> String {
        guard indicators.contains(where: { $0.group != nil }) else {
            return text(mapping([("indicators", Node(indicators.map(indicator)))]), header: header)
        }
        var groups: [(title: String, items: [Indicator])] = []
        for item in indicators {
            let title = item.group ?? ""
            if groups.last?.title == title { groups[groups.count - 1].items.append(item) } else { groups.append((title, [item])) }
        }
        return text(mapping([("groups", Node(groups.map { group in
            mapping([("title", scalar(group.title)), ("indicators", Node(group.items.map(indicator)))])
        }))]), header: header)
    }

    static func indicator(_ indicator: Indicator) -> Node {
        var target: Node?
        var comparator: Node?
        var items: Node?
        switch indicator.target {
        case .atLeast(let value): target = scalar(value.plainString)
        case .exactly(let value): target = scalar(value.plainString); comparator = scalar("exactly")
        case .atMost(let value): target = scalar(value.plainString); comparator = scalar("at-most")
        case .eachAtLeast(let value, let names):
            target = scalar(value.plainString); comparator = scalar("each-at-least"); items = list(names)
        case .notLowerThanLastYear: comparator = scalar("not-lower-than-last-year")
        case .none: target = scalar("-")
        }
        return mapping([
            ("id", scalar(indicator.id)),
            ("name", scalar(indicator.name)),
            ("unit", scalar(indicator.unit.symbol)),
            ("target", target),
            ("comparator", comparator),
            ("items", items),
            ("counting", indicator.counting == .new ? nil : scalar(indicator.counting.rawValue)),
            ("scored", indicator.scored ? nil : scalar("false")),
            ("part-of", indicator.partOf.map(scalar)),
            ("tasks", list(indicator.tasks)),
            ("units", list(indicator.units.map(\.text))),
            ("note", indicator.note.map(scalar)),
        ])
    }
}
