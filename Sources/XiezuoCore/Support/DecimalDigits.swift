import Foundation

/// A Decimal as sign, integer significand and power of ten, for showing it fast.
///
/// Foundation formats a Decimal in about 5 µs and rounds one in about 1.5 µs (measured here),
/// and a site shows hundreds of thousands of numbers. Decimal keeps its parts internal, so they
/// are read from its storage: an 8-bit exponent, a byte whose high four bits are the length
/// in 16-bit words and whose bit 3 is the sign, then the significand in little-endian 16-bit
/// words. That layout is checked against Decimals built through the public API before it is
/// trusted; where it does not hold, `init` answers nil and callers use Foundation. Tests
/// compare both ways on many values.
///
/// The significand is read whole, all eight words (128 bits): a ratio such as 2/3 carries 38
/// digits, and with 64 bits each of those went through Foundation's rounding, 3 % of a build.
struct DecimalDigits: Equatable {
    var negative: Bool
    var significand: UInt128
    var exponent: Int

    init(negative: Bool, significand: UInt128, exponent: Int) {
        self.negative = negative
        self.significand = significand
        self.exponent = exponent
    }

    init?(_ value: Decimal) {
        guard Self.layoutHolds, let parts = Self.read(value) else { return nil }
        self = parts
    }

    private static func read(_ value: Decimal) -> DecimalDigits? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { bytes -> DecimalDigits? in
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let length = Int(bytes[1] >> 4)
            let negative = bytes[1] & 0x08 != 0
            // Length 0 is zero, or NaN when the sign bit is set.
            if length == 0 { return negative ? nil : DecimalDigits(negative: false, significand: 0, exponent: 0) }
            guard length <= 8 else { return nil }
            var significand: UInt128 = 0
            for word in (0..<length).reversed() {
                significand = significand << 16 | UInt128(bytes[4 + 2 * word]) | UInt128(bytes[5 + 2 * word]) << 8
            }
            return DecimalDigits(negative: negative, significand: significand, exponent: exponent)
        }
    }

    /// Whether Decimals built through the public API read back as built.
    static let layoutHolds: Bool = {
        let samples: [(Bool, UInt64, Int)] = [(false, 1, 0), (true, 12345, -2), (false, 65_536, 3),
                                              (false, 1_234_567_890_123_456_789, -7), (true, 0xFFFF_FFFF_FFFF, 10)]
        // All eight words: a ratio such as 2/3 is 0.666… to 38 digits.
        let twoThirds = DecimalDigits(negative: false, significand: 66_666_666_666_666_666_666_666_666_666_666_666_666 as UInt128,
                                      exponent: -38)
        return samples.allSatisfy { negative, significand, exponent in
            let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            return read(value) == DecimalDigits(negative: negative, significand: UInt128(significand), exponent: exponent)
        } && read(Decimal(0)) == DecimalDigits(negative: false, significand: 0, exponent: 0)
            && Decimal(string: "0.66666666666666666666666666666666666666").flatMap(read) == twoThirds
    }()

    static let powersOfTen: [UInt128] = (0...38).map { power in (0..<power).reduce(1) { product, _ in product * 10 } }

    /// Which way a rounding goes with the digits it drops: NSDecimalRound's `.plain`, `.down`
    /// and `.up`, as Foundation applies them.
    enum Rounding {
        case halfAwayFromZero, towardMinusInfinity, towardPlusInfinity

        /// Nil for banker's rounding, which nothing here does.
        init?(_ mode: NSDecimalNumber.RoundingMode) {
            switch mode {
            case .plain: self = .halfAwayFromZero
            case .down: self = .towardMinusInfinity
            case .up: self = .towardPlusInfinity
            default: return nil
            }
        }
    }

    /// Rounded to at most `places` decimal places, half away from zero unless told otherwise,
    /// as NSDecimalRound rounds (what it writes, trailing zeros and a zero's exponent, is
    /// `Decimal.exactlyRounded`'s business).
    func rounded(places: Int, _ rounding: Rounding = .halfAwayFromZero) -> DecimalDigits {
        let dropped = -exponent - places
        guard dropped > 0 else { return self }
        // Any 128-bit significand is below half of 10^39: dropping more digits leaves it all over.
        let (quotient, remainder) = dropped <= 38 ? significand.quotientAndRemainder(dividingBy: Self.powersOfTen[dropped])
            : (0, significand)
        let awayFromZero: Bool
        switch rounding {
        // remainder ≥ divisor / 2, without overflow for odd divisors (there are none but 1).
        case .halfAwayFromZero: awayFromZero = dropped <= 38 && remainder >= Self.powersOfTen[dropped] - remainder
        case .towardMinusInfinity: awayFromZero = negative && remainder > 0
        case .towardPlusInfinity: awayFromZero = !negative && remainder > 0
        }
        var result = DecimalDigits(negative: negative, significand: quotient + (awayFromZero ? 1 : 0), exponent: -places)
        if result.significand == 0 { result.negative = false }
        return result
    }

    /// Plain digits with exactly `places` decimal places (the value already rounded to them).
    /// Written byte by byte into the string's own storage: a site shows tens of thousands of
    /// numbers, and joining the pieces as Strings (the significand's, the point, the padding)
    /// took about 900 instructions each.
    func fixed(places: Int) -> String {
        // Zero has no meaningful exponent (×100 of zero is still plain zero).
        let scale = significand == 0 ? 0 : -exponent
        let fraction = max(scale, 0)
        // Whole numbers with a positive exponent get their zeros.
        let trailingZeros = max(-scale, 0)
        let shownFraction = max(fraction, places)
        let digitCount = Self.digitCount(significand)
        // A value below one shows one zero before the point.
        let integerCount = fraction == 0 ? digitCount + trailingZeros : max(digitCount - fraction, 1)
        let sign = negative ? 1 : 0
        let count = sign + integerCount + (shownFraction > 0 ? 1 + shownFraction : 0)
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: UInt8(ascii: "0"))
            if negative { buffer[0] = UInt8(ascii: "-") }
            if shownFraction > 0 { buffer[sign + integerCount] = UInt8(ascii: ".") }
            // The significand's digits, last first, each placed around the point; the zeros
            // before and after them are already there.
            var place = integerCount + fraction - 1 - trailingZeros
            // Divided in 64 bits when it fits, as nearly every significand does: 128-bit division is a library call.
            func put<Digits: BinaryInteger>(_ digits: Digits) {
                var rest = digits
                while rest > 0 {
                    let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
                    buffer[sign + place + (place >= integerCount ? 1 : 0)] = UInt8(ascii: "0") + UInt8(digit)
                    rest = quotient
                    place -= 1
                }
            }
            if let small = UInt64(exactly: significand) { put(small) } else { put(significand) }
            return count
        }
    }

    /// How many decimal digits `value` has; 1 for zero.
    private static func digitCount(_ value: UInt128) -> Int {
        var count = 1
        while count < powersOfTen.count, value >= powersOfTen[count] { count += 1 }
        return count
    }

    /// Plain digits without trailing zeros after the point: 0.30 → "0.3", 1400 → "1400".
    var plain: String {
        var trimmed = self
        while trimmed.exponent < 0, trimmed.significand % 10 == 0, trimmed.significand != 0 {
            trimmed.significand /= 10
            trimmed.exponent += 1
        }
        if trimmed.significand == 0 { return "0" }
        return trimmed.fixed(places: 0)
    }
}
