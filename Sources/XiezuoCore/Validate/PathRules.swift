/// Names that would give two things one page. A page's folder is its name made safe for a path
/// (Slug: punctuation and spaces dropped, runs of them one `-`), so `团区委` and `团区委。`, or
/// pairings `rushan-shizhong` and `rushan--shizhong`, would share one: each pair is an error,
/// with both positions, rather than one page silently replacing the other.
enum PathRules {
    /// Things named in one folder of the site: what they are, their name, where each is written.
    struct Named {
        let kind: MessageKey
        let name: String
        let location: SourceLocation
    }

    static func checkDistinct(_ items: [Named], folder: String, sink: DiagnosticSink) {
        var first: [String: Named] = [:]
        for item in items {
            let slug = Slug.make(item.name)
            if let earlier = first[slug] {
                guard earlier.name != item.name else { continue }  // the same name twice is reported as a duplicate
                sink.error(.sharedPage, ["kind": .message(Message(item.kind)), "name": .text(item.name), "other": .text(earlier.name),
                                         "where": "\(earlier.location)", "page": "\(folder)/\(slug)/"], at: item.location)
            } else {
                first[slug] = item
            }
        }
    }

    static func check(_ content: SharedContent, sink: DiagnosticSink) {
        checkDistinct(content.pairings.map { Named(kind: .nounPairing, name: $0.id, location: $0.location) },
                      folder: "pairings", sink: sink)
        checkDistinct(content.regions.map { Named(kind: .nounRegion, name: $0.id, location: $0.location) },
                      folder: "units", sink: sink)
        checkDistinct(content.standards.map { Named(kind: .nounStandard, name: $0.id, location: $0.location) },
                      folder: "standards", sink: sink)
        for region in content.regions {
            checkDistinct(region.units.map { Named(kind: .nounUnit, name: $0.name, location: $0.location) },
                          folder: "units/\(Slug.make(region.id))", sink: sink)
        }
    }

    static func check(_ plan: Plan, sink: DiagnosticSink) {
        let folder = Slug.make(plan.id)
        checkDistinct(plan.indicators.map { Named(kind: .nounIndicator, name: $0.id, location: $0.location) },
                      folder: "indicators/\(folder)", sink: sink)
        checkDistinct(plan.allTasks.map { Named(kind: .nounTask, name: $0.id, location: $0.location) },
                      folder: "tasks/\(folder)", sink: sink)
    }
}
