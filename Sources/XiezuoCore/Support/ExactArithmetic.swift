import Foundation

extension Decimal {
    /// `self / divisor`, bit for bit what Foundation's division gives: worked out directly
    /// when Foundation's quotient is exact (1 ÷ 2, 3 ÷ 4, 90 ÷ 200: much of what the engine
    /// divides), by Foundation otherwise.
    ///
    /// Foundation divides to 38 digits and then strips the trailing zeros of a quotient such
    /// as 0.5 (5 followed by 37 zeros) by dividing by ten, each time allocating: division was
    /// 12 % of a build's instructions, most of it that stripping. An exact quotient is the same
    /// number whichever way it is reached, and Foundation keeps it in its shortest form, which
    /// `DecimalDigits` writes. Tests compare both ways, bytes included.
    public func dividedExactly(by divisor: Decimal) -> Decimal {
        DecimalDigits.exactQuotient(self, divisor).flatMap(\.decimal) ?? self / divisor
    }

    /// `self + other`, bit for bit Foundation's: worked out directly when both are nonzero and
    /// line up within 128 bits, by Foundation otherwise. Foundation strips the sum's trailing
    /// zeros as it does a quotient's; the engine adds up completions and points in every
    /// rollup of every month end.
    public func addingExactly(_ other: Decimal) -> Decimal {
        guard let a = DecimalDigits(self), let b = DecimalDigits(other) else { return self + other }
        // Foundation gives a zero's partner back as it is, the right one when both are zero:
        // every sum the engine starts from 0 begins so.
        if a.significand == 0 { return other }
        if b.significand == 0 { return self }
        return DecimalDigits.exactSum(a, b).flatMap(\.decimal) ?? self + other
    }

    /// `self - other`, bit for bit Foundation's, which subtracts by adding `-other`: worked
    /// out as `addingExactly` adds.
    public func subtractingExactly(_ other: Decimal) -> Decimal {
        guard let a = DecimalDigits(self), var b = DecimalDigits(other) else { return self - other }
        // Foundation gives a number less zero back as it is (a task's total less no penalty).
        if b.significand == 0, a.significand != 0 { return self }
        b.negative.toggle()
        return DecimalDigits.exactSum(a, b).flatMap(\.decimal) ?? self - other
    }

    /// `self * other`, bit for bit Foundation's: worked out directly when the product of the
    /// significands has at most 38 digits once its trailing zeros are stripped, by Foundation
    /// otherwise (charts scale every point, scores every case).
    public func multipliedExactly(by other: Decimal) -> Decimal {
        DecimalDigits.exactProduct(self, other).flatMap(\.decimal) ?? self * other
    }

    /// How `self` compares with `other`, as Foundation's `<` and `==` say, read from the parts
    /// (Foundation's `<` lined the two up through arrays: 2 % of a build's instructions).
    public func exactOrder(_ other: Decimal) -> ComparisonResult {
        DecimalDigits.order(self, other) ?? (self < other ? .orderedAscending : self == other ? .orderedSame : .orderedDescending)
    }

    /// `min(self, limit)`, compared as `exactOrder` does: a completion capped at 100 %.
    public func capped(at limit: Decimal) -> Decimal { limit.exactOrder(self) == .orderedAscending ? limit : self }

    /// `self += other`, as `addingExactly`.
    public mutating func addExactly(_ other: Decimal) { self = addingExactly(other) }
}

extension Decimal {
    /// The number written in ASCII digits as `whole`.`fraction`, negated with `negative`: bit
    /// for bit what `Decimal(string:)` (and `-`) make of it, worked out directly; nil for a
    /// zero, a character that is not a digit, or more than 38 digits, left to Foundation.
    ///
    /// Foundation reads the digits into a significand, counts the fraction's digits into the
    /// exponent and strips the trailing zeros. Every reported value is read this way, and
    /// Foundation's reading (a locale, arrays of words) was 2 % of a build.
    static func exactlyRead(whole: Substring.UTF8View, fraction: Substring.UTF8View, negative: Bool) -> Decimal? {
        var significand: UInt128 = 0
        var digits = 0
        func read(_ part: Substring.UTF8View) -> Bool {
            for byte in part {
                guard (0x30...0x39).contains(byte) else { return false }
                if significand == 0 && byte == 0x30 { continue }
                digits += 1
                guard digits <= 38 else { return false }
                significand = significand * 10 + UInt128(byte - 0x30)
            }
            return true
        }
        guard read(whole), read(fraction), significand != 0 else { return nil }
        let number = DecimalDigits(negative: negative, significand: significand, exponent: -fraction.count).compacted()
        guard (-128...127).contains(number.exponent) else { return nil }
        return number.decimal
    }
}

