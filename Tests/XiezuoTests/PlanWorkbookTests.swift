import Foundation
import Testing
import ZIPFoundation
@testable import XiezuoCore
@testable import XiezuoOffice
@testable import XiezuoSite

/// The plan workbook the site offers beside each plan: its three tables as sheets, each dated,
/// numbers as numbers, and each status cell coloured by its light.
@Suite struct PlanWorkbookTests {
    static let data = BundledSite.site.files[SitePath.file("pairings", "rushan-shizhong", "2022", "plan.xlsx")]

    @Test func itHoldsTheThreeTablesOfTheDownloadsDated() throws {
        let reader = try WorkbookReader(data: try #require(Self.data), file: "plan.xlsx")
        #expect(reader.sheetNames == ["任务", "指标", "单位"])
        let tasks = try reader.sheet(named: "任务")
        #expect(tasks.rows[0].cells.first == "威海市乳山市—枣庄市市中区 2022 年协作帮扶工作方案　任务（统计截至 2024-10-31）")
        #expect(tasks.rows[1].cells.prefix(3) == ["编号", "章节", "任务内容"])
        let rows = tasks.rows.dropFirst(2)
        #expect(rows.count == 44)
        #expect(rows.first?.cells.first == "1-1")
        // 1-1 scores 50 points of 50 (docs of 联席会议 in hand): a number, not text.
        let csv = String(decoding: try #require(BundledSite.site.files[SitePath.file("pairings", "rushan-shizhong", "2022", "tasks.csv")]).dropFirst(3),
                         as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows.first?.cells[4] == "50")
        #expect(csv[1].contains(",50,"))
        // Every row carries its date, as in the CSV.
        #expect(rows.allSatisfy { $0.cells.last == "2024-10-31" })
    }

    @Test func statusCellsAreColouredByTheirLight() throws {
        let archive = try Archive(data: try #require(Self.data), accessMode: .read)
        func xml(_ path: String) throws -> XMLNode {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return try XMLNode.parse(data).get()
        }
        let styles = try xml("xl/styles.xml")
        let fills = styles.child("fills")!.children("fill").map { $0.child("patternFill")?.child("fgColor")?["rgb"] }
        let fillOfStyle = styles.child("cellXfs")!.children("xf").map { $0["fillId"].flatMap(Int.init).flatMap { fills[$0] } }
        let sheet = try xml("xl/worksheets/sheet1.xml")
        let strings = try xml("xl/sharedStrings.xml").children("si").map { $0.child("t")?.text ?? "" }
        var colours: [String: Set<String>] = [:]
        for row in sheet.child("sheetData")!.children("row") where Int(row["r"] ?? "") ?? 0 > 3 {
            guard let cell = row.children("c").first(where: { $0["r"]?.hasPrefix("I") == true }),
                  let index = cell.child("v").flatMap({ Int($0.text) }) else { continue }
            let colour = cell["s"].flatMap(Int.init).flatMap { fillOfStyle[$0] } ?? "none"
            colours[strings[index], default: []].insert(colour)
        }
        // Each light has its one colour: red overdue, yellow behind, green done.
        #expect(colours["逾期"] == ["FFF6C9C4"])
        #expect(colours["已完成"] == ["FFC4E6CC"])
        #expect(colours.values.allSatisfy { $0.count == 1 })
    }

    @Test func theSameSiteMakesTheSameWorkbook() throws {
        let again = BundledSite.build(DiskContentSource(root: Bundled.root))
        #expect(again.files[SitePath.file("pairings", "rushan-shizhong", "2022", "plan.xlsx")] == Self.data)
    }
}
