import Foundation

/// Reads numbers as officials write them: full-width digits (１２), thousands separators
/// (1,400), amounts with a unit (0.3亿元, 3000万元, 35人). Chinese numerals and vague
/// amounts are refused with a hint rather than guessed.
public enum NumberReading {
    public enum Problem: Error, Equatable {
        case chineseNumerals
        case approximate(String)
        case comparisonWords(String)
        case badSeparators
        case unknownUnit(String)
        case wrongUnit(written: String, expected: String)
        case notANumber
        case tooLong

        /// Where a number is written, for advice that names the right place to put the rest.
        public enum Place: Sendable {
            /// A field of a content file: wording goes in 'note', a comparison in 'comparator'.
            case field
            /// A cell of a table or sheet: wording goes in the column `noteColumn`, which the
            /// table may not have yet (`present: false`: the advice says to add it).
            case cell(noteColumn: String, present: Bool = true)
        }

        public func message(for text: String, in place: Place = .field) -> Message {
            let text = Message.Argument.text(text)
            switch (self, place) {
            case (.approximate(let word), .cell(let column, let present)):
                return Message(.approximateInCell, ["text": text, "word": .text(word), "column": .text(column),
                                                    "missing": .optional(present ? nil : Message(.columnToAdd))])
            case (.comparisonWords(let word), .cell(let column, let present)):
                return Message(.comparisonInCell, ["text": text, "word": .text(word), "column": .text(column),
                                                   "missing": .optional(present ? nil : Message(.columnToAdd))])
            default: break
            }
            switch self {
            case .chineseNumerals: return Message(.chineseNumerals, ["text": text])
            case .approximate(let word): return Message(.approximate, ["text": text, "word": .text(word)])
            case .comparisonWords(let word): return Message(.comparisonWords, ["text": text, "word": .text(word)])
            case .badSeparators: return Message(.badSeparators, ["text": text])
            case .unknownUnit(let unit):
                return Message(.unknownUnitInNumber, ["text": text, "unit": .text(unit),
                                                      "suggestion": Suggestion.didYouMean(unit, among: MeasureUnit.known.map(\.symbol))])
            case .wrongUnit(let written, let expected):
                return Message(.wrongUnit, ["text": text, "written": .text(written), "expected": .text(expected)])
            case .notANumber: return Message(.notANumber, ["text": text])
            case .tooLong:
                return Message(.tooManyDigits, ["text": text, "whole": "\(NumberReading.wholeDigits)",
                                                "fraction": "\(NumberReading.fractionDigits)"])
            }
        }
    }

    private static let chineseNumerals = Set("零〇一二两三四五六七八九十百千")
    private static let approximateWords = ["约", "大约", "左右", "近", "余", "多", "上下", "估计"]
    private static let comparisonWords = ["不少于", "不低于", "不超过", "以上", "以下", "至少", "超过", "≥", ">=", "≤", "<="]

    /// Half-width form of full-width digits and punctuation.
    public static func normalise(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar.value {
            case 0xFF10...0xFF19: return Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: return "."
            case 0xFF0C: return ","
            case 0xFF0D: return "-"
            case 0xFF05: return "%"
            case 0x3000: return " "
            default: return Character(scalar)
            }
        }).trimmingCharacters(in: .whitespaces)
    }

    /// A plain number: `12`, `１２`, `1,400`, `0.3`. A unit after it is an error here.
    public static func number(_ text: String) -> Result<Decimal, Problem> {
        switch quantity(text, unit: nil) {
        case .success(let (value, unit)):
            return unit == nil ? .success(value) : .failure(.notANumber)
        case .failure(let problem):
            return .failure(problem)
        }
    }

    /// A number with an optional unit after it; returns the value in `unit` when one is written
    /// and convertible, so `3000万元` read for an indicator in 亿元 gives 0.3.
    public static func amount(_ text: String, in unit: MeasureUnit) -> Result<Decimal, Problem> {
        switch quantity(text, unit: unit) {
        case .success(let (value, written)):
            guard let written, written != unit else { return .success(value) }
            guard written.isCommensurable(with: unit) else {
                return .failure(.wrongUnit(written: written.symbol, expected: unit.symbol))
            }
            return .success(written.convert(value, to: unit))
        case .failure(let problem):
            return .failure(problem)
        }
    }

    private static func quantity(_ raw: String, unit: MeasureUnit?) -> Result<(Decimal, MeasureUnit?), Problem> {
        // Nearly every value is plain ASCII ("114", "0.3"): read it without the normalising and
        // the searches for words and units below, which give the same answer (a test holds them
        // to it). Without this, loading 100 plans of 240 records took about 30 % more CPU.
        if raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D }), let value = decimal(raw) {
            return fits(Substring(raw)) ? .success((value, nil)) : .failure(.tooLong)
        }
        let text = normalise(raw).replacingOccurrences(of: " ", with: "")
        if let word = comparisonWords.first(where: { text.contains($0) }) { return .failure(.comparisonWords(word)) }
        if let word = approximateWords.first(where: { text.contains($0) }) { return .failure(.approximate(word)) }
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }
        var suffix = String(text.dropFirst(digits.count))
        if digits.isEmpty {
            return .failure(text.contains(where: { chineseNumerals.contains($0) }) ? .chineseNumerals : .notANumber)
        }
        if suffix.contains(where: { chineseNumerals.contains($0) }) { return .failure(.chineseNumerals) }
        guard var value = decimal(String(digits)) else {
            return .failure(digits.contains(",") ? .badSeparators : .notANumber)
        }
        guard fits(digits) else { return .failure(.tooLong) }
        guard !suffix.isEmpty else { return .success((value, nil)) }
        // 1.2万人: a 万 or 亿 multiplier before a counting unit.
        if suffix.count > 1, let multiplier = suffix.first, multiplier == "万" || multiplier == "亿",
           MeasureUnit.named(suffix) == nil {
            value *= multiplier == "万" ? 10_000 : 100_000_000
            suffix.removeFirst()
        }
        guard let written = MeasureUnit.named(suffix) else { return .failure(.unknownUnit(suffix)) }
        return .success((value, written))
    }

    /// The longest number content may hold: Decimal keeps 38 digits and would cut a longer one
    /// silently; no figure of a plan comes near these.
    static let wholeDigits = 15
    static let fractionDigits = 10

    /// Whether the digits of a number written in `text` fit the limits above.
    private static func fits(_ text: Substring) -> Bool {
        let body = text.drop { $0 == "-" }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map { $0.filter { $0 != "," }.drop { $0 == "0" }.count } ?? 0
        return whole <= wholeDigits && (parts.count < 2 || parts[1].count <= fractionDigits)
    }

    /// Digits with an optional sign, decimal point and correctly placed thousands separators.
    private static func decimal(_ text: String) -> Decimal? {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let grouped = whole.utf8.contains(UInt8(ascii: ","))
        if grouped {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let wholeDigits = grouped ? Substring(whole.replacingOccurrences(of: ",", with: "")) : whole
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 1 || !fraction.isEmpty,
           let value = Decimal.exactlyRead(whole: wholeDigits.utf8, fraction: fraction.utf8, negative: negative) {
            return value
        }
        guard wholeDigits.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber),
              parts.count == 1 || !fraction.isEmpty else { return nil }
        guard let value = Decimal(string: fraction.isEmpty ? String(wholeDigits) : wholeDigits + "." + fraction,
                                  locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return negative ? -value : value
    }
}