extension Decimal {
    /// What `NSDecimalRound` gives, worked out directly: the value as it is when it is compact
    /// and has no more than `scale` places, else its digits rounded; nil for what is left to
    /// Foundation (zero, NaN, banker's rounding, a zero result, more than 38 places to drop).
    /// Every score is rounded to its places, and Foundation rounded through arrays of words.
    ///
    /// The digits are rounded as `DecimalDigits.rounded(places:_:)` rounds them for display;
    /// Foundation then strips the result's trailing zeros (a zero result keeps the exponent of
    /// its places, and is left to it).
    func exactlyRounded(scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal? {
        guard let digits = DecimalDigits(self), digits.significand != 0, (-128...127).contains(scale),
              let rounding = DecimalDigits.Rounding(mode) else { return nil }
        if digits.exponent >= -scale {
            return withUnsafeBytes(of: self) { $0[1] & 0x04 != 0 } ? self : nil
        }
        guard -scale - digits.exponent <= 38 else { return nil }
        let rounded = digits.rounded(places: scale, rounding)
        guard rounded.significand != 0 else { return nil }
        let compact = rounded.compacted()
        guard compact.exponent <= 127 else { return nil }
        return compact.decimal
    }
}

extension Sequence<Decimal> {
    /// The values added up, as `reduce(0, +)` adds them (`addingExactly`).
    public func exactSum() -> Decimal { reduce(0) { $0.addingExactly($1) } }
}

extension DecimalDigits {
    /// The quotient when Foundation's division gives it exactly; nil otherwise (zero, NaN,
    /// and every case below left to Foundation).
    ///
    /// Foundation (swift-foundation's `Decimal._divide`) divides the dividend's significand
    /// times 10^38 by the divisor's, drops the quotient's last digits while it is wider than
    /// 128 bits, and strips its trailing zeros. With n / d the significands' ratio in lowest
    /// terms, that is exact when d is 2^x × 5^y with x, y ≤ 38, and the quotient without its
    /// trailing zeros fits: then it is n × 2^(k − x) × 5^(k − y) × 10^(ea − eb − k), k = max(x, y).
    /// When the dividend's exponent is 19 or more above the divisor's, Foundation first scales
    /// both and may lose digits: left to it, as are exponents near Decimal's limits.
    static func exactQuotient(_ dividend: Decimal, _ divisor: Decimal) -> DecimalDigits? {
        guard let a = DecimalDigits(dividend), let b = DecimalDigits(divisor), a.significand != 0, b.significand != 0,
              (-90..<19).contains(a.exponent - b.exponent) else {
            return nil
        }
        let common = gcd(a.significand, b.significand)
        var (numerator, denominator) = (a.significand / common, b.significand / common)
        let twos = denominator.trailingZeroBitCount
        denominator >>= twos
        var fives = 0
        while denominator % 5 == 0 {
            denominator /= 5
            fives += 1
        }
        let places = max(twos, fives)
        guard denominator == 1, places <= 38 else { return nil }
        // Only one of the two loops runs.
        for _ in 0..<(places - twos) {
            let (product, overflow) = numerator.multipliedReportingOverflow(by: 2)
            guard !overflow else { return nil }
            numerator = product
        }
        for _ in 0..<(places - fives) {
            let (product, overflow) = numerator.multipliedReportingOverflow(by: 5)
            guard !overflow else { return nil }
            numerator = product
        }
        let quotient = DecimalDigits(negative: a.negative != b.negative, significand: numerator,
                                     exponent: a.exponent - b.exponent - places).compacted()
        guard quotient.significand <= maxSignificand, (-128...127).contains(quotient.exponent) else { return nil }
        return quotient
    }

