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

    /// A quotient shown from its exact value is what Foundation's 38-digit quotient shows.
    @Test func aQuotientShownExactlyIsWhatFoundationsQuotientShows() async {
        #expect(Display.fixed(1, over: 3, places: 1) == "0.3")
        #expect(Display.fixed(2, over: 3, places: 1) == "0.7")
        #expect(Display.fixed(1, over: 8, places: 2) == "0.13")
        #expect(Display.fixed(-1, over: 8, places: 2) == "-0.13")
        #expect(Display.fixed(Decimal(string: "-0.01")!, over: 3, places: 1) == "0.0")
        #expect(Display.fixed(0, over: 7, places: 1) == "0.0")
        #expect(Display.fixed(1200, over: Decimal(string: "0.07")!, places: 0) == "17143")
        await propertyCheck(count: 3000, input: Gen.int(in: -2_000_000...2_000_000), Gen.int(in: -4...3),
                            Gen.int(in: 1...999_999), Gen.int(in: -4...3), Gen.int(in: 0...4)) { n, ne, d, de, places in
            let (dividend, divisor) = (Self.decimal(n < 0, UInt64(n.magnitude), ne), Self.decimal(d % 2 == 0, UInt64(d), de))
            #expect(Display.fixed(dividend, over: divisor, places: places) == Self.foundationFixed(dividend / divisor, places: places),
                    "\(dividend) / \(divisor)")
        }
    }

    /// The bytes of a Decimal: a quotient worked out directly must be Foundation's to the bit,
    /// its form (exponent, length, flags) included, not only equal in value.
    static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    @Test func exactQuotientsAreFoundationsBitForBit() async {
        #expect(DecimalDigits.quotientLayoutHolds)
        // Worked out by hand: 1 ÷ 2 = 0.5, 90 ÷ 200 = 0.45, 2.5 ÷ 0.04 = 62.5, -7 ÷ 8 = -0.875,
        // 600 ÷ 3 = 200 (2 × 10²), 1 ÷ 3 does not terminate (left to Foundation).
        #expect(DecimalDigits.exactQuotient(1, 2) == DecimalDigits(negative: false, significand: 5, exponent: -1))
        #expect(DecimalDigits.exactQuotient(90, 200) == DecimalDigits(negative: false, significand: 45, exponent: -2))
        #expect(DecimalDigits.exactQuotient(Decimal(string: "2.5")!, Decimal(string: "0.04")!)
                == DecimalDigits(negative: false, significand: 625, exponent: -1))
        #expect(DecimalDigits.exactQuotient(-7, 8) == DecimalDigits(negative: true, significand: 875, exponent: -3))
        #expect(DecimalDigits.exactQuotient(600, 3) == DecimalDigits(negative: false, significand: 2, exponent: 2))
        #expect(DecimalDigits.exactQuotient(1, 3) == nil && DecimalDigits.exactQuotient(0, 3) == nil)
        #expect(DecimalDigits.exactQuotient(1, 0) == nil)
        for (a, b) in [(1, 2), (90, 200), (-7, 8), (600, 3), (1, 3), (0, 3), (5, 1), (1, 1024)] as [(Decimal, Decimal)] {
            #expect(Self.bytes(a.dividedExactly(by: b)) == Self.bytes(a / b), "\(a) / \(b)")
        }
        // Divisors made of twos and fives times a factor of the dividend (so that most quotients
        // terminate), and any divisor, at any scale and sign.
        // Exponents 100 apart either way reach the limits where the quotient is left to Foundation.
        let direct = Counter()
        await propertyCheck(count: 4000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...40), Gen.int(in: 0...20),
                            Gen.int(in: -60...20), Gen.int(in: -20...40)) { seed, twos, fives, ea, eb in
            let dividend = (seed >> (seed % 64)) / 128  // times a factor below 128, still 64 bits
            let factor = UInt64(1) + (seed >> 40) % 97
            var divisor = UInt128(factor)
            for _ in 0..<twos % (seed % 3 == 0 ? 41 : 8) { divisor *= 2 }
            for _ in 0..<fives % 12 { divisor *= 5 }
            let a = Self.decimal(seed % 5 == 0, dividend * (seed % 2 == 0 ? factor : 1), ea)
            let b = Decimal(sign: seed % 7 == 0 ? .minus : .plus, exponent: eb, significand: Decimal(string: String(divisor))!)
            #expect(Self.bytes(a.dividedExactly(by: b)) == Self.bytes(a / b), "\(a) / \(b)")
            if DecimalDigits.exactQuotient(a, b) != nil { direct.add() }
        }
        // Most of these quotients were worked out directly, so the comparison is not Foundation
        // against itself.
        #expect(direct.value > 1500)
        await propertyCheck(count: 2000, input: Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 1...UInt64.max),
                            Gen.int(in: -30...10)) { a, b, exponent in
            let x = Self.decimal(a % 2 == 0, a >> (a % 64), exponent), y = Self.decimal(false, b >> (b % 60), 0)
            #expect(Self.bytes(x.dividedExactly(by: y)) == Self.bytes(x / y), "\(x) / \(y)")
        }
    }

    @Test func exactSumsAreFoundationsBitForBit() async {
        // By hand: 0.5 + 0.5 = 1, 0.25 + 0.5 = 0.75, 100 + 0.01 = 100.01, -3 + 1 = -2;
        // 1 + -1 is zero and 0 + 0.5 is 0.5 as it was: both left to Foundation.
        #expect(DecimalDigits.exactSum(Decimal(string: "0.5")!, Decimal(string: "0.5")!) == DecimalDigits(negative: false, significand: 1, exponent: 0))
        #expect(DecimalDigits.exactSum(Decimal(string: "0.25")!, Decimal(string: "0.5")!) == DecimalDigits(negative: false, significand: 75, exponent: -2))
        #expect(DecimalDigits.exactSum(100, Decimal(string: "0.01")!) == DecimalDigits(negative: false, significand: 10001, exponent: -2))
        #expect(DecimalDigits.exactSum(-3, 1) == DecimalDigits(negative: true, significand: 2, exponent: 0))
        #expect(DecimalDigits.exactSum(1, -1) == nil && DecimalDigits.exactSum(0, Decimal(string: "0.5")!) == nil)
        for (a, b) in [("0.5", "0.5"), ("1", "-1"), ("0", "0.5"), ("0.5", "0"), ("1.50", "2"), ("-3", "1")] {
            let x = Decimal(string: a)!, y = Decimal(string: b)!
            #expect(Self.bytes(x.addingExactly(y)) == Self.bytes(x + y), "\(a) + \(b)")
        }
        #expect(Self.bytes([Decimal(string: "0.5")!, 1, Decimal(string: "0.25")!].exactSum()) == Self.bytes([Decimal(string: "0.5")!, 1, Decimal(string: "0.25")!].reduce(0, +)))
        // A zero, whichever way it is written (0, 0.00, -0), gives its partner back as it is; of
        // two zeros, the right one.
        let zeros = [Decimal(0), Decimal(string: "0.00")!, Decimal(string: "-0")!, Decimal(sign: .plus, exponent: 3, significand: 0)]
        for zero in zeros {
            for other in zeros + [Decimal(string: "1.50")!, Decimal(string: "-0.003")!, Decimal(2) / Decimal(3)] {
                #expect(Self.bytes(zero.addingExactly(other)) == Self.bytes(zero + other), "\(zero) + \(other)")
                #expect(Self.bytes(other.addingExactly(zero)) == Self.bytes(other + zero), "\(other) + \(zero)")
                #expect(Self.bytes(other.subtractingExactly(zero)) == Self.bytes(other - zero), "\(other) - \(zero)")
                #expect(Self.bytes(zero.subtractingExactly(other)) == Self.bytes(zero - other), "\(zero) - \(other)")
            }
        }
        // Any signs and scales, wide values (products, 38-digit quotients) among them.
        let direct = Counter()
        await propertyCheck(count: 5000, input: Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 0...UInt64.max),
                            Gen.int(in: -40...20), Gen.int(in: -40...20)) { s, t, ea, eb in
            var x = Self.decimal(s % 3 == 0, s >> (s % 64), ea), y = Self.decimal(t % 4 == 0, t >> (t % 64), eb)
            if s % 5 == 0 { x = x * Self.decimal(false, t, 0) }
            if t % 7 == 0 { y = Decimal(Int(s % 1000) + 1) / Decimal(Int(t % 997) + 1) }
            if s % 11 == 0 { y = -x }
            #expect(Self.bytes(x.addingExactly(y)) == Self.bytes(x + y), "\(x) + \(y)")
            if DecimalDigits.exactSum(x, y) != nil { direct.add() }
        }
        #expect(direct.value > 2000)
    }

    @Test func exactDifferencesAndProductsAreFoundationsBitForBit() async {
        // By hand: 12.34 × 0.5 = 6.17, 2.5 × 4 = 10 (1 × 10¹), -2 × 0.5 = -1; 0.75 - 0.5 = 0.25,
        // 1 - 1.5 = -0.5; a zero factor or a difference of zero is left to Foundation.
        #expect(DecimalDigits.exactProduct(Decimal(string: "12.34")!, Decimal(string: "0.5")!) == DecimalDigits(negative: false, significand: 617, exponent: -2))
        #expect(DecimalDigits.exactProduct(Decimal(string: "2.5")!, 4) == DecimalDigits(negative: false, significand: 1, exponent: 1))
        #expect(DecimalDigits.exactProduct(-2, Decimal(string: "0.5")!) == DecimalDigits(negative: true, significand: 1, exponent: 0))
        #expect(DecimalDigits.exactProduct(0, 3) == nil)
        #expect(DecimalDigits.exactSum(Decimal(string: "0.75")!, -Decimal(string: "0.5")!)
                == DecimalDigits(negative: false, significand: 25, exponent: -2))
        #expect(DecimalDigits.exactSum(1, -Decimal(string: "1.5")!) == DecimalDigits(negative: true, significand: 5, exponent: -1))
        #expect(DecimalDigits.exactSum(Decimal(string: "0.5")!, -Decimal(string: "0.50")!) == nil)
        for (a, b) in [("12.34", "0.5"), ("2.5", "4"), ("-2", "0.5"), ("0", "3"), ("3", "0"), ("1", "1.5"), ("0.5", "0.50")] {
            let x = Decimal(string: a)!, y = Decimal(string: b)!
            #expect(Self.bytes(x.multipliedExactly(by: y)) == Self.bytes(x * y), "\(a) × \(b)")
            #expect(Self.bytes(x.subtractingExactly(y)) == Self.bytes(x - y), "\(a) - \(b)")
        }
        // Any signs and scales; wide products (left to Foundation) and quotients of 38 digits among them.
        let products = Counter(), differences = Counter()
        await propertyCheck(count: 5000, input: Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 0...UInt64.max),
                            Gen.int(in: -50...40), Gen.int(in: -50...40)) { s, t, ea, eb in
            // Exponents that keep every product inside Decimal's range: Foundation's `*` stops the
            // program on an overflow, which the engine's numbers (points, percentages) never reach.
            var x = Self.decimal(s % 3 == 0, s >> (s % 64), ea), y = Self.decimal(t % 4 == 0, t >> (t % 64), eb)
            if s % 5 == 0 { x = x * Self.decimal(false, t, 0) }
            if t % 7 == 0 { y = Decimal(Int(s % 1000) + 1) / Decimal(Int(t % 997) + 1) }
            if s % 11 == 0 { y = x }
            #expect(Self.bytes(x.multipliedExactly(by: y)) == Self.bytes(x * y), "\(x) × \(y)")
            #expect(Self.bytes(x.subtractingExactly(y)) == Self.bytes(x - y), "\(x) - \(y)")
            if DecimalDigits.exactProduct(x, y) != nil { products.add() }
            if DecimalDigits.exactSum(x, -y) != nil { differences.add() }
        }
        #expect(products.value > 1500 && differences.value > 2000)
    }

    @Test func numbersReadFromDigitsAreFoundationsBitForBit() async {
        // By hand: 1.50 is 15 × 10⁻¹, 1200 is 12 × 10², -0.05 is -5 × 10⁻²; zero, a digit that
        // is not ASCII and 39 digits are left to Foundation.
        func read(_ whole: String, _ fraction: String, negative: Bool = false) -> Decimal? {
            Decimal.exactlyRead(whole: Substring(whole).utf8, fraction: Substring(fraction).utf8, negative: negative)
        }
        #expect(read("1", "50").flatMap(DecimalDigits.init) == DecimalDigits(negative: false, significand: 15, exponent: -1))
        #expect(read("1200", "").flatMap(DecimalDigits.init) == DecimalDigits(negative: false, significand: 12, exponent: 2))
        #expect(read("0", "05", negative: true).flatMap(DecimalDigits.init) == DecimalDigits(negative: true, significand: 5, exponent: -2))
        #expect(read("0", "00") == nil && read("１２", "") == nil && read(String(repeating: "9", count: 39), "") == nil)
        // Any digits: leading and trailing zeros, up to 38 significant digits, either sign.
        let directly = Counter()
        await propertyCheck(count: 3000, input: Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 0...UInt64.max),
                            Gen.int(in: 0...6), Gen.int(in: 0...8)) { a, b, leading, trailing in
            let whole = String(repeating: "0", count: leading % 3) + String(a >> (a % 64))
            let fraction = b % 4 == 0 ? "" : String(repeating: "0", count: leading) + String(b >> (b % 64)) + String(repeating: "0", count: trailing)
            let negative = a % 3 == 0
            let text = fraction.isEmpty ? whole : whole + "." + fraction
            guard let foundation = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return }
            let direct = read(whole, fraction, negative: negative)
            if foundation.isZero {
                #expect(direct == nil, "\(text)")
            } else if let direct {
                #expect(Self.bytes(direct) == Self.bytes(negative ? -foundation : foundation), "\(text)")
                directly.add()
            }
        }
        #expect(directly.value > 1000)
    }

    @Test func roundingIsFoundationsBitForBit() async {
        func foundation(_ value: Decimal, _ scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
            var input = value, result = Decimal()
            NSDecimalRound(&result, &input, scale, mode)
            return result
        }
        // By hand: 1.235 → 1.24 and -1.235 → -1.24 (half away from zero); 1.999 → 2; 1.10001 → 1.1;
        // down is toward minus infinity (-1.7 → -2), up toward plus infinity (1.2 → 2);
        // 1.5 at 2 places is itself; 0.004 → 0 is left to Foundation.
        let cases: [(String, Int, NSDecimalNumber.RoundingMode, String)] = [
            ("1.235", 2, .plain, "1.24"), ("-1.235", 2, .plain, "-1.24"), ("1.999", 2, .plain, "2"), ("1.10001", 2, .plain, "1.1"),
            ("-1.7", 0, .down, "-2"), ("1.7", 0, .down, "1"), ("1.2", 0, .up, "2"), ("-1.2", 0, .up, "-1"), ("1.5", 2, .plain, "1.5"),
        ]
        for (text, scale, mode, expected) in cases {
            let value = Decimal(string: text)!
            #expect(value.exactlyRounded(scale: scale, mode: mode) == Decimal(string: expected)!, "\(text) at \(scale)")
            #expect(Self.bytes(value.rounded(scale: scale, mode: mode)) == Self.bytes(foundation(value, scale, mode)), "\(text) at \(scale)")
        }
        #expect(Decimal(string: "0.004")!.exactlyRounded(scale: 2, mode: .plain) == nil)
        #expect(Decimal(string: "0.125")!.exactlyRounded(scale: 2, mode: .bankers) == nil)
        let directly = Counter()
        await propertyCheck(count: 4000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: -30...6), Gen.int(in: 0...8),
                            Gen.int(in: 0...3)) { s, exponent, scale, mode in
            var x = Self.decimal(s % 3 == 0, s >> (s % 64), exponent)
            if s % 7 == 0 { x = Decimal(Int(s % 1000) + 1) / Decimal(Int(s % 997) + 1) }
            if s % 11 == 0 { x = x * 100 }
            let mode = NSDecimalNumber.RoundingMode(rawValue: UInt(mode))!
            #expect(Self.bytes(x.rounded(scale: scale, mode: mode)) == Self.bytes(foundation(x, scale, mode)), "\(x) at \(scale), \(mode.rawValue)")
            if x.exactlyRounded(scale: scale, mode: mode) != nil { directly.add() }
        }
        #expect(directly.value > 2000)
    }

    @Test func exactOrderIsFoundations() async {
        // By hand: 0.5 < 1; 1 = 1.0; -2 < -1.5; 0 < 0.0001; 10^40 > 99 (39 places apart).
        #expect(Decimal(string: "0.5")!.exactOrder(1) == .orderedAscending)
        #expect(Decimal(1).exactOrder(Decimal(string: "1.0")!) == .orderedSame)
        #expect(Decimal(-2).exactOrder(Decimal(string: "-1.5")!) == .orderedAscending)
        #expect(Decimal(0).exactOrder(Decimal(string: "0.0001")!) == .orderedAscending)
        #expect(Decimal(sign: .plus, exponent: 40, significand: 1).exactOrder(99) == .orderedDescending)
        #expect(Self.bytes(Decimal(string: "1.25")!.capped(at: 1)) == Self.bytes(1))
        #expect(Self.bytes(Decimal(string: "0.75")!.capped(at: 1)) == Self.bytes(Decimal(string: "0.75")!))
        let foundation = { (x: Decimal, y: Decimal) -> ComparisonResult in x < y ? .orderedAscending : x == y ? .orderedSame : .orderedDescending }
        await propertyCheck(count: 5000, input: Gen.uint64(in: 0...UInt64.max), Gen.uint64(in: 0...UInt64.max),
                            Gen.int(in: -60...20), Gen.int(in: -60...20)) { s, t, ea, eb in
            var x = Self.decimal(s % 3 == 0, s >> (s % 64), ea), y = Self.decimal(t % 3 == 0, t >> (t % 64), eb)
            if s % 5 == 0 { x = x * Self.decimal(false, t, 0) }
            if t % 7 == 0 { y = Decimal(Int(s % 1000) + 1) / Decimal(Int(t % 997) + 1) }
            // Equal values written differently: 1.50 against 1.5, 2/3 against itself.
            if s % 11 == 0 { y = Decimal(sign: x.sign, exponent: Int(x.exponent) - 2, significand: x.significand * 100) }
            if t % 13 == 0 { y = x }
            #expect(x.exactOrder(y) == foundation(x, y), "\(x) ? \(y)")
            #expect(Self.bytes(x.capped(at: y)) == Self.bytes(min(x, y)), "min(\(x), \(y))")
        }
    }
}

/// A count shared by the cases of a property check, which may run concurrently.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
