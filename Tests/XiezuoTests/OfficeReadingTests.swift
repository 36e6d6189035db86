import Foundation
import Testing
import ZIPFoundation
@testable import XiezuoCore
@testable import XiezuoImport
@testable import XiezuoOffice

/// Office files built here part by part, each feature of the format with its value worked out
/// by hand: shared and rich strings, numbers, serial dates in both date systems, formulas by
/// their saved values, merged cells, Word's merged table cells.
enum OfficeFile {
    static func zip(_ parts: [(String, String)]) throws -> Data {
        try zip(bytes: parts.map { ($0.0, Data($0.1.utf8)) })
    }

    static func zip(bytes parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook of one sheet `sheet` (its sheetData and after), with these shared strings and styles.
    static func workbook(sheet: String, strings: String = "", styles: String = "", date1904: Bool = false) throws -> Data {
        try zip([
            ("xl/workbook.xml", """
             <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(relations)">\
             \(date1904 ? "<workbookPr date1904=\"1\"/>" : "")<sheets><sheet name="表一" sheetId="1" r:id="rId1"/>\
             <sheet name="表二" sheetId="2" r:id="rId2"/></sheets></workbook>
             """),
            ("xl/_rels/workbook.xml.rels", """
             <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
             <Relationship Id="rId1" Type="\(relations)/worksheet" Target="worksheets/sheet1.xml"/>\
             <Relationship Id="rId2" Type="\(relations)/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>
             """),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\">\(sheet)</worksheet>"),
            ("xl/worksheets/sheet2.xml", "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>二</t></is></c></row></sheetData></worksheet>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(strings)</sst>"),
            ("xl/styles.xml", "<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"),
        ])
    }

    static func document(_ body: String) throws -> Data {
        try zip([("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """)])
    }
}

@Suite struct OfficeReadingTests {
    // Styles: 0 general, 1 built-in date (14), 2 a Chinese date format of its own (176),
    // 3 a number format with text in quotes that is not a date (177).
    static let styles = """
        <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="177" formatCode="0.00&quot;万元&quot;"/></numFmts>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>
        """

