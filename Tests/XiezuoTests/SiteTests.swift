import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite
import XiezuoMustache

/// The built site, read as a user's browser would meet it.
@Suite struct SiteTests {
    static let content = Bundled.content
    static let site = BundledSite.site

    @Test func thereIsAPageForEveryPairingPlanUnitAndIndicator() {
        let routes = Routes(content: Self.content, taskPages: TaskPage.deserved)
        let files = Set(Self.site.files.keys)
        for pairing in Self.content.pairings { #expect(files.contains(routes.pairing(pairing.id)!), "\(pairing.id)") }
        for plan in Self.content.plans {
            #expect(files.contains(routes.plan(plan.id)!), "\(plan.id)")
            for indicator in plan.indicators {
                #expect(files.contains(routes.indicator(plan.id, indicator.id)!), "\(plan.id) \(indicator.id)")
            }
        }
        for region in Self.content.regions {
            for unit in region.units { #expect(files.contains(routes.unit(unit.id)!), "\(unit.id)") }
        }
        #expect(files.contains(Routes.home))
        #expect(files.contains(Routes.units))
        #expect(files.contains(Routes.indicators))
        // One unit list per region that has units: 6 of the 11 regions.
        for region in Self.content.regions where !region.units.isEmpty {
            #expect(files.contains(routes.region(region.id)!), "\(region.id)")
        }
        for standard in Self.content.standards { #expect(files.contains(routes.standard(standard.id)!), "\(standard.id)") }
        // 6 pairings + 5 plans + 101 units + 6 regions + 89 indicators + 3 indexes + 10 standard
        // indicators + 26 monthly briefings (each plan's months from its first record: 斗门 7,
        // 普陀 3, 如皋 3, 乳山 5, 正定 8), plus task pages.
        #expect(Self.content.standards.count == 10)
        #expect(Self.site.pages == 6 + 5 + 101 + 6 + 89 + 3 + 10 + 26 + Self.content.plans.reduce(0) { total, plan in
            total + plan.allTasks.filter { TaskPage.deserved(plan, $0) }.count
        })
    }

    @Test func everyUIStringThePagesAskForIsDefined() {
        _ = Self.site
        #expect(BundledSite.templates.strings.missingKeys == [])
    }

    @Test func chineseNamesKeepTheirCharactersInPaths() throws {
        let routes = Routes(content: Self.content, taskPages: TaskPage.deserved)
        let unit = try #require(routes.unit(UnitID(region: "doumen", name: "区委办（区府办）")))
        #expect(unit.description == "units/doumen/区委办-区府办/index.html")
        #expect(routes.indicator("putuo-wanyuan-2021", "19续")?.description == "indicators/putuo-wanyuan-2021/19续/index.html")
    }

    @Test func everyInternalLinkAndAssetResolves() {
        var broken: [String] = []
        for page in BundledSite.pages {
            let html = String(data: Self.site.files[page]!, encoding: .utf8)!
            for href in HTML.attributes("href", in: html) + HTML.attributes("src", in: html) {
                #expect(!href.isEmpty, "empty link in \(page)")
                #expect(!href.hasPrefix("/") && !href.contains("://"), "\(href) in \(page) is not relative")
                if let target = HTML.resolve(href, from: page), Self.site.files[target] == nil {
                    broken.append("\(page) → \(href)")
                }
            }
        }
        #expect(broken == [])
    }

    @Test func planPageShowsTheEnginesNumbers() throws {
        let html = try #require(BundledSite.html("pairings/rushan-shizhong/2022/index.html"))
        let text = HTML.text(html)
        // Worked out in SeedScoreTests: 1750.79 of 2250, 77.8 %, 较好; as of 2022-11-30.
        #expect(text.contains("1750.79 / 2250.00"))
        #expect(text.contains("得分率 77.8%"))
        #expect(html.contains("<dd class=\"grade\">较好</dd>"))
        #expect(text.contains("2022-11-30"))
        #expect(html.contains("市中乡振发〔2022〕11号"))
        // The sample-data banner, on every page built from sample records.
        #expect(html.contains("class=\"sample-banner\""))
        // 教育和体育局's task: 25.79 of 50, behind.
        #expect(text.contains("25.79 / 50.00"))
    }

    @Test func indicatorPageShowsTargetActualHistoryAndComparison() throws {
        let html = try #require(BundledSite.html("indicators/putuo-wanyuan-2021/14/index.html"))
        let text = HTML.text(html)
        #expect(text.contains("不少于 0.3 亿元"))
        let links = BundledSite.links("indicators/putuo-wanyuan-2021/14/index.html")
        #expect(links.contains(.page("units", "putuo", "区商务局")))
        #expect(links.contains(.page("units", "putuo", "区供销社")))
        #expect(html.contains("<svg class=\"line-chart\""))
        // Links are percent-encoded, so they read the same on every server.
        #expect(html.contains("href=\"../../../units/putuo/%E5%8C%BA%E5%95%86%E5%8A%A1%E5%B1%80/index.html\""))
        // 参与结对的东部学校数 is the standard school-pairs, compared across pairings on its own page.
        #expect(BundledSite.links("indicators/putuo-wanyuan-2021/3/index.html").contains(.page("standards", "school-pairs")))
    }

    @Test func aStandardIndicatorIsComparedAndRankedAcrossPairings() throws {
        let path = "standards/school-pairs/index.html"
        let html = try #require(BundledSite.html(path))
        // school-pairs is used by 普陀→万源 (3: 参与结对的东部学校数) and 如皋→洋县 (学校结对).
        let links = BundledSite.links(path)
        #expect(links.contains(.page("indicators", "putuo-wanyuan-2021", "3")))
        #expect(links.contains(.page("indicators", "rugao-yangxian-2021", "学校结对")))
        // Ranked by the actual value: 普陀 reports 4 schools, 如皋 3.
        let text = HTML.text(html)
        let first = try #require(text.range(of: "1 2021 · 2021年普陀-万源东西部协作工作任务书 参与结对的东部学校数 不少于 4 个 4 个"))
        let second = try #require(text.range(of: "2 2021 · 如皋市-洋县对口协作2021年度工作计划 学校结对数 不少于 3 家 3 家"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(BundledSite.links("indicators/index.html").contains(.page("standards", "school-pairs")))
    }

    @Test func aStandardIndicatorPageCountsPlansAndShowsAWholeWithoutItsParts() throws {
        // publicity-reports: 000 (乳山→市中) alone, with its 省级报道 and its six towns' reports:
        // 1 plan, 7 rows.
        let publicity = try #require(BundledSite.html("standards/publicity-reports/index.html"))
        #expect(HTML.text(publicity).contains("使用的方案数 1"))
        #expect(BundledSite.links("standards/publicity-reports/index.html")
            .filter { $0.segments.first == "indicators" && $0.segments.count == 4 }.count == 7)
        // social-donations in 003: 33 (350 万元) stands for it; the units' shares of it (民政 30,
        // 慈善总会 30, 国资 120, 工商联 50) are its parts and not ranked against it.
        let donations = BundledSite.links("standards/social-donations/index.html")
        #expect(donations.contains(.page("indicators", "putuo-wanyuan-2021", "33")))
        #expect(!donations.contains(.page("indicators", "putuo-wanyuan-2021", "国资社会帮扶资金")))
        #expect(HTML.text(try #require(BundledSite.html("standards/social-donations/index.html"))).contains("使用的方案数 1"))
    }