    /// `dividend ÷ divisor` rounded half away from zero to `places` decimal places, from the
    /// exact quotient of the parts: nil when the divisor is zero, either is NaN, or the parts do
    /// not line up within 128 bits. Foundation's quotient of two such numbers, when the division
    /// does not end, is cut at 38 digits, and rounding that cut value differs from rounding the
    /// exact one only at an exact tie, which a quotient that does not end never is.
    static func roundedQuotient(_ dividend: Decimal, _ divisor: Decimal, places: Int) -> DecimalDigits? {
        guard let a = DecimalDigits(dividend), let b = DecimalDigits(divisor), b.significand != 0 else { return nil }
        guard a.significand != 0 else { return DecimalDigits(negative: false, significand: 0, exponent: -places) }
        // a ÷ b × 10^places = (sa ÷ sb) × 10^shift: the power of ten goes to whichever side keeps it whole.
        let shift = a.exponent - b.exponent + places
        guard abs(shift) <= 38 else { return nil }
        var (numerator, denominator) = (a.significand, b.significand)
        let (high, low) = (shift >= 0 ? numerator : denominator).multipliedFullWidth(by: powersOfTen[abs(shift)])
        guard high == 0 else { return nil }
        if shift >= 0 { numerator = low } else { denominator = low }
        var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        // remainder ≥ denominator / 2, without overflow.
        if remainder >= denominator - remainder { quotient += 1 }
        return DecimalDigits(negative: quotient != 0 && a.negative != b.negative, significand: quotient, exponent: -places)
    }

    /// The sum when Foundation's addition gives it exactly and the parts line up without
    /// overflow; nil otherwise (a zero, NaN, a sum of zero, or wider than 128 bits).
    ///
    /// Foundation (`Decimal._add`) returns a zero operand's partner as it is, scales the
    /// operand with the larger exponent up to the other's when it fits in 128 bits, adds or
    /// subtracts the significands, and strips the result's trailing zeros.
    static func exactSum(_ lhs: Decimal, _ rhs: Decimal) -> DecimalDigits? {
        guard let a = DecimalDigits(lhs), let b = DecimalDigits(rhs) else { return nil }
        return exactSum(a, b)
    }

    /// The sum of two numbers' digits, as above; nil for a zero among them.
    static func exactSum(_ a: DecimalDigits, _ b: DecimalDigits) -> DecimalDigits? {
        guard a.significand != 0, b.significand != 0 else { return nil }
        let exponent = min(a.exponent, b.exponent)
        guard let x = a.scaled(to: exponent), let y = b.scaled(to: exponent) else { return nil }
        var significand: UInt128
        let negative: Bool
        if a.negative == b.negative {
            let (sum, overflow) = x.addingReportingOverflow(y)
            guard !overflow else { return nil }
            (significand, negative) = (sum, a.negative)
        } else {
            guard x != y else { return nil }
            (significand, negative) = x > y ? (x - y, a.negative) : (y - x, b.negative)
        }
        let sum = DecimalDigits(negative: negative, significand: significand, exponent: exponent).compacted()
        guard sum.exponent <= 127 else { return nil }
        return sum
    }

    /// The product when it needs no rounding; nil otherwise (a zero, NaN, a product wider than
    /// 128 bits or longer than 38 digits without its trailing zeros, an exponent out of range).
    ///
    /// Foundation (`Decimal._multiply`) multiplies the significands, adds the exponents, rounds
    /// only a product too wide to keep, and strips the trailing zeros.
    static func exactProduct(_ lhs: Decimal, _ rhs: Decimal) -> DecimalDigits? {
        guard let a = DecimalDigits(lhs), let b = DecimalDigits(rhs), a.significand != 0, b.significand != 0 else { return nil }
        let (high, low) = a.significand.multipliedFullWidth(by: b.significand)
        guard high == 0 else { return nil }
        let product = DecimalDigits(negative: a.negative != b.negative, significand: low, exponent: a.exponent + b.exponent).compacted()
        guard product.significand <= maxSignificand, (-128...127).contains(product.exponent) else { return nil }
        return product
    }

