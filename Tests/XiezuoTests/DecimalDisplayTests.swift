import Foundation
import PropertyBased
import Testing
@testable import XiezuoCore

/// Numbers are shown through a fast reader of Decimal's storage; it must show exactly what
/// Foundation's rounding and formatting show, and fall back to them where it cannot read.
@Suite struct DecimalDisplayTests {
    /// The display rules computed with Foundation alone.
    static func foundationFixed(_ value: Decimal, places: Int) -> String {
        let text = value.rounded(scale: places).foundationString
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + (places > 0 ? "." : "") + fraction
            + String(repeating: "0", count: max(0, places - fraction.count))
    }

    static func foundationAmount(_ value: Decimal) -> String { value.rounded(scale: 4).foundationString }

    static func decimal(_ negative: Bool, _ significand: UInt64, _ exponent: Int) -> Decimal {
        Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }

    @Test func theStorageLayoutIsTheOneReadHere() {
        #expect(DecimalDigits.layoutHolds)
        #expect(DecimalDigits(Decimal(string: "-123.45")!) == DecimalDigits(negative: true, significand: 12345, exponent: -2))
        #expect(DecimalDigits(Decimal.nan) == nil)
        // All 128 bits of significand are read: 30 digits, and 2/3 to 38 digits.
        let huge = Decimal(string: "123456789012345678901234567890")!
        // Foundation keeps it compact: the trailing zero is a power of ten.
        #expect(DecimalDigits(huge) == DecimalDigits(negative: false, significand: 12_345_678_901_234_567_890_123_456_789, exponent: 1))
        #expect(Display.amount(huge) == "123456789012345678901234567890")
        #expect(DecimalDigits(Decimal(-2) / Decimal(3))
                == DecimalDigits(negative: true, significand: 66_666_666_666_666_666_666_666_666_666_666_666_666, exponent: -38))
        #expect(Display.percent(Decimal(2) / Decimal(3)) == "66.7%")
        #expect(Display.points(Decimal(-2) / Decimal(3)) == "-0.67")
    }

    @Test func handPickedValues() {
        let cases: [(String, String, String, String)] = [
            // value, points (2 places), percent of it as a ratio, amount
            ("0.125", "0.13", "12.5%", "0.125"),
            ("-0.125", "-0.13", "-12.5%", "-0.125"),
            ("-0.001", "0.00", "-0.1%", "-0.001"),
            ("-0.00004", "0.00", "0.0%", "0"),
            ("-0.0004", "0.00", "0.0%", "-0.0004"),
            ("1834.5", "1834.50", "183450.0%", "1834.5"),
            ("0.30", "0.30", "30.0%", "0.3"),
            ("1400", "1400.00", "140000.0%", "1400"),
            ("2.99999", "3.00", "300.0%", "3"),
            ("0.99995", "1.00", "100.0%", "1"),
            ("0.00005", "0.00", "0.0%", "0.0001"),
            ("0", "0.00", "0.0%", "0"),
        ]
        for (text, points, percent, amount) in cases {
            let value = Decimal(string: text)!
            #expect(Display.points(value) == points, "\(text)")
            #expect(Display.percent(value) == percent, "\(text)")
            #expect(Display.amount(value) == amount, "\(text)")
        }
    }

    @Test func agreesWithFoundationOnRandomValues() async {
        await propertyCheck(count: 3000, input: Gen.bool, Gen.uint64(in: 0...UInt64.max), Gen.int(in: -24...12),
                            Gen.int(in: 0...4)) { negative, significand, exponent, places in
            let value = Self.decimal(negative, significand >> (significand % 64), exponent)
            #expect(Display.fixed(value, places: places) == Self.foundationFixed(value, places: places))
            #expect(Display.amount(value) == Self.foundationAmount(value))
            #expect(value.plainString == value.foundationString)
            #expect(Display.percent(value) == Self.foundationFixed(value * 100, places: 1) + "%")
        }
    }

    /// Significands of up to 128 bits (products of two 64-bit ones, which Foundation rounds to
    /// 38 digits), at any scale.
    @Test func agreesWithFoundationOnWideValues() async {
        await propertyCheck(count: 2000, input: Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 0...UInt64.max),
                            Gen.int(in: -40...4), Gen.int(in: 0...4)) { a, b, exponent, places in
            let value = Self.decimal(a % 2 == 0, a, exponent) * Self.decimal(false, b >> (b % 64), 0)
            #expect(Display.fixed(value, places: places) == Self.foundationFixed(value, places: places))
            #expect(Display.amount(value) == Self.foundationAmount(value))
            #expect(value.plainString == value.foundationString)
            #expect(Display.percent(value) == Self.foundationFixed(value * 100, places: 1) + "%")
        }
    }

    @Test func agreesWithFoundationOnComputedRatios() async {
        await propertyCheck(count: 2000, input: Gen.int(in: -100_000...100_000), Gen.int(in: 1...9_999)) { a, b in
            let ratio = Decimal(a) / Decimal(b)
            #expect(Display.percent(ratio) == Self.foundationFixed(ratio * 100, places: 1) + "%")
            #expect(Display.points(ratio) == Self.foundationFixed(ratio, places: 2))
            #expect(Display.amount(ratio) == Self.foundationAmount(ratio))
        }
    }
}
