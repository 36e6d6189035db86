import XiezuoCore

/// The plain-text report for CI logs: per plan, completion, score, grade, and what is
/// behind, overdue or missing.
public enum ResultsText {
    public static func render(_ results: [(Plan, PlanResult)], content: Content, language: Language = .chinese) -> String {
        results.map { plan, result in section(plan, result, content: content, language: language) }.joined(separator: "\n")
    }

    static func section(_ plan: Plan, _ result: PlanResult, content: Content, language: Language) -> String {
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).text(in: language)
        }
        var lines: [String] = []
        lines.append("\(plan.id)  \(plan.title)" + (result.sample ? say(.reportSample) : ""))
        lines.append(say(.reportAsOf, ["date": "\(result.asOf)", "expected": .text(Display.percent(result.expected)),
                                       "latest": .text(result.latestData?.description ?? "-")]))
        var summary = say(.reportCompletion, ["completion": .text(Display.percent(result.completion))])
        if plan.scoring.method != .none {
            let percent = result.rollup.percent.map { " (\(Display.percentValue($0)))" } ?? ""
            summary += say(.reportScore, ["score": .text(Display.points(result.score)), "available": .text(Display.points(result.rollup.available)),
                                          "percent": .text(percent), "grade": .text(result.grade ?? "-")])
        } else {
            summary += say(.reportNotScored)
        }
        lines.append(summary)
        for kind in Finding.Kind.allCases {
            let found = result.findings.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            let names = found.map { describe($0, plan: plan, language: language) }
            lines.append(say(.reportFindings, ["kind": .message(Message(kindKey(kind))), "count": "\(found.count)",
                                               "items": .text(names.joined(separator: say(.reportSeparator)))]))
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ finding: Finding, plan: Plan, language: Language) -> String {
        let detail = Message.Argument.text(finding.detail.map { " \($0)" } ?? "")
        switch finding.subject {
        case .task(let id): return Message(.reportTask, ["id": .text(id), "detail": detail]).text(in: language)
        case .indicator(let id):
            return Message(.reportIndicator, ["id": .text(id), "name": .text(plan.indicator(id)?.name ?? ""), "detail": detail])
                .text(in: language)
        case .unit(let unit): return "\(unit.name)" + (finding.detail.map { " \($0)" } ?? "")
        }
    }

    static func kindKey(_ kind: Finding.Kind) -> MessageKey {
        switch kind {
        case .overdue: return .findingOverdue
        case .behind: return .findingBehind
        case .periodMissed: return .findingPeriodMissed
        case .memberBehind: return .findingMemberBehind
        case .notStarted: return .findingNotStarted
        case .dueSoon: return .findingDueSoon
        case .missingEvidence: return .findingMissingEvidence
        case .missingReport: return .findingMissingReport
        case .partExceedsWhole: return .findingPartExceedsWhole
        case .falseData: return .findingFalseData
        }
    }
}