    @Test func thePlansMonthlyChartStartsTheMonthThePlanStarts() throws {
        // 正巩固拓展办〔2024〕2号 was issued on 4 March: no rows for January and February.
        let html = try #require(BundledSite.html("pairings/zhengding-zanhuang/2024/index.html"))
        #expect(html.contains("<tr><td>2024-03</td>"))
        #expect(!html.contains("<tr><td>2024-02</td>") && !html.contains("<tr><td>2024-01</td>"))
    }

    @Test func aPeriodicTargetSaysEachPeriodAsPeopleWriteIt() throws {
        let html = try #require(BundledSite.html("indicators/zhengding-zanhuang-2024/岗位信息推送/index.html"))
        #expect(html.contains("2024 年第 1 季度：新增 1（每期应达 1）"))
        #expect(html.contains("每季度不少于 1 次"))
    }

    @Test func aPerMemberTargetSaysSo() throws {
        let text = HTML.text(try #require(BundledSite.html("indicators/rugao-yangxian-2021/村企结对/index.html")))
        #expect(text.contains("每个成员不少于 3 家"))
        #expect(text.contains("单位组未列出成员，无法逐个判断"))
    }

    @Test func unitPageListsWhatItOwesAcrossPlans() throws {
        let html = try #require(BundledSite.html("units/zhengding/县教育局/index.html"))
        #expect(HTML.text(html).contains("2024-06 月进展未报送"))
        #expect(BundledSite.links("units/zhengding/县教育局/index.html").contains(.page("tasks", "zhengding-zanhuang-2024", "2-4-1")))
    }

    @Test func aRecordWithoutValuesHasNoEmptySeparator() throws {
        // 区乡村振兴局's records report task states and no indicator values.
        let html = try #require(BundledSite.html("units/doumen/区乡村振兴局/index.html"))
        #expect(html.contains("<strong>2022-10-31</strong> <span class=\"tag tag-sample\">示例</span> · 任务 1 已完成（材料 1 项）"))
        #expect(!html.contains("·  ·"))
    }

    @Test func statusIsNeverColourAlone() {
        for page in BundledSite.pages {
            let html = String(data: Self.site.files[page]!, encoding: .utf8)!
            let badges = html.components(separatedBy: "<span class=\"badge badge-").dropFirst()
            for badge in badges {
                let words = HTML.text("<span " + badge.prefix(200)).trimmingCharacters(in: .whitespaces)
                #expect(words.count > 2, "a badge without words on \(page)")
            }
        }
    }

    @Test func csvDownloadsOpenInExcel() throws {
        let data = try #require(Self.site.files[SitePath.file("pairings", "rushan-shizhong", "2022", "tasks.csv")])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("编号,章节,任务内容,责任单位,分值") == true)
        #expect(lines.count == 44 + 2)  // header, 44 tasks, and the empty string after the last CRLF
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(CSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        // A line end inside a value is quoted, a CRLF too (one Character, equal to neither "\r" nor "\n").
        #expect(CSV.field("第一行\r\n第二行") == "\"第一行\r\n第二行\"" && CSV.field("甲\n乙") == "\"甲\n乙\"")
        #expect(CSV.field("区教育局") == "区教育局")
        // Each sign Excel starts a formula with is quoted as text; a number keeps its sign.
        #expect(CSV.field("+1") == "\"+1\"" && CSV.field("@SUM(A1)") == "\"'@SUM(A1)\"" && CSV.field("-x") == "\"'-x\"")
        #expect(CSV.field("=\u{301}") == "\"'=\u{301}\"" && CSV.field("a=b") == "a=b")
        // Task numbers stay text in Excel (1-1 would become 1 January), and every row carries its date.
        #expect(lines[1].hasPrefix("=\"1-1\",") && lines[1].hasSuffix(",2024-10-31"))
        #expect(lines.first?.hasSuffix(",缺少的材料,统计截至") == true)
        #expect(CSV.textField("2-1-1") == "=\"2-1-1\"" && CSV.textField("3.1") == "=\"3.1\"" && CSV.textField("007") == "=\"007\"")
        #expect(CSV.textField("二-3") == "二-3" && CSV.textField("帮扶资金") == "帮扶资金" && CSV.textField("-1") == "\"-1\"")
    }

    @Test func csvHeadersAreWordsAndFilesSaveUnderThePlanAndDate() throws {
        let all = try #require(Self.site.files[SitePath.file("indicators", "indicators.csv")])
        #expect(String(decoding: all.dropFirst(3), as: UTF8.self).hasPrefix(
            "方案,编号,指标名称,计量单位,目标,实际,完成率,是否达标,进度状态,责任单位,统计截至\r\n"))
        let units = try #require(Self.site.files[SitePath.file("units", "units.csv")])
        #expect(String(decoding: units.dropFirst(3), as: UTF8.self).hasPrefix("地区,单位,类型,方案数,任务数,指标数,缺报次数,统计截至\r\n"))
        let page = try #require(BundledSite.html("pairings/rushan-shizhong/2022/index.html"))
        #expect(page.contains("href=\"../../../pairings/rushan-shizhong/2022/tasks.csv\" download=\"rushan-shizhong-2022-任务表-2024-10-31.csv\""))
    }

