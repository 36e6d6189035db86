import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Print a plan's monthly briefing (月度通报) to PDF, A4, with headless Chromium."
    )

    @OptionGroup var options: SourceOptions

    @Option(help: "The plan (a folder name in content/plans/).")
    var plan: String

    @Option(help: "The month, YYYY-MM.")
    var month: String

    @Option(help: "The PDF to write. Default: <plan>-月度通报-<month>.pdf in the current folder.")
    var pdf: String?

    @Option(name: .customLong("as-of"), help: "Build the site as of this date (YYYY-MM-DD), as 'build' does. Default: the latest record.")
    var asOf: String?

    @Option(help: "Language of the briefing: \(Strings.languages.joined(separator: " or ")).")
    var language: String = "zh-CN"

    func validate() throws {
        guard month.count == 7, Day(parsing: month + "-01") != nil else {
            throw ValidationError("--month must be a month written YYYY-MM (e.g. 2022-10), not '\(month)'")
        }
        guard Strings.languages.contains(language) else {
            throw ValidationError("--language must be one of \(Strings.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let browser = BrowserPrint.locateBrowser() else {
            stop("Chromium is needed to print to PDF and is not installed: install the Debian package 'chromium' "
                 + "(apt-get install chromium), or name the browser in XIEZUO_CHROMIUM")
        }
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let page: SitePath, site: BuiltSite
        do {
            (page, site) = try BriefingPrint.page(siteAt: root, plan: plan, month: month, language: language,
                                                  options: SiteOptions(asOf: try parseAsOf(asOf)))
        } catch let failure as BriefingPrint.Failure {
            if case .contentErrors(let diagnostics) = failure { printDiagnostics(diagnostics) }
            stop(failure.description)
        }
        let output = URL(fileURLWithPath: pdf ?? "\(plan)-月度通报-\(month).pdf")
        do {
            try BrowserPrint.print(page, of: site, to: output, browser: browser)
        } catch let failure as BrowserPrint.Failure {
            stop(failure.description)
        }
        print("wrote \(output.path): the briefing of \(plan) for \(month)")
    }
}