    /// The order of two numbers, nil for NaN. Zero has no sign; otherwise the signs decide,
    /// then the magnitudes lined up at the lower exponent (a significand below 2^128 is below
    /// 10^39, so one 39 or more places higher is larger).
    static func order(_ lhs: Decimal, _ rhs: Decimal) -> ComparisonResult? {
        guard let a = DecimalDigits(lhs), let b = DecimalDigits(rhs) else { return nil }
        func sign(_ x: DecimalDigits) -> Int { x.significand == 0 ? 0 : x.negative ? -1 : 1 }
        let (sa, sb) = (sign(a), sign(b))
        guard sa == sb, sa != 0 else { return sa < sb ? .orderedAscending : sa > sb ? .orderedDescending : .orderedSame }
        let magnitude: ComparisonResult
        let difference = a.exponent - b.exponent
        if difference == 0 {
            magnitude = a.significand < b.significand ? .orderedAscending : a.significand > b.significand ? .orderedDescending : .orderedSame
        } else if abs(difference) >= 39 {
            magnitude = difference > 0 ? .orderedDescending : .orderedAscending
        } else if difference > 0 {
            let (high, low) = a.significand.multipliedFullWidth(by: powersOfTen[difference])
            magnitude = high != 0 || low > b.significand ? .orderedDescending : low < b.significand ? .orderedAscending : .orderedSame
        } else {
            let (high, low) = b.significand.multipliedFullWidth(by: powersOfTen[-difference])
            magnitude = high != 0 || low > a.significand ? .orderedAscending : low < a.significand ? .orderedDescending : .orderedSame
        }
        guard sa < 0 else { return magnitude }
        return magnitude == .orderedAscending ? .orderedDescending : magnitude == .orderedDescending ? .orderedAscending : .orderedSame
    }

    /// The same number in Foundation's compact form, the one every result of Foundation's is
    /// in: the significand's trailing zeros stripped, the exponent raised to match. Not zero.
    fileprivate func compacted() -> DecimalDigits {
        var digits = self
        while digits.significand % 10 == 0 {
            digits.significand /= 10
            digits.exponent += 1
        }
        return digits
    }

    /// The significand written at a lower exponent, when it fits in 128 bits.
    private func scaled(to lower: Int) -> UInt128? {
        let places = exponent - lower
        guard places <= 38 else { return nil }
        guard places > 0 else { return significand }
        let (high, low) = significand.multipliedFullWidth(by: Self.powersOfTen[places])
        return high == 0 ? low : nil
    }

    /// The largest significand taken: 38 digits (below 2^127, so Foundation drops no digit of it).
    private static let maxSignificand: UInt128 = 99_999_999_999_999_999_999_999_999_999_999_999_999

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// The Decimal of these parts in Foundation's compact form: exponent, length in 16-bit
    /// words with the sign and "compact" bits, then the significand's words, low first. Nil
    /// where the layout was not confirmed (`layoutHolds`).
    var decimal: Decimal? {
        guard Self.quotientLayoutHolds, significand != 0 else { return nil }
        return written
    }

    /// Whether quotients written here have the bytes of Foundation's: checked once, on three.
    static let quotientLayoutHolds: Bool = {
        guard layoutHolds else { return false }
        let bytes = { (value: Decimal) in withUnsafeBytes(of: value) { Array($0) } }
        return [(1, 2, false, 5, -1), (3, 4, false, 75, -2), (-10, 4, true, 25, -1)].allSatisfy { a, b, negative, significand, exponent in
            bytes(DecimalDigits(negative: negative, significand: significand, exponent: exponent).written)
                == bytes(Decimal(a) / Decimal(b))
        }
    }()

    private var written: Decimal {
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) { bytes in
            for index in bytes.indices { bytes[index] = 0 }
            bytes[0] = UInt8(bitPattern: Int8(exponent))
            let words = (128 - significand.leadingZeroBitCount + 15) / 16
            bytes[1] = UInt8(words) << 4 | (negative ? 0x08 : 0) | 0x04
            for word in 0..<words {
                let bits = UInt16(truncatingIfNeeded: significand >> (16 * word))
                bytes[4 + 2 * word] = UInt8(truncatingIfNeeded: bits)
                bytes[5 + 2 * word] = UInt8(truncatingIfNeeded: bits >> 8)
            }
        }
        return value
    }
}