    @Test func resultsJSONIsPublished() throws {
        let data = try #require(Self.site.files[Routes.results])
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((object?["plans"] as? [Any])?.count == 5)
    }

    @Test func aTaskIsNamedByItsNumberAndItsTextEverywhere() throws {
        // 普陀→万源 13-3 has no title: its text up to the first full stop names it.
        let task = try #require(BundledSite.html("tasks/putuo-wanyuan-2021/13-3/index.html"))
        #expect(task.contains("<h1>任务 13-3：推进远程医疗项目</h1>"))
        // 斗门→湄潭 1 has a title of its own.
        #expect(try #require(BundledSite.html("tasks/doumen-meitan-2022/1/index.html")).contains("<h1>任务 1：实施互访对接</h1>"))
        // The plan's task table numbers each task as its page does (1-1, not the document's "1" within 一、).
        let plan = try #require(BundledSite.html("pairings/putuo-wanyuan/2021/index.html"))
        #expect(plan.contains("<td data-label=\"序号\"><a href=\"../../../tasks/putuo-wanyuan-2021/1-1/index.html\">1-1</a></td>"))
        // A long first sentence is cut at 40 characters.
        #expect(Presenter.opening(String(repeating: "字", count: 50) + "。", limit: 40) == String(repeating: "字", count: 40) + "…")
        // A full-width or plain semicolon ends the opening too, and so does the first line's end;
        // a 。 with an accent over it is another character and ends nothing.
        #expect(Presenter.opening("推进项目；加强合作。", limit: 40) == "推进项目")
        #expect(Presenter.opening("推进项目;加强合作", limit: 40) == "推进项目")
        #expect(Presenter.opening("第一行\n第二行。", limit: 40) == "第一行")
        #expect(Presenter.opening("甲。\u{301}乙。丙", limit: 40) == "甲。\u{301}乙")
        // At the limit: a sentence or line of exactly 40 characters is whole; 41 are cut.
        let forty = String(repeating: "字", count: 40)
        #expect(Presenter.opening(forty + "。后文", limit: 40) == forty)
        #expect(Presenter.opening(forty + "\n后文", limit: 40) == forty)
        #expect(Presenter.opening(forty, limit: 40) == forty)
        #expect(Presenter.opening(forty + "多", limit: 40) == forty + "…")
        #expect(Presenter.opening("", limit: 40) == "")
    }

