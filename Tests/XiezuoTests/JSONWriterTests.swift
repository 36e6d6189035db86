import Foundation
import Testing
@testable import XiezuoCore
@testable import XiezuoSite

/// results.json is written by `JSONWriter`, not `JSONEncoder`; its bytes must stay the ones
/// Foundation gives with [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes], the published form.
@Suite struct JSONWriterTests {
    /// Any JSON value, as Foundation reads and writes it: the oracle the writer is compared with.
    indirect enum Value: Codable, Equatable {
        case string(String), int(Int), bool(Bool), array([Value]), object([String: Value])

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let value = try? single.decode(Bool.self) { self = .bool(value) }
            else if let value = try? single.decode(Int.self) { self = .int(value) }
            else if let value = try? single.decode(String.self) { self = .string(value) }
            else if let value = try? single.decode([Value].self) { self = .array(value) }
            else { self = .object(try single.decode([String: Value].self)) }
        }

        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            switch self {
            case .string(let value): try single.encode(value)
            case .int(let value): try single.encode(value)
            case .bool(let value): try single.encode(value)
            case .array(let value): try single.encode(value)
            case .object(let value): try single.encode(value)
            }
        }

        /// The same value through the writer, members in UTF-8 order as its callers write them.
        func write(into json: inout JSONWriter) {
            switch self {
            case .string(let value): json.string(value)
            case .int(let value): json.int(value)
            case .bool(let value): json.bool(value)
            case .array(let values): json.array(values) { $1.write(into: &$0) }
            case .object(let members):
                json.object { json in
                    for (key, value) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                        json.key(key)
                        value.write(into: &json)
                    }
                }
            }
        }
    }

    static func foundation(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func written(_ value: Value) -> String {
        var json = JSONWriter()
        value.write(into: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func writesWhatFoundationWrites() throws {
        let tricky = "引号\"、反斜杠\\、斜杠/、换行\n回车\r制表\t退格\u{08}换页\u{0C}、\u{01}\u{1F}\u{7F}、é、𠀀"
        let value = Value.object([
            "title": .string(tricky),
            // Keys in UTF-8 order: upper case before lower case, a name before its longer forms,
            // ASCII before Chinese, and Chinese by its bytes (乙 U+4E59 before 甲 U+7532).
            "甲街道": .int(-3), "乙街道": .int(0), "Zeta": .bool(true), "alpha": .bool(false),
            "alphaOf": .object(["numerator": .string("2405.4"), "denominator": .string("3244")]),
            "empty": .array([]), "none": .object([:]),
            "nested": .array([.array([]), .object([:]), .array([.string(""), .int(12_345_678_901)])]),
        ])
        #expect(Self.written(value) == (try Self.foundation(value)))
        #expect(Self.written(.array([])) == (try Self.foundation(.array([]))))
        #expect(Self.written(.string("")) == (try Self.foundation(.string(""))))
    }

    @Test func emptyContainersHaveABlankLineInside() {
        #expect(Self.written(.object(["a": .array([]), "b": .object([:])])) == "{\n  \"a\" : [\n\n  ],\n  \"b\" : {\n\n  }\n}")
    }

    /// Every bundled plan's results.json, read back by Foundation and written again by it,
    /// gives the same bytes: order, escapes and layout are Foundation's.
    @Test func bundledResultsAreWhatFoundationWrites() throws {
        let results = Bundled.content.plans.map { plan in
            (plan, Engine.evaluate(plan, in: Bundled.content, asOf: Day(year: plan.year, month: 10, day: 31)!))
        }
        let data = ResultsJSON(results: results).json()
        let value = try JSONDecoder().decode(Value.self, from: data)
        #expect(String(decoding: data, as: UTF8.self) == (try Self.foundation(value)))
        // The comparison means something: the document holds every plan, with explanations.
        guard case .object(let document) = value, case .array(let plans)? = document["plans"] else {
            Issue.record("results.json is not an object with plans")
            return
        }
        #expect(plans.count == Bundled.content.plans.count)
        #expect(String(decoding: data, as: UTF8.self).contains("\"explanation\" : ["))
    }
}
