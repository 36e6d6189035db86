import Foundation
import Testing
@testable import XiezuoCore

/// The five real plans, transcribed into content/, checked against values read off the
/// documents by hand.
@Suite struct SeedPlanTests {
    @Test func bundledContentLoadsWithoutProblems() {
        #expect(Bundled.result.diagnostics.map(\.description) == [])
        let counts = Bundled.content.counts
        #expect(counts.pairings == 6)  // five plans' pairings plus 斗门→福贡 (接续帮扶)
        #expect(counts.plans == 5)
    }

    @Test func plan000HasItsTaskListAndPoints() throws {
        let plan = Bundled.plan("rushan-shizhong-2022")
        #expect(plan.number == "市中乡振发〔2022〕11号")
        #expect(plan.issued == Day(year: 2022, month: 7, day: 23))
        #expect(plan.owner == .helped)
        // 工作清单: 23 responsible units (序号 1–23) holding 44 列项.
        #expect(plan.sections.count == 23)
        #expect(plan.allTasks.count == 44)
        // 教育和体育局 (序号 8) has a single task worth 50 points.
        let education = try #require(plan.sections.first { $0.title.hasSuffix("教育和体育局") })
        #expect(education.tasks.count == 1)
        #expect(education.tasks[0].points == 50)
        // 乡村振兴局: two tasks of 50; each town: four tasks of 25.
        #expect(plan.task("1-1")?.points == 50)
        #expect(plan.task("1-2")?.points == 50)
        for town in ["18", "19", "20", "21", "22", "23"] {
            let points = (1...4).compactMap { plan.task("\(town)-\($0)")?.points }
            #expect(points == [25, 25, 25, 25], "town \(town)")
        }
        // 17 units × 100, except 教育和体育局 with 50, plus 6 towns × 100 = 2250.
        #expect(plan.allTasks.compactMap(\.points).reduce(0, +) == 2250)
        #expect(plan.task("2-1")?.requirement?.hasPrefix("提供党政干部挂职交流文件") == true)
        #expect(plan.task("11-1")?.funding.first?.amount == Quantity(350, MeasureUnit.named("万元")!))
    }