    @Test func everyUnitIsFoundByItsID() {
        let shared = Bundled.content.shared
        var count = 0
        for region in shared.regions {
            for unit in region.units {
                #expect(shared.unit(unit.id)?.name == unit.name)
                count += 1
            }
        }
        #expect(count > 50)
        #expect(shared.unit(UnitID(region: "putuo", name: "没有这个单位")) == nil)
        #expect(shared.unit(UnitID(region: "没有这个地区", name: "区商务局")) == nil)
    }

    @Test func thePlanPageHasJumpLinksSectionPercentagesAndAChartWithItsKey() throws {
        let page = try #require(BundledSite.html("pairings/doumen-meitan/2022/index.html"))
        // Jump links to every part, in page order.
        let toc = try #require(page.components(separatedBy: "<nav class=\"toc\"").dropFirst().first?.components(separatedBy: "</nav>").first)
        #expect(toc.components(separatedBy: "href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
                == ["board", "summary", "findings", "chart", "tasks", "indicators", "units", "reports", "document", "narrative",
                    "downloads"])
        // (一) 加强组织领导: tasks 1 and 2 done (100 %), 3 and 4 overdue at 0 %: (1 + 1 + 0 + 0) ÷ 4 = 50 %.
        #expect(page.contains("（一）加强组织领导 <span class=\"rollup\">完成 2/4 项 · 完成率 50.0%</span>"))
        // The chart draws the expected pace and says which line is which.
        #expect(page.contains("<polyline class=\"expected\""))
        #expect(page.contains("<li><span class=\"key key-expected\" aria-hidden=\"true\"></span>序时进度</li>"))
        #expect(page.contains("<text class=\"axis-title\" x=\"4\" y=\"10\">完成率（%）</text>"))
        // The plan's own text closes the page, folded.
        #expect(page.contains("<details class=\"narrative\"><summary>展开方案全文</summary>"))
    }

    @Test func twoBuildsAreByteIdentical() {
        let again = BundledSite.build(DiskContentSource(root: Bundled.root))
        #expect(again.files.keys.sorted() == Self.site.files.keys.sorted())
        #expect(again.files == Self.site.files)
    }
}

