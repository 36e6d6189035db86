import Foundation
import XiezuoMustache

/// Runs the Mustache specification's tests (the JSON files of github.com/mustache/spec) against
/// XiezuoMustache: `mustache-spec FOLDER…`. Prints each failure with what was expected, then
/// a count per file; exits 1 when any test fails.

/// A JSON value, read without guessing a number's kind from an NSNumber.
enum JSON: Decodable {
    case bool(Bool), integer(Int), decimal(Double), string(String), array([JSON]), object([String: JSON]), null

    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null; return }
        if let value = try? single.decode(Bool.self) { self = .bool(value); return }
        if let value = try? single.decode(Int.self) { self = .integer(value); return }
        if let value = try? single.decode(Double.self) { self = .decimal(value); return }
        if let value = try? single.decode(String.self) { self = .string(value); return }
        if let value = try? single.decode([JSON].self) { self = .array(value); return }
        self = .object(try single.decode([String: JSON].self))
    }

    var mustache: MustacheValue {
        switch self {
        case .bool(let value): .flag(value)
        case .integer(let value): .number(value)
        case .decimal(let value): .text(String(value))
        case .string(let value): .text(value)
        case .array(let items): .list(items.map(\.mustache))
        case .object(let fields): .object(MustacheObject(fields.mapValues(\.mustache)))
        case .null: .null
        }
    }
}

struct SpecFile: Decodable {
    struct Test: Decodable {
        let name: String
        let desc: String
        let data: JSON
        let template: String
        let partials: [String: String]?
        let expected: String
    }
    let tests: [Test]
}

var failed = 0, passed = 0
let folders = CommandLine.arguments.dropFirst()
guard !folders.isEmpty else {
    FileHandle.standardError.write(Data("usage: mustache-spec FOLDER…\n".utf8))
    exit(2)
}
for folder in folders {
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
    for file in files {
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(file)))
        var filePassed = 0
        for test in spec.tests {
            var sources = test.partials ?? [:]
            sources["(test)"] = test.template
            let got: String
            do {
                let library = try MustacheLibrary(templates: sources, escape: HTMLEscaping.escape)
                got = library.render(test.data.mustache, with: "(test)") ?? ""
            } catch {
                got = "error: \(error)"
            }
            if got == test.expected {
                filePassed += 1
            } else {
                failed += 1
                print("FAIL \(file): \(test.name) — \(test.desc)\n  expected: \(test.expected.debugDescription)\n  got:      \(got.debugDescription)")
            }
        }
        passed += filePassed
        print("\(file): \(filePassed) of \(spec.tests.count) passed")
    }
}
print("\(passed) of \(passed + failed) passed")
exit(failed == 0 ? 0 : 1)
