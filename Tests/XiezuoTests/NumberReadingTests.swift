import Foundation
import Testing
@testable import XiezuoCore

@Suite struct NumberReadingTests {
    static let wan = MeasureUnit.named("万元")!
    static let yi = MeasureUnit.named("亿元")!
    static let person = MeasureUnit.named("人")!

    @Test(arguments: [
        ("12", "12"), ("１２", "12"), ("1,400", "1400"), ("１，４００", "1400"), ("0.3", "0.3"),
        ("０．３", "0.3"), ("  350 ", "350"), ("1,234,567.5", "1234567.5"),
    ])
    func plainNumbers(_ text: String, _ expected: String) throws {
        #expect(try NumberReading.number(text).get() == Decimal(string: expected)!)
    }

    @Test(arguments: ["-5", "0", "007", "12.", "1.2.3", "-", ".", "--1", "1-2"])
    func plainASCIIReadsLikeTheFullReader(_ text: String) {
        // The fast path for plain ASCII numbers must agree with the full reader; the full
        // reader sees the same text with a space in front, which the fast path does not take.
        #expect(NumberReading.number(text) == NumberReading.number(" " + text))
    }

    @Test func amountsWithUnitsAreConvertedIntoTheIndicatorsUnit() throws {
        // 0.3 亿元 = 3000 万元, and back.
        #expect(try NumberReading.amount("0.3亿元", in: Self.wan).get() == 3000)
        #expect(try NumberReading.amount("3000万元", in: Self.yi).get() == Decimal(string: "0.3")!)
        #expect(try NumberReading.amount("350万元", in: Self.wan).get() == 350)
        #expect(try NumberReading.amount("12", in: Self.person).get() == 12)
        // 1.2万人: a 万 multiplier before a counting unit.
        #expect(try NumberReading.amount("1.2万人", in: Self.person).get() == 12_000)
        // 名 and 人 both count people.
        #expect(try NumberReading.amount("35名", in: Self.person).get() == 35)
    }

    @Test(arguments: [
        ("十二", NumberReading.Problem.chineseNumerals),
        ("三百五十万元", .chineseNumerals),
        ("12万五", .chineseNumerals),
        ("约5人", .approximate("约")),
        ("5人左右", .approximate("左右")),
        ("不少于5人", .comparisonWords("不少于")),
        ("15期以上", .comparisonWords("以上")),
        ("1,40,0", .badSeparators),
        ("12.", .notANumber),
        ("", .notANumber),
        ("abc", .notANumber),
        ("1.2.3", .notANumber),
        ("5斤", .unknownUnit("斤")),
    ])
    func refusedWithAReason(_ text: String, _ problem: NumberReading.Problem) {
        #expect(NumberReading.amount(text, in: Self.person) == .failure(problem))
    }

    @Test func moneyCannotStandForACount() {
        #expect(NumberReading.amount("3万元", in: Self.person) == .failure(.wrongUnit(written: "万元", expected: "人")))
    }

    @Test func hintsTellTheAuthorWhatToWrite() {
        #expect(NumberReading.Problem.chineseNumerals.message(for: "十二").description
                == "'十二' is written in Chinese numerals; write the number in digits (e.g. 十二 → 12)")
        #expect(NumberReading.Problem.approximate("约").message(for: "约5人").description
                == "'约5人' is approximate ('约'); write the exact number and put the wording in 'note'")
    }

    @Test func fullWidthTargetInContentIsRead() throws {
        let indicators = TinySite.files["content/plans/a-b-2022/indicators.yaml"]!
            .replacingOccurrences(of: "target: 4", with: "target: \"１，２００\"")
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/indicators.yaml": indicators])
        #expect(result.errors.isEmpty)
        #expect(result.content.plans.first?.indicator("学校")?.target == .atLeast(1200))
    }
}
