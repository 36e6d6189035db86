import XiezuoCore

/// The plain-text report for CI logs: per plan, completion, score, grade, and what is
/// behind, overdue or missing.
public enum ResultsText {
    public static func render(_ results: [(Plan, PlanResult)], content: Content) -> String {
        results.map { plan, result in section(plan, result, content: content) }.joined(separator: "\n")
    }

    static func section(_ plan: Plan, _ result: PlanResult, content: Content) -> String {
        var lines: [String] = []
        lines.append("\(plan.id)  \(plan.title)" + (result.sample ? "  [sample data]" : ""))
        lines.append("  as of \(result.asOf) (the calendar calls for \(Display.percent(result.expected))); "
                     + "latest data \(result.latestData?.description ?? "none")")
        var summary = "  completion \(Display.percent(result.completion))"
        if plan.scoring.method != .none {
            summary += "  score \(Display.points(result.score)) / \(Display.points(result.rollup.available))"
            if let percent = result.rollup.percent { summary += " (\(Display.percentValue(percent)))" }
            summary += "  grade \(result.grade ?? "-")"
        } else {
            summary += "  (not scored)"
        }
        lines.append(summary)
        for kind in Finding.Kind.allCases {
            let found = result.findings.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            let names = found.map { describe($0, plan: plan) }
            lines.append("  \(kind.rawValue) (\(found.count)): " + names.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ finding: Finding, plan: Plan) -> String {
        let detail = finding.detail.map { " \($0)" } ?? ""
        switch finding.subject {
        case .task(let id): return "task \(id)\(detail)"
        case .indicator(let id): return "indicator \(id) \(plan.indicator(id)?.name ?? "")\(detail)"
        case .unit(let unit): return "\(unit.name)\(detail)"
        }
    }
}