    @Test func plan000TracksEveryFigureOfItsFunds() throws {
        // 不低于 350 万元 (正文二（一）) is spent as 200 万元 on 孟庄镇's 衔接推进区, 100 万元 on 齐村镇's
        // roads (正文二（二）2、3: not in the task list, so indicators of their own) and 4 + 8 + 38 万元
        // on tasks 13-1, 4-1 and 8-1: 350 in all.
        let plan = Bundled.plan("rushan-shizhong-2022")
        #expect(plan.indicator("财政资金")?.target == .atLeast(350))
        let narrative = ["衔接推进区资金", "道路短板资金"].compactMap { plan.indicator($0) }
        #expect(narrative.map(\.target) == [.atLeast(200), .atLeast(100)])
        #expect(narrative.allSatisfy { $0.partOf == "财政资金" && $0.tasks.isEmpty })
        let funding: [Funding] = plan.allTasks.flatMap(\.funding).filter { $0.source?.contains("方案正文") == true }
        let funded: Decimal = funding.map(\.amount.value).reduce(0, +)
        #expect(funded == 50)
        #expect(Decimal(200 + 100) + funded == 350)
        // Task 16-1 names two hospital pairings, each to be made.
        #expect(plan.indicator("医院结对")?.target
                == .eachAtLeast(1, items: ["乳山市人民医院—市中区人民医院", "乳山市中医院—市中区妇幼保健院"]))
    }

    @Test func plan004TracksTheGarmentWorkshopsEquipment() {
        // 购置缝纫机100台、缝纫机配套设备100套、熨烫设备100个、空调10台、工作台照明100个，建设配电室一间，
        // 购置250型变压器一台; 预计年收益10万元 is a forecast, tracked only.
        let plan = Bundled.plan("zhengding-zanhuang-2024")
        let measured: [Indicator] = plan.indicators.filter { $0.tasks == ["2-1-4"] }
        let written: [String] = measured.map { "\($0.id) \($0.target.amount?.plainString ?? "-")\($0.unit.symbol)" }
        #expect(written == [
            "服装车间投资 100万元", "缝纫机 100台", "缝纫机配套设备 100套", "熨烫设备 100个", "空调 10台", "工作台照明 100个",
            "配电室 1间", "变压器 1台", "车间年收益 10万元",
        ])
        #expect(plan.indicator("车间年收益")?.scored == false)
    }

    @Test func plan000TownPairsAreRead() throws {
        let pairing = try #require(Bundled.content.pairing("rushan-shizhong"))
        #expect(pairing.kind == .intraProvincial)
        #expect(pairing.towns.count == 6)
        #expect(pairing.towns.first == Pairing.TownPair(helping: "白沙滩镇", helped: "齐村镇",
                                                         location: pairing.towns[0].location))
    }

    @Test func plan001Has36NumberedTasksIn11Sections() {
        let plan = Bundled.plan("doumen-meitan-2022")
        #expect(plan.sections.count == 11)
        #expect(plan.allTasks.count == 36)
        #expect(plan.allTasks.map(\.number) == (1...36).map { String($0) })
        #expect(plan.sections[10].heading == "（十一）加强信息报送和新闻宣传")
        // Task 8 names ten responsible units, led by the group 各镇（街）.
        #expect(plan.task("8")?.units.map(\.text).first == "各镇（街）")
        #expect(plan.task("8")?.units.count == 10)
        // 至少各1次 and 不低于上年.
        #expect(plan.indicator("会议各1次")?.target
                == .eachAtLeast(1, items: ["党委常委会会议", "政府常务会议", "农村工作领导小组会议"]))
        #expect(plan.indicator("选派人次")?.target == .notLowerThanLastYear)
    }

    @Test func plan002HasNoUnitsAndPerItemTargets() {
        let plan = Bundled.plan("rugao-yangxian-2021")
        #expect(plan.sections.count == 6)
        #expect(plan.allTasks.count == 16)
        #expect(plan.allTasks.allSatisfy { $0.units.isEmpty })
        #expect(plan.coordinator?.text == "市协作办")
        #expect(plan.indicator("专技人才挂职")?.target == .eachAtLeast(6, items: ["教育", "医疗", "农业"]))
        #expect(plan.indicator("旅游人次")?.target == .atLeast(1000))
    }

    @Test func plan003IndicatorTableIsComplete() throws {
        let plan = Bundled.plan("putuo-wanyuan-2021")
        #expect(plan.number == "舟普政办〔2021〕71号")
        #expect(plan.sections.count == 20)
        #expect(plan.allTasks.count == 42)
        // 36 numbered rows and 2 unnumbered 续建 rows, plus 9 quantities from the task texts.
        let table = plan.indicators.filter { $0.group != "任务书正文中的数量要求" }
        #expect(table.count == 38)
        #expect(Set(table.compactMap(\.group)).count == 4)

        // 14. 消费帮扶情况: 0.3 亿元, 区商务局 and 区供销社; 0.3 亿元 = 3000 万元.
        let consumption = try #require(plan.indicator("14"))
        #expect(consumption.name == "消费帮扶情况")
        #expect(consumption.unit.symbol == "亿元")
        #expect(consumption.target == .atLeast(Decimal(string: "0.3")!))
        #expect(consumption.units.map(\.text) == ["区商务局", "区供销社"])
        #expect(Quantity(Decimal(string: "0.3")!, consumption.unit).converted(to: MeasureUnit.named("万元")!).value == 3000)

        // Merged cells: rows 6–12 belong to 区人力社保局 like row 5.
        #expect(plan.indicator("12")?.units.map(\.text) == ["区人力社保局"])
        #expect(plan.indicator("12")?.unit.symbol == "人次")
        // 含存量 rows are running totals.
        #expect(plan.indicator("5")?.counting == .runningTotal)
        #expect(plan.indicator("11")?.counting == .new)
        // `-` targets and 只作统计，不作考核.
        #expect(plan.indicator("19续")?.target == Indicator.Target.none)
        #expect(plan.indicator("22")?.scored == false)
        #expect(plan.indicator("23")?.scored == false)
        #expect(plan.indicator("21")?.scored == true)
        // 其中: 27 is a part of 26; 12 talents split 2 + 4 + 6.
        #expect(plan.indicator("27")?.partOf == "26")
        #expect(plan.indicator("专技人才")?.split == ["28", "29", "30"])
        #expect(plan.indicator("33")?.target == .atLeast(350))
        #expect(plan.indicator("33")?.unit.symbol == "万元")
    }

    @Test func plan004HasDeadlineSchemeAndMonthlyReporting() {
        let plan = Bundled.plan("zhengding-zanhuang-2024")
        #expect(plan.number == "正巩固拓展办〔2024〕2号")
        #expect(plan.scheme?.contains("(2021-2025)") == true)
        #expect(plan.deadline == Day(year: 2024, month: 11, day: 30))
        #expect(plan.reporting?.dueDay == 1)
        #expect(plan.allTasks.count == 13)
        #expect(plan.allTasks.allSatisfy { $0.deadline == Day(year: 2024, month: 11, day: 30) })
        #expect(plan.task("2-4-2")?.units.map(\.text) == ["县文旅局"])
        #expect(plan.indicator("文化培训人次")?.target == .atLeast(50))
    }

    @Test func everySampleRecordIsMarkedAsSample() {
        let records = Bundled.content.plans.flatMap(\.records)
        #expect(records.count > 100)
        #expect(records.allSatisfy { $0.sample })
        // Every record written is among the validated ones: each got its unit, none was left out.
        let written = ContentLoader.read(from: DiskContentSource(root: Bundled.root)).plans.flatMap(\.records)
        #expect(written.count == records.count)
        #expect(Set(records.map { "\($0.reporter)|\($0.date)" }).count == records.count)
    }

    @Test func sameShortNameInTwoRegionsIsTwoUnits() throws {
        let doumen = try #require(Bundled.content.region("doumen"))
        let putuo = try #require(Bundled.content.region("putuo"))
        let a = try #require(doumen.unit(named: "区教育局"))
        let b = try #require(putuo.unit(named: "区教育局"))
        #expect(a.id != b.id)
        // An alias resolves to the unit it names.
        #expect(putuo.unit(named: "区人社局")?.name == "区人力社保局")
        #expect(putuo.unit(named: "区人社厅") == nil)
    }

    /// A name written for two units (an error the region's check reports) finds the first in
    /// the list, whether it is that unit's name or its other name.
    @Test func aNameOfTwoUnitsFindsTheFirst() {
        let here = SourceLocation(file: "content/regions/a.yaml")
        func unit(_ name: String, _ aliases: [String]) -> ResponsibleUnit {
            ResponsibleUnit(id: UnitID(region: "a", name: name), name: name, kind: .bureau, aliases: aliases, members: [],
                            note: nil, location: here)
        }
        let region = Region(id: "a", name: "甲区", parent: nil,
                            units: [unit("区教育局", ["教育局"]), unit("区体育局", ["区教育局", "教育局"])], location: here)
        #expect(region.unit(named: "区教育局")?.name == "区教育局")
        #expect(region.unit(named: "教育局")?.name == "区教育局")
        #expect(region.unit(named: "区体育局")?.name == "区体育局")
    }

    /// The engine asks for a task's indicators through the plan's link table: on every seed
    /// plan it gives what searching every indicator's links gives, in plan order.
    @Test func aTasksIndicatorsAreTheOnesThatNameIt() {
        var linkedTasks = 0
        for plan in Bundled.content.plans {
            for task in plan.allTasks {
                let searched = plan.indicators.filter { $0.tasks.contains(task.id) }.map(\.id)
                #expect(plan.indicators(ofTask: task.id).map(\.id) == searched, "\(plan.id) \(task.id)")
                if !searched.isEmpty { linkedTasks += 1 }
            }
        }
        #expect(linkedTasks > 0)
        // An indicator naming a task twice is linked to it once; an unknown task has none.
        let plan = Build.plan(tasks: [Build.task("1"), Build.task("2")],
                              indicators: [Build.indicator("a", .atLeast(1), tasks: ["2", "1", "2"]),
                                           Build.indicator("b", .atLeast(1), tasks: ["2"])]).plan
        #expect(plan.indicators(ofTask: "2").map(\.id) == ["a", "b"])
        #expect(plan.indicators(ofTask: "1").map(\.id) == ["a"])
        #expect(plan.indicators(ofTask: "9").isEmpty)
    }

    /// A plan's records up to a date are a prefix of them (they are in date order): on every
    /// seed plan, at every month end of its year and before it, the records a filter finds.
    @Test func theRecordsUpToADateAreTheFirstOnes() {
        var checked = 0
        for plan in Bundled.content.plans {
            for end in [Day.firstOfYear(plan.year)] + Engine.monthEnds(of: plan, asOf: Day.lastOfYear(plan.year)) {
                let filtered = plan.records.indices.filter { plan.records[$0].date <= end }
                #expect(Array(plan.recordPlaces(through: end)) == filtered, "\(plan.id) \(end)")
                if !filtered.isEmpty, filtered.count < plan.records.count { checked += 1 }
            }
        }
        // Some of those dates fall among a plan's records, not before or after all of them.
        #expect(checked > 0)
    }
}