@Suite struct ChartTests {
    @Test func aSmallTargetFillsTheChart() {
        // 0.3 亿元 target, 0.21 reported: the target line is at the top of the plot, not squashed.
        let chart = LineChart(label: "x", series: [("2021-12", Decimal(string: "0.21")!)], target: Decimal(string: "0.3")!,
                              format: { Display.amount($0) })
        #expect(chart.targetY == "\(LineChart.top).0")
        #expect(chart.yMax == "0.3")
    }

    /// Twelve months, value n in month n, target 24: the plot is 160 high above a bottom at 188
    /// and 516 wide from 48, so month n is at 48 + 516 × (n − 1) ÷ 11 and 188 − n × 160 ÷ 24,
    /// each rounded once to a tenth (46.909… a month; 6.666… a unit).
    @Test func pointsAreRoundedFromTheirExactPlaces() {
        let chart = LineChart(label: "x", series: (1...12).map { (String($0), Decimal($0)) }, target: 24,
                              format: { Display.amount($0) })
        #expect(chart.points.map(\.x).prefix(3) == ["48.0", "94.9", "141.8"])
        #expect(chart.points.last?.x == "564.0")
        #expect(chart.points.map(\.y).prefix(3) == ["181.3", "174.7", "168.0"])
        #expect(chart.points.last?.y == "108.0")
        #expect(chart.targetY == "28.0")
        #expect(chart.polyline.hasPrefix("48.0,181.3 94.9,174.7 141.8,168.0 "))
    }

    @Test func allZerosStillDraw() {
        let chart = LineChart(label: "x", series: [("2022-01", 0)], target: nil, format: { Display.amount($0) })
        #expect(chart.yMax == "1")
        #expect(chart.points.first?.y == "\(LineChart.height - LineChart.bottom).0")
    }

    @Test func placeholdersAreFilledOnceAndUnknownOnesKept() {
        let strings = Strings(language: "zh-CN", table: ["unit.owes-evidence": "任务 {task}：{what}"])
        // A value that itself reads like a placeholder is shown as written, never filled again.
        #expect(strings.format("unit.owes-evidence", ["task": "{what}", "what": "照片"]) == "任务 {what}：照片")
        #expect(Strings.fill("{a}{b}{", ["a": "1"]) == "1{b}{")
        #expect(Strings.fill("无占位", ["a": "1"]) == "无占位")
        // Pairs, as pages pass them, fill as a dictionary does; a name is matched whole.
        let pairs: KeyValuePairs<String, String> = ["ab": "2", "a": "1"]
        #expect(Strings.fill("{a}{ab}{abc}{", pairs) == "12{abc}{")
        #expect(Strings.fill("{a}", [:] as KeyValuePairs<String, String>) == "{a}")
    }

