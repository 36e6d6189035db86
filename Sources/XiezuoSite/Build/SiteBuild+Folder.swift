import Foundation
import XiezuoCore

extension SiteBuild {
    /// A build of the site folder `root`: its content/, drawn with the built-in templates and
    /// the folder's own templates/. Nil when the templates do not load; the problems found
    /// reading them either way (a build lists them with its own).
    public static func site(at root: URL, destination: SiteDestination, language: String,
                            options: SiteOptions) -> (SiteBuild?, [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let templates = TemplateSet.load(overrides: TemplateSet.overrides(in: root, sink: sink), language: language,
                                               sink: sink) else { return (nil, sink.sorted) }
        var build = SiteBuild(source: DiskContentSource(root: root), destination: destination, templates: templates,
                              options: options)
        build.templateProblems = sink.diagnostics
        return (build, sink.sorted)
    }
}
