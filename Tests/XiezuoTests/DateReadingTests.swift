import Testing
@testable import XiezuoCore

/// Dates as officials write them (#14): every form read to the day it names, by hand; anything
/// ambiguous refused with what to write instead.
@Suite struct DateReadingTests {
    static let read: [(String, Int?, String)] = [
        ("2025-12-31", nil, "2025-12-31"),
        ("2025/12/31", nil, "2025-12-31"),
        ("2025.12.31", nil, "2025-12-31"),
        ("2025年12月31日", nil, "2025-12-31"),
        ("2025年12月31号", nil, "2025-12-31"),
        ("２０２５年１２月３１日", nil, "2025-12-31"),
        ("2025年1月5日前", nil, "2025-01-05"),
        // Within the plan's year.
        ("12月31日", 2025, "2025-12-31"),
        ("12月底", 2025, "2025-12-31"),
        ("11月底前", 2022, "2022-11-30"),
        ("2月底", 2024, "2024-02-29"),
        ("2月底", 2023, "2023-02-28"),
        ("6月末", 2021, "2021-06-30"),
        ("年底", 2024, "2024-12-31"),
        ("年底前", 2024, "2024-12-31"),
        ("年末", 2024, "2024-12-31"),
        ("2022年底", nil, "2022-12-31"),
        ("2022年年底", nil, "2022-12-31"),
        ("2022年11月底", nil, "2022-11-30"),
    ]

    @Test(arguments: read)
    func eachFormIsReadToItsDay(_ text: String, _ year: Int?, _ expected: String) {
        #expect((try? DateReading.read(text, year: year).get())?.description == expected)
    }

    static let refused: [(String, Int?, DateReading.Problem)] = [
        ("12月31日", nil, .needsYear),
        ("年底", nil, .needsYear),
        ("12/31", 2025, .needsYear),
        ("2025年12月", nil, .needsDay(year: 2025, month: 12)),
        ("2025-12", nil, .needsDay(year: 2025, month: 12)),
        ("9月", 2022, .needsDay(year: nil, month: 9)),
        ("2月30日", 2025, .dayOutOfMonth(year: 2025, month: 2, day: 30)),
        ("2024-02-30", nil, .dayOutOfMonth(year: 2024, month: 2, day: 30)),
        ("2023/2/29", nil, .dayOutOfMonth(year: 2023, month: 2, day: 29)),
        ("2022-04-31", nil, .dayOutOfMonth(year: 2022, month: 4, day: 31)),
        ("2022-13-01", nil, .noSuchDay),
        ("2022-06-00", nil, .noSuchDay),
        ("13月底", 2025, .noSuchDay),
        // Not the form (an empty part): what to write, not a day out of its month.
        ("2022-11--1", nil, .unreadable),
        ("下旬", 2025, .unreadable),
        ("十二月底", 2025, .unreadable),
    ]

    @Test(arguments: refused)
    func whatIsAmbiguousIsRefused(_ text: String, _ year: Int?, _ problem: DateReading.Problem) {
        #expect(throws: problem) { try DateReading.read(text, year: year).get() }
    }

    /// A day and its month are written with four-digit years and two-digit months and days.
    @Test func aDayIsWrittenPadded() throws {
        let cases: [(Int, Int, Int, String, String)] = [
            (2022, 6, 30, "2022-06-30", "2022-06"), (1990, 1, 5, "1990-01-05", "1990-01"),
            (2100, 12, 31, "2100-12-31", "2100-12"), (999, 3, 4, "0999-03-04", "0999-03"), (12345, 10, 1, "12345-10-01", "12345-10"),
        ]
        for (year, month, day, written, monthText) in cases {
            let date = try #require(Day(year: year, month: month, day: day))
            #expect(date.description == written)
            #expect(date.monthKey == monthText)
            #expect(Day(parsing: written) == (year <= 9999 ? date : nil))
        }
    }

    @Test func aPlanDeadlineOf11月底前IsTheLastDayOfNovemberOfItsYear() throws {
        let plan = TinySite.files["content/plans/a-b-2022/plan.md"]!
            .replacingOccurrences(of: "owner: helping\n", with: "owner: helping\ndeadline: 11月底前\n")
        let tasks = TinySite.files["content/plans/a-b-2022/tasks.yaml"]!
            .replacingOccurrences(of: "        points: 10\n", with: "        points: 10\n        deadline: 9月30日\n")
        let result = TinySite.load(replacing: ["content/plans/a-b-2022/plan.md": plan, "content/plans/a-b-2022/tasks.yaml": tasks])
        #expect(result.errors == [])
        let loaded = try #require(result.content.plan("a-b-2022"))
        #expect(loaded.deadline == Day(year: 2022, month: 11, day: 30))
        #expect(loaded.task("1")?.deadline == Day(year: 2022, month: 9, day: 30))
        // A month without a day is refused where it is written.
        let vague = TinySite.load(replacing: ["content/plans/a-b-2022/plan.md":
            plan.replacingOccurrences(of: "deadline: 11月底前", with: "deadline: 2022年11月")])
        #expect(vague.errors.map(\.description).contains {
            $0.hasSuffix("error: 'deadline' is '2022年11月': say which day: 2022年11月30日, or 11月底 for the month's last day")
        })
    }
}