    @Test func viewModelsReachTemplatesAsObjectsOfTheirFields() throws {
        struct Row: Encodable { let label: String; let note: String?; let count: Int }
        struct Page: Encodable { let rows: [Row]; let flag: Bool; let table: [String: String] }
        let page = try #require(TemplateData.encode(Page(rows: [Row(label: "甲", note: nil, count: 2)], flag: true, table: ["k": "v"])).object)
        let row = try #require(page.fields["rows"]?.list?.first?.object)
        #expect(row.fields["label"]?.text == "甲")
        #expect(row.fields["count"]?.number == 2)
        #expect(row.fields.keys.contains("note") == false)  // a nil optional is absent, so {{^note}} shows
        #expect(page.fields["flag"]?.flag == true)
        #expect(page.fields["table"]?.object?.fields.mapValues(\.text) == ["k": "v"])
    }

    /// The small view models that make their own template values give what their encoding
    /// gives: the same names, the same values, a nil optional left out.
    @Test func aViewModelThatMakesItsOwnValueGivesWhatItsEncodingGives() throws {
        func plain(_ value: MustacheValue) -> String {
            switch value {
            case .text(let text): return "t:" + text
            case .flag(let flag): return "f:\(flag)"
            case .number(let number): return "n:\(number)"
            case .null: return "null"
            case .list(let items): return "[" + items.map(plain).joined(separator: ",") + "]"
            case .object(let object):
                let names = object.fields.keys.sorted()
                let pairs: [String] = names.map { name in name + "=" + plain(object.fields[name]!) }
                return "{" + pairs.joined(separator: ",") + "}"
            }
        }
        func expectSame<Value: DirectTemplateValue>(_ value: Value, _ expected: String) {
            #expect(plain(TemplateData.encode(value)) == expected)
            #expect(plain(TemplateData.throughEncoder(value)) == expected)
        }
        expectSame(Link(href: "../a/index.html", label: "区商务局"), "{current=f:false,href=t:../a/index.html,label=t:区商务局}")
        expectSame(Link(href: "", label: "首页", current: true), "{current=f:true,href=t:,label=t:首页}")
        expectSame(Field(label: "截止日期", value: "2022-12-31"), "{label=t:截止日期,value=t:2022-12-31}")
        expectSame(Field(label: "方案", value: "乳山", href: "../p/index.html"), "{href=t:../p/index.html,label=t:方案,value=t:乳山}")
        var lights = Lights()
        (lights.overdue, lights.deadlineNear, lights.done) = (3, 1, 7)
        expectSame(PlanPage.LightCells(lights),
                   "{behind={count=n:0,lit=f:false},deadlineNear={count=n:1,lit=f:true},done={count=n:7,lit=f:true},"
                   + "notReported={count=n:0,lit=f:false},overdue={count=n:3,lit=f:true}}")
        let cells = "{behind={count=n:0,lit=f:false},deadlineNear={count=n:1,lit=f:true},done={count=n:7,lit=f:true},"
            + "notReported={count=n:0,lit=f:false},overdue={count=n:3,lit=f:true}}"
        let unit = Link(href: "u/index.html", label: "永安市")
        expectSame(PlanPage.BoardRow(unit: unit, badge: XiezuoSite.HTML(text: "<span>滞后</span>"), lights: PlanPage.LightCells(lights),
                                     completion: "78.4%", score: nil, rank: "—", change: ""),
                   "{badge=t:<span>滞后</span>,change=t:,completion=t:78.4%,lights=\(cells),rank=t:—,"
                   + "unit={current=f:false,href=t:u/index.html,label=t:永安市}}")
        expectSame(PlanPage.BoardRow(unit: unit, badge: XiezuoSite.HTML(text: "b"), lights: PlanPage.LightCells(lights),
                                     completion: "—", score: "74.4", rank: "3", change: "↑2"),
                   "{badge=t:b,change=t:↑2,completion=t:—,lights=\(cells),rank=t:3,score=t:74.4,"
                   + "unit={current=f:false,href=t:u/index.html,label=t:永安市}}")
        expectSame(AlertTable.Row(item: Link(href: "t/index.html", label: "任务 8-1"), badge: XiezuoSite.HTML(text: "b"), units: "教育和体育局",
                                  target: "全部完成", actual: "46.8%", shortfall: "53.2%", deadline: "2022-12-31"),
                   "{actual=t:46.8%,badge=t:b,deadline=t:2022-12-31,item={current=f:false,href=t:t/index.html,label=t:任务 8-1},"
                   + "shortfall=t:53.2%,target=t:全部完成,units=t:教育和体育局}")
        expectSame(LineChart.Point(x: "48.0", y: "188.0", label: "2022-01", value: "3 户"),
                   "{label=t:2022-01,value=t:3 户,x=t:48.0,y=t:188.0}")
        expectSame(TaskPage.ReportRow(date: "2022-10-25", unit: XiezuoSite.HTML(text: "<a>永安市</a>"), state: "进行中", sample: true,
                                      evidence: "照片：10月活动照片", noteLink: "u/index.html#r-1"),
                   "{date=t:2022-10-25,evidence=t:照片：10月活动照片,noteLink=t:u/index.html#r-1,sample=f:true,state=t:进行中,"
                   + "unit=t:<a>永安市</a>}")
        expectSame(IndicatorPage.HistoryRow(month: "2022-10", value: "46 户"), "{month=t:2022-10,value=t:46 户}")
        let head = XiezuoSite.HTML(text: "<link>"), header = XiezuoSite.HTML(text: "<header>")
        expectSame(Chrome(lang: "zh-CN", title: "乳山市", root: "../", head: head, header: header, breadcrumbs: [XiezuoSite.HTML(text: "<a>首页</a>")],
                          hasBreadcrumbs: true, sample: false, canonical: nil),
                   "{breadcrumbs=[t:<a>首页</a>],hasBreadcrumbs=f:true,head=t:<link>,header=t:<header>,lang=t:zh-CN,root=t:../,"
                   + "sample=f:false,title=t:乳山市}")
        expectSame(Chrome(lang: "zh-CN", title: "首页", root: "", head: head, header: header, breadcrumbs: [],
                          hasBreadcrumbs: false, sample: true, canonical: "https://x/index.html"),
                   "{breadcrumbs=[],canonical=t:https://x/index.html,hasBreadcrumbs=f:false,head=t:<link>,header=t:<header>,"
                   + "lang=t:zh-CN,root=t:,sample=f:true,title=t:首页}")
        let row = AlertTable.Row(item: Link(href: "t", label: "任务 1"), badge: XiezuoSite.HTML(text: "b"), units: "甲", target: "1",
                                 actual: "0", shortfall: "1", deadline: "2022-12-31")
        expectSame(AlertTable(t: TemplateStrings(["col": "列"]), rows: [row], withStatus: true, withUnits: false),
                   "{isEmpty=f:false,rows=[{actual=t:0,badge=t:b,deadline=t:2022-12-31,item={current=f:false,href=t:t,label=t:任务 1},"
                   + "shortfall=t:1,target=t:1,units=t:甲}],t={col=t:列},withStatus=f:true,withUnits=f:false}")
        expectSame(AlertTable(t: TemplateStrings([:]), rows: [], withStatus: false, withUnits: true),
                   "{isEmpty=f:true,rows=[],t={},withStatus=f:false,withUnits=f:true}")
        // Inside a page, as lists and fields of other values; a list made directly is the list
        // the encoder makes, empty or not.
        struct Page: Encodable { let links: [Link]; let field: Field; let rows: [IndicatorPage.HistoryRow]; let none: [Field] }
        let page = Page(links: [Link(href: "x", label: "甲")], field: Field(label: "乙", value: "丙"),
                        rows: [.init(month: "1", value: "2"), .init(month: "3", value: "4")], none: [])
        let expected = "{field={label=t:乙,value=t:丙},links=[{current=f:false,href=t:x,label=t:甲}],none=[],"
            + "rows=[{month=t:1,value=t:2},{month=t:3,value=t:4}]}"
        #expect(plain(TemplateData.encode(page)) == expected)
        #expect(plain(TemplateData.throughEncoder(page)) == expected)
        #expect(plain(TemplateData.encode(page.rows)) == "[{month=t:1,value=t:2},{month=t:3,value=t:4}]")
        #expect(plain(TemplateData.throughEncoder(page.rows)) == "[{month=t:1,value=t:2},{month=t:3,value=t:4}]")
    }

