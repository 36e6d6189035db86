import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoSite

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: Say.text(.helpBrief)
    )

    @OptionGroup var options: SourceOptions

    @Option(help: Say.help(.helpPlan))
    var plan: String

    @Option(help: Say.help(.helpMonth))
    var month: String

    @Option(help: Say.help(.helpPDF))
    var pdf: String?

    @Option(name: .customLong("as-of"), help: Say.help(.helpBriefAsOf))
    var asOf: String?

    func validate() throws {
        guard month.count == 7, Day(parsing: month + "-01") != nil else {
            throw Say.misuse(.badMonth, ["text": .text(month)])
        }
    }

    func run() throws {
        guard let browser = BrowserPrint.locateBrowser() else {
            stop(Say.text(.noChromium))
        }
        let root = URL(fileURLWithPath: options.source, isDirectory: true)
        let page: SitePath, site: BuiltSite
        do {
            (page, site) = try BriefingPrint.page(siteAt: root, plan: plan, month: month, language: options.pageLanguage,
                                                  options: SiteOptions(asOf: try parseAsOf(asOf)))
        } catch let failure as BriefingPrint.Failure {
            if case .contentErrors(let diagnostics) = failure { printDiagnostics(diagnostics) }
            stop(Say.text(failure.message))
        }
        let output = URL(fileURLWithPath: pdf ?? "\(plan)-月度通报-\(month).pdf")
        do {
            try BrowserPrint.print(page, of: site, to: output, browser: browser)
        } catch let failure as BrowserPrint.Failure {
            stop(Say.text(failure.message))
        }
        print(Say.text(.briefWritten, ["path": .text(output.path), "plan": .text(plan), "month": .text(month)]))
    }
}
