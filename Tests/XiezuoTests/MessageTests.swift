import Foundation
import Testing
@testable import XiezuoCore

/// One catalogue, two languages: every message has its wording in both, with the same values
/// in it, and a problem reads the same (place and advice) in Chinese and in English.
@Suite struct MessageTests {
    @Test func bothCataloguesHaveEveryKeyWithTheSameValues() {
        let chinese = MessageCatalogue.entries(for: .chinese)
        let english = MessageCatalogue.entries(for: .english)
        #expect(chinese.count == MessageKey.allCases.count)
        #expect(english.count == MessageKey.allCases.count)
        for key in MessageKey.allCases {
            guard let zh = chinese[key], let en = english[key] else {
                Issue.record("\(key) has no wording in \(chinese[key] == nil ? "Chinese" : "English")")
                continue
            }
            #expect(Set(MessageCatalogue.placeholders(of: zh)) == Set(MessageCatalogue.placeholders(of: en)),
                    "\(key): 中文 \(zh) / English \(en)")
            #expect(!zh.isEmpty && !en.isEmpty, "\(key)")
        }
    }

    /// Chinese wording is Chinese: an entry with words in it (more than its values and
    /// punctuation) holds Han characters, and none quotes a value the English way.
    @Test func theChineseCatalogueIsWrittenInChinese() {
        for (key, text) in MessageCatalogue.entries(for: .chinese) {
            let words = MessageCatalogue.placeholders(of: text).reduce(text) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
            let hasWords = words.unicodeScalars.contains { CharacterSet.letters.contains($0) }
            #expect(!hasWords || words.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key): \(text)")
            #expect(!text.contains("'{"), "\(key) quotes a value the English way: \(text)")
        }
    }

    @Test func placeholdersAreNamesInBracesAndOtherBracesAreText() {
        #expect(MessageCatalogue.placeholders(of: "{a} and {bc}") == ["a", "bc"])
        #expect(MessageCatalogue.placeholders(of: "plans/<plan>/{plan.md,tasks.yaml}") == [])
        #expect(MessageCatalogue.placeholders(of: "add 'bonus: {cap: 10}' to {what}") == ["what"])
        let message = Message(.bonusWithoutCap, ["what": .message(Message(.whatTaskNamed, ["id": "3"]))])
        #expect(message.text(in: .english)
                == "task '3' is a bonus item but the plan's scoring sets no bonus cap; add 'bonus: {cap: 10}' (加分最多10分) to 'scoring' in plan.md")
        #expect(message.text(in: .chinese)
                == "任务“3”是加分项，但方案的计分没有设加分上限；请在 plan.md 的“scoring”中加上“bonus: {cap: 10}”（加分最多10分）")
    }

    /// A date in the right form that names no day: the clerk is told why (the month is shorter),
    /// not asked for the form they already used.
    @Test func anImpossibleDateSaysHowLongItsMonthIs() {
        let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let result = TinySite.load(replacing: [
            record: TinySite.files[record]!.replacingOccurrences(of: "date: 2022-06-30", with: "date: 2022-06-31"),
        ])
        #expect(result.errors.map { $0.line(in: .chinese) } == [
            "\(record):3:7: 错误：“date”写的是“2022-06-31”：2022 年 6 月只有 30 天，没有 31 日",
        ])
    }

    /// The same broken files read in both languages: the same places, the same advice.
    @Test func aBrokenSiteReadsTheSameInChineseAndInEnglish() {
        let tasks = "content/plans/a-b-2022/tasks.yaml"
        let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let result = TinySite.load(replacing: [
            tasks: TinySite.files[tasks]!.replacingOccurrences(of: "units: [区教育局]", with: "units: [区教育厅]"),
            record: TinySite.files[record]!.replacingOccurrences(of: "date: 2022-06-30", with: "date: 2022年6月"),
        ])
        #expect(result.errors.map { $0.line(in: .chinese) } == [
            "\(record):3:7: 错误：“date”写的是“2022年6月”：请写明哪一天：2022年6月30日，或写 6月底 表示当月最后一天",
            "\(tasks):6:17: 错误：未知单位“区教育厅”；是否应为“区教育局”？（甲区的单位列在 content/regions/a.yaml 中）",
        ])
        #expect(result.errors.map { $0.line(in: .english) } == [
            "\(record):3:7: error: 'date' is '2022年6月': say which day: 2022年6月30日, or 6月底 for the month's last day",
            "\(tasks):6:17: error: unknown unit '区教育厅'; did you mean '区教育局'? (the units of 甲区 are listed in content/regions/a.yaml)",
        ])
    }

    /// An unknown unit of measure is the one error, not also a mismatch with the indicator's
    /// standard that only follows from it (it was listed first, above its cause).
    @Test func anUnknownUnitOfMeasureIsNotAlsoAMismatchWithItsStandard() throws {
        let indicators = "content/plans/a-b-2022/indicators.yaml"
        let broken = try #require(TinySite.files[indicators]).replacingOccurrences(of: "unit: 个\n    target: 4",
                                                                                 with: "unit: 个们\n    target: 4\n    standard: schools")
        #expect(broken.contains("standard: schools"))
        let result = TinySite.load(replacing: ["content/standards.yaml": "standards:\n  - {id: schools, name: 结对学校数, unit: 个}\n",
                                               indicators: broken])
        #expect(result.errors.map(\.message.key) == [.unknownMeasureUnit])
    }

    @Test func aFullWidthColonIsNamedInChinese() {
        let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let result = TinySite.load(replacing: [record: TinySite.files[record]!.replacingOccurrences(of: "unit: 区教育局", with: "unit：区教育局")])
        #expect(result.errors.first?.line(in: .chinese)
                == "\(record):2:5: 错误：“unit”后面是全角冒号（：）；请改为半角冒号加一个空格：“unit: …”")
    }

    @Test(arguments: [
        ([:], Language.chinese),
        (["LANG": "C.UTF-8"], .chinese),
        (["LANG": "zh_CN.UTF-8"], .chinese),
        (["LANG": "en_US.UTF-8"], .english),
        (["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"], .chinese),
        (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"], .english),
        (["LC_ALL": "", "LANG": "en_US.UTF-8"], .english),
    ] as [([String: String], Language)])
    func theLocaleChoosesEnglishOnlyWhenItIsEnglish(_ environment: [String: String], _ expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }
}