    @Test func handWrittenEncodingWithNestedContainersIsKept() throws {
        struct Custom: Encodable {
            enum Keys: String, CodingKey { case inner, list }
            func encode(to encoder: Encoder) throws {
                var outer = encoder.container(keyedBy: Keys.self)
                var inner = outer.nestedContainer(keyedBy: Keys.self, forKey: .inner)
                try inner.encode("值", forKey: .list)
                var list = outer.nestedUnkeyedContainer(forKey: .list)
                try list.encode(1)
                var parent = outer.superEncoder().singleValueContainer()
                try parent.encode("上")
            }
        }
        let value = try #require(TemplateData.encode(Custom()).object)
        #expect(value.fields["inner"]?.object?.fields["list"]?.text == "值")
        #expect(value.fields["list"]?.list?.first?.number == 1)
        #expect(value.fields["super"]?.text == "上")
    }

    @Test func aPieceOfPageIsDrawnOnceAndReused() throws {
        let components = Components(templates: BundledSite.templates)
        var drawn = 0
        let link = Link(href: "../../../units/a/x/index.html", label: "区<教育>局")
        for _ in 0..<3 {
            let html = components.html(.unitLink(UnitID(region: "a", name: "x"), depth: 3), partial: .unitLink) {
                drawn += 1
                return link
            }
            #expect(html.text == "<a href=\"../../../units/a/x/index.html\">区&lt;教育&gt;局</a>")
        }
        #expect(drawn == 1)
        // At another depth, its links climb less: drawn again.
        _ = components.html(.unitLink(UnitID(region: "a", name: "x"), depth: 2), partial: .unitLink) {
            drawn += 1
            return Link(href: "../../units/a/x/index.html", label: "区<教育>局")
        }
        #expect(drawn == 2)
        // The same task row stands on the plan's page and on its unit's page, drawn once.
        let plan = try #require(BundledSite.html("pairings/zhengding-zanhuang/2024/index.html"))
        let unit = try #require(BundledSite.html("units/zhengding/县教育局/index.html"))
        let start = try #require(unit.range(of: "<tr id=\"task-2-4-1\">"))
        let row = String(unit[start.lowerBound...].prefix { $0 != "\u{0}" }.components(separatedBy: "</tr>")[0])
        #expect(row.count > 100)
        #expect(plan.contains(row))
    }
}