    @Test func cellsOfAWorkbookReadAsTheSpreadsheetShowsThem() throws {
        let strings = "<si><t>序号</t></si><si><r><t>责任</t></r><r><rPr><b/></rPr><t>单位</t></r><rPh><t>ぜ</t></rPh></si><si><t>区教育局</t></si>"
        let sheet = """
            <sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>完成时限</t></is></c>\
            <c r="D1" t="inlineStr"><is><t>资金</t></is></c></row>\
            <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>44926</v></c><c r="D2" s="3"><v>0.30000000000000004</v></c></row>\
            <row r="3"><c r="A3"><v>2</v></c><c r="C3" s="2"><v>44834.75</v></c><c r="D3"><f>D2*2</f><v>0.6</v></c></row>\
            <row r="5"><c><v>3</v></c><c/><c t="str"><f>"年底"</f><v>年底</v></c><c><f>D3+1</f></c></row>\
            <row r="6"><c r="A6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B6" t="b"><v>1</v></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>
            """
        let grid = try WorkbookReader(data: try OfficeFile.workbook(sheet: sheet, strings: strings, styles: Self.styles), file: "t.xlsx").sheet()
        #expect(grid.name == "表一")
        #expect(grid.rows.map(\.number) == [1, 2, 3, 5, 6])
        #expect(grid.rows.map(\.cells) == [
            ["序号", "责任单位", "完成时限", "资金"],
            // 44926 days in Excel's 1900 system is 2022-12-31; 0.30000000000000004 is written 0.3.
            ["1", "区教育局", "2022-12-31", "0.3"],
            // The merged B2:B3 gives its value to row 3; 44834.75 is 2022-09-30 at 18:00.
            ["2", "区教育局", "2022-09-30", "0.6"],
            // Cells without addresses follow each other; a string formula is its saved value.
            ["3", "", "年底"],
            // The failed formula is a problem, not a value; TRUE as Excel shows it.
            ["", "TRUE"],
        ])
        #expect(grid.problems.map(\.row) == [5, 6])
        #expect(grid.problems.map { $0.message.text(in: .chinese) } == [
            "单元格 D5 是公式，但文件中没有保存它的计算结果；请在 Excel 或 WPS 中打开并保存一次",
            "单元格 A6 的公式出错（#DIV/0!）；请在 Excel 中改正后保存",
        ])
    }

    /// A damaged or hostile file cannot make rows of a million cells or a million rows: a merge
    /// to the sheet's last row fills only the rows there are, a value past column 256 is named,
    /// a Word cell spanning 100,000 columns spans 63.
    @Test func rangesAsLargeAsTheSheetStayTheSizeOfTheTable() throws {
        let sheet = """
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="XFD1" t="inlineStr"><is><t>远</t></is></c></row>            <row r="3"><c r="B3"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A1048576"/></mergeCells>
            """
        let grid = try WorkbookReader(data: try OfficeFile.workbook(sheet: sheet), file: "t.xlsx").sheet()
        #expect(grid.rows.map(\.number) == [1, 3])
        #expect(grid.rows.map(\.cells) == [["单位"], ["单位", "1"]])
        #expect(grid.problems.map { $0.message.text(in: .chinese) } == ["单元格 XFD1 超出了前 256 列，没有读取；方案的表格不会这么宽，请把内容移到表格中"])
        let body = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"100000\"/></w:tcPr><w:p><w:r><w:t>标题</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        #expect(try DocumentReader(data: try OfficeFile.document(body), file: "t.docx").tables.first?.first?.count == 63)
    }

    /// A percentage typed as 95% is stored as 0.95 in a % format: read as the cell shows it, 95%,
    /// never as 0.95 (which a 资金使用率 target would take for less than one percent).
    @Test func aPercentageReadsAsTheCellShowsIt() throws {
        let styles = """
            <numFmts count="1"><numFmt numFmtId="178" formatCode="0.0&quot;%&quot;"/></numFmts>            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="178"/></cellXfs>
            """
        let sheet = """
            <sheetData><row r="1"><c r="A1" s="1"><v>0.95</v></c><c r="B1" s="2"><v>0.8765</v></c><c r="C1" s="3"><v>95</v></c>            <c r="D1"><v>0.95</v></c></row></sheetData>
            """
        let grid = try WorkbookReader(data: try OfficeFile.workbook(sheet: sheet, styles: styles), file: "t.xlsx").sheet()
        // Built-in 0% and 0.00% multiply; a quoted "%" (as the progress workbooks write) does not.
        #expect(grid.rows.first?.cells == ["95%", "87.65%", "95", "0.95"])
    }

    @Test func aWorkbookOf1904CountsItsDatesFrom1904() throws {
        let sheet = "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>43464</v></c></row></sheetData>"
        let grid = try WorkbookReader(data: try OfficeFile.workbook(sheet: sheet, styles: Self.styles, date1904: true), file: "t.xlsx").sheet()
        // 43464 days after 1904-01-01 is 2022-12-31 (1462 days less than the 1900 count).
        #expect(grid.rows.first?.cells == ["2022-12-31"])
    }

    @Test func aSheetIsChosenByNameAndAMissingOneIsNamed() throws {
        let reader = try WorkbookReader(data: try OfficeFile.workbook(sheet: "<sheetData/>"), file: "t.xlsx")
        #expect(reader.sheetNames == ["表一", "表二"])
        #expect(try reader.sheet(named: "表二").rows.map(\.cells) == [["二"]])
        #expect {
            try reader.sheet(named: "表三")
        } throws: { error in
            (error as? OfficeProblem)?.message.text(in: .chinese) == "工作簿中没有名为“表三”的工作表；已有：“表一”、“表二”"
        }
    }

    @Test func whatIsNotAnOfficeFileIsSaidSo() throws {
        #expect {
            try WorkbookReader(data: Data("序号,任务内容\n".utf8), file: "t.xlsx")
        } throws: { error in
            (error as? OfficeProblem)?.message.key == .notAnOfficeFile
        }
        #expect {
            try TableFile.read(Data([0xD0, 0xCF, 0x11, 0xE0]), file: "old.xls")
        } throws: { error in
            (error as? OfficeProblem)?.message.key == .oldOfficeFormat
        }
        // A byte that is not UTF-8 inside an element's name crashed Foundation's XMLParser
        // (xiezuo-fuzz found it): the part is refused before it is parsed.
        var notUTF8 = Data("<workbook>\n<sheets><she".utf8)
        notUTF8 += Data([0xB7]) + Data("et name=\"a\"/></sheets></workbook>".utf8)
        let withByte = try OfficeFile.zip(bytes: [("xl/workbook.xml", notUTF8)])
        #expect {
            try WorkbookReader(data: withByte, file: "t.xlsx")
        } throws: { error in
            (error as? OfficeProblem)?.message.text(in: .english)
                == "the part xl/workbook.xml of the file is not valid XML at line 2 (not UTF-8); open it in Excel, WPS or Word and save it again"
        }
        let broken = try OfficeFile.zip([("xl/workbook.xml", "<workbook><sheets></workbook>")])
        #expect {
            try WorkbookReader(data: broken, file: "t.xlsx")
        } throws: { error in
            (error as? OfficeProblem)?.message.key == .badPartXML
        }
    }

    @Test func aWordTableReadsItsMergedCellsAsTheyShow() throws {
        func cell(_ text: String, _ properties: String = "") -> String {
            "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        let body = """
            <w:p><w:r><w:t>关于印发</w:t></w:r><w:r><w:t xml:space="preserve"> 工作清单</w:t></w:r><w:del><w:r><w:delText>草稿</w:delText></w:r></w:del></w:p>\
            <w:tbl><w:tr>\(cell("序号"))\(cell("责任单位"))\(cell("任务内容"))</w:tr>\
            <w:tr>\(cell("一、组织领导", "<w:gridSpan w:val=\"3\"/>"))</w:tr>\
            <w:tr>\(cell("1", "<w:vMerge w:val=\"restart\"/>"))\(cell("组织部", "<w:vMerge w:val=\"restart\"/>"))\(cell("召开会议"))</w:tr>\
            <w:tr>\(cell("", "<w:vMerge/>"))\(cell("", "<w:vMerge/>"))<w:tc><w:p><w:r><w:t>开展</w:t><w:tab/><w:t>调研</w:t></w:r></w:p>\
            <w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>
            """
        let document = try DocumentReader(data: try OfficeFile.document(body), file: "t.docx")
        #expect(document.paragraphs == ["关于印发 工作清单", ""])
        #expect(document.tables == [[
            ["序号", "责任单位", "任务内容"],
            ["一、组织领导", "", ""],
            ["1", "组织部", "召开会议"],
            ["1", "组织部", "开展\t调研\n第二段"],
        ]])
    }
}

/// The seed tables as Word and Excel have them (Fixtures/make_office_fixtures.py made them with
/// python-docx and openpyxl from the TSV copies), imported as the TSV ones are.
@Suite struct OfficeImportTests {
    static func file(_ name: String) throws -> TableFile {
        try TableFile.read(Data(contentsOf: PlanImportTests.fixtures.appendingPathComponent(name)), file: name)
    }

    static func tasks(of table: Table) throws -> [PlanTask] {
        let pairing = try #require(Bundled.content.pairing("rushan-shizhong"))
        let output = PlanImport(pairing: pairing, year: 2022, owner: nil, title: nil)
            .run(table, content: Bundled.content, existing: { $0.hasSuffix("plan.md") })
        #expect(output.problems == [])
        let loaded = PlanImportTests.loadWith(output.files, replacing: "rushan-shizhong-2022")
        #expect(loaded.errors.map(\.description) == [])
        return try #require(loaded.content.plan("rushan-shizhong-2022")).allTasks
    }

    static func expectSameTasks(_ imported: [PlanTask]) {
        let hand = Bundled.plan("rushan-shizhong-2022").allTasks
        #expect(imported.count == 44)
        #expect(imported.map(\.id) == hand.map(\.id))
        for (a, b) in zip(imported, hand) {
            #expect(a.text == b.text, "\(a.id)")
            #expect(a.units.map(\.text) == b.units.map(\.text), "\(a.id)")
            #expect(a.points == b.points, "\(a.id)")
            #expect(a.requirement == b.requirement, "\(a.id)")
        }
    }

    @Test func theTaskListOf000FromWordIsTheHandTranscription() throws {
        // Six tables (the document's pages), each with its header; a unit's 序号 and 责任单位
        // merged down its rows.
        let read = try Self.file("000-tasks.docx")
        #expect(read.tables.count == 6)
        #expect(read.paragraphs.first == "乳山市、枣庄市市中区2022年协作帮扶工作清单")
        let table = try #require(read.planTable())
        Self.expectSameTasks(try Self.tasks(of: table))
        // Asked for the second table alone: its page's tasks only.
        let pairing = try #require(Bundled.content.pairing("rushan-shizhong"))
        let second = PlanImport(pairing: pairing, year: 2022, owner: nil, title: nil)
            .run(try #require(read.planTable(number: 2)), content: Bundled.content, existing: { $0.hasSuffix("plan.md") })
        #expect(second.problems == [])
        #expect(second.tasks == read.tables[1].rows.count - 1)
    }

    @Test func theTaskListOf000FromExcelIsTheHandTranscriptionWithItsDeadlines() throws {
        let read = try Self.file("000-tasks.xlsx")
        #expect(read.problems == [])
        let table = try #require(read.planTable())
        #expect(table.file == "000-tasks.xlsx[工作清单]")
        let tasks = try Self.tasks(of: table)
        Self.expectSameTasks(tasks)
        // Written as dates in a 年月日 format, read as the day.
        #expect(tasks.allSatisfy { $0.deadline == Day(year: 2022, month: 12, day: 31) })
    }

    @Test func theIndicatorTableOf003FromWordIsTheHandTranscription() throws {
        let pairing = try #require(Bundled.content.pairing("putuo-wanyuan"))
        let read = try Self.file("003-indicators.docx")
        let output = PlanImport(pairing: pairing, year: 2021, owner: nil, title: nil, text: read.paragraphs)
            .run(try #require(read.planTable()), content: Bundled.content, existing: { _ in false })
        #expect(output.problems == [])
        #expect(output.indicators == 38)
        // The document's paragraph becomes the new plan.md's text.
        let plan = try #require(output.files.first { $0.path.hasSuffix("plan.md") })
        #expect(plan.text.hasSuffix("普陀区—万源市2021年东西部协作任务书 指标分解表\n"))
        let loaded = PlanImportTests.loadWith(output.files.filter { !$0.path.hasSuffix("plan.md") }, replacing: "putuo-wanyuan-2021")
        #expect(loaded.errors.map(\.description) == [])
        let imported = try #require(loaded.content.plan("putuo-wanyuan-2021")).indicators
        let hand = Bundled.plan("putuo-wanyuan-2021").indicators.filter { $0.group != "任务书正文中的数量要求" }
        #expect(imported.map(\.id) == hand.map(\.id))
        #expect(imported.map(\.group) == hand.map(\.group))
        #expect(imported.map(\.target) == hand.map(\.target))
    }
}