/// A unit's page answers "what do I still owe", each item with its deadline.
@Suite struct UnitOwesTests {
    @Test func theUnitPageListsItsItemsByLightThenItsMissingReportsWithTheirDueDates() throws {
        // The tiny site with reports due by the 1st. 区教育局 owns task 1 (学校: 4 by 31 December)
        // and reported 2 on 30 June. On 31 July: 2 of 4 = 50 % against 211 of 364 days = 58.0 %:
        // behind (yellow). Its reports for January to May (due 1 February … 1 June) are missing.
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "scoring:\n", with: "reporting: {due-day: 1}\nscoring:\n")
        let site = BundledSite.build(TinySite.source(replacing: ["content/plans/a-b-2022/plan.md": plan]),
                                     asOf: Build.day("2022-07-31"))
        let page = try #require(site.files[SitePath.page("units", "a", "区教育局")].map { String(decoding: $0, as: UTF8.self) })
        let owes = try #require(page.components(separatedBy: "<div class=\"owes\">").dropFirst().first)
        let rows = HTML.text(owes.components(separatedBy: "</table>")[0]).components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(rows.contains { $0.contains("滞后") && $0.contains("任务 1：结对学校") && $0.contains("2022-12-31") })
        #expect(!owes.contains("任务 2"))
        #expect(owes.contains("<li>2022-01 月进展未报送（应于 2022-02-01 前报送）</li>"))
        #expect(owes.contains("<li>2022-05 月进展未报送（应于 2022-06-01 前报送）</li>"))
        #expect(!owes.contains("2022-06 月进展未报送"))
    }
}
