import ArgumentParser
import Foundation
import XiezuoCore
import XiezuoImport
import XiezuoOffice

/// A bounded mutation fuzzer for the loader (YAML, front matter, numbers, dates, every field)
/// and the import readers (plan tables as text, Excel workbooks and Word documents), run as its
/// own command, never in the test suite:
///
///     swift build -c release --product xiezuo-fuzz
///     .build/release/xiezuo-fuzz --executions 1000000 --seed 1
///
/// Each execution takes a small valid site, replaces one of its files (or a plan table) by a
/// mutation of a seed, loads and validates it, and computes its plans when it is valid. A crash
/// ends the process: the input that caused it is then in `--findings` as `current-*`. An
/// execution that runs longer than `--hang-seconds` is written there as a hang and ends the run.
/// Seeds are the files of the bundled content/ and the plan tables of Tests/XiezuoTests/Fixtures
/// (TSV, and .xlsx and .docx, whose XML parts are mutated one at a time and zipped again).
@main
struct XiezuoFuzz: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "xiezuo-fuzz",
                                                    abstract: "Mutate content files and plan tables; load, validate and compute them.")

    @Option(help: "Executions to run.") var executions = 100_000
    @Option(help: "Random seed: the same seed runs the same inputs.") var seed: UInt64 = 1
    @Option(help: "The site folder whose content/ gives seeds.") var source = "."
    @Option(help: "The small site every input starts from.") var site = "Fuzz/seed-site"
    @Option(help: "Folder of plan tables (TSV) to seed the import readers.") var tables = "Tests/XiezuoTests/Fixtures"
    @Option(help: "Where a crashing or hanging input is left.") var findings = "fuzz-findings"
    @Option(help: "An execution longer than this is a hang.") var hangSeconds = 10.0

    func run() throws {
        let seeds = try Seeds(site: URL(fileURLWithPath: site), source: URL(fileURLWithPath: source),
                              tables: URL(fileURLWithPath: tables))
        let out = URL(fileURLWithPath: findings)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let watchdog = Watchdog(limit: hangSeconds, findings: out)
        var random = SplitMix(seed: seed)
        let started = Date()
        var errors = 0, valid = 0
        for execution in 1...executions {
            let input = seeds.input(&random)
            watchdog.begin(input)
            switch input.kind {
            case .content(let path):
                let result = ContentLoader.load(from: MemoryContentSource(data: input.site.merging([path: input.bytes]) { $1 }))
                if result.hasErrors {
                    errors += 1
                } else {
                    valid += 1
                    let asOf = Engine.defaultAsOf(in: result.content)
                    for plan in result.content.plans { _ = Engine.evaluate(plan, in: result.content, asOf: asOf) }
                }
            case .table(let region):
                if let table = try? Table.decode(input.bytes, file: "fuzz.tsv") {
                    _ = PlanTableImporter(region: region).read(table)
                }
            case .office(let name, let region):
                if let read = try? TableFile.read(input.bytes, file: name), let table = read.planTable() {
                    _ = PlanTableImporter(region: region).read(table)
                }
            }
            watchdog.end()
            if execution % 100_000 == 0 || execution == executions {
                let rate = Double(execution) / Date().timeIntervalSince(started)
                print("\(execution) executions, \(Int(rate))/s; content with errors \(errors), valid \(valid); crashes 0, hangs 0")
            }
        }
    }
}

/// One input: a small site and the bytes that replace one of its files, or a plan table.
struct Input {
    enum Kind {
        case content(String)
        case table(Region)
        /// An Office file, by its name (the reader goes by the extension).
        case office(String, Region)
    }

    let kind: Kind
    let site: [String: Data]
    let bytes: Data
}

/// The small valid site every content input starts from, and the seeds mutations start from.
struct Seeds {
    let site: [String: Data]
    /// Bundled files by the path they take in the small site (a record replaces its record …).
    let byTarget: [String: [Data]]
    let tables: [Data]
    let office: [OfficeSeed]
    let region: Region

    init(site folder: URL, source: URL, tables: URL) throws {
        site = try TinySite.files(in: folder)
        let tablesFolder = tables
        let disk = DiskContentSource(root: source)
        var byTarget: [String: [Data]] = [:]
        for path in disk.files(under: "content").files {
            guard case .data(let data) = disk.read(path, limit: 1 << 22), let target = TinySite.target(for: path) else { continue }
            byTarget[target, default: []].append(data)
        }
        for (path, data) in site { byTarget[path, default: []].append(data) }
        self.byTarget = byTarget
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: tablesFolder.path)) ?? []).sorted()
        func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: tablesFolder.appendingPathComponent(name).path) }
        self.tables = names.filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".csv") }.compactMap(contents)
        self.office = names.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".docx") }
            .compactMap { name in contents(name).flatMap { OfficeSeed(name: name, data: $0) } }
        let loaded = ContentLoader.load(from: disk)
        guard let region = loaded.content.region("shizhong") ?? loaded.content.regions.first else {
            throw ValidationError("no region in \(source.path)/content to import tables against")
        }
        self.region = region
    }

    func input(_ random: inout SplitMix) -> Input {
        if !office.isEmpty && random.next(100) < 10 {
            let seed = office[random.next(office.count)]
            let parts = seed.xmlParts
            let part = parts[random.next(parts.count)]
            return Input(kind: .office(seed.name, region), site: site,
                         bytes: seed.zipped(replacing: part, with: Mutator.mutate(seed.parts[part].data, &random)))
        }
        if !tables.isEmpty && random.next(100) < 15 {
            return Input(kind: .table(region), site: site, bytes: Mutator.mutate(tables[random.next(tables.count)], &random))
        }
        let targets = byTarget.keys.sorted()
        let target = targets[random.next(targets.count)]
        let candidates = byTarget[target]!
        var bytes = candidates[random.next(candidates.count)]
        // Now and then two seeds spliced: the start of one, the end of another.
        if random.next(10) == 0, let other = byTarget[targets[random.next(targets.count)]]?.first {
            bytes = bytes.prefix(random.next(bytes.count + 1)) + other.suffix(random.next(other.count + 1))
        }
        return Input(kind: .content(target), site: site, bytes: Mutator.mutate(bytes, &random))
    }
}

/// Byte-level and YAML-aware mutations, one to four at a time.
enum Mutator {
    static let tokens: [String] = [
        "*a", "&a ", "*", "&", "[", "]", "{", "}", "\"", "'", "\t", ": ", ":", "- ", "---\n", "\n", "  ", "#", "|", ">", "?",
        "!!binary ", "%YAML 1.1\n", "\\0", "\\e", "\u{0}", "\u{1B}", "\u{FEFF}", "～", "：", "，", "　",
        "99999999999999999999999", "30000000000000000", "-1", "0", "1e308", "0x10", ".5", "1,,000", "１２", "十二", "约5",
        "不少于", "2022-02-30", "2022-11--1", "9999-12-31", "null", "~", "true", "yes", "万元", "亿元", "%", "人次",
        "value: ", "items: {a: 1}", "target: ", "comparator: each-at-least", "per: member", "cadence: quarterly",
        "ratio: {numerator: 学校, denominator: 医院}", "split: [学校]", "part-of: 学校", "correction: x", "bonus: 5",
        "scoring: {method: per-case, points-per-case: 1}", "start: 2022-12-31", "deadline: 2021-01-01",
        String(repeating: "[", count: 70), String(repeating: "a", count: 300), "\r\n", "\r",
        // XML of Office parts: cells, merges, references, entities.
        "<", "</", "/>", "<c r=\"A1\" t=\"s\"><v>99999</v></c>", "<c t=\"e\"><v>#REF!</v></c>", "<f>A1</f>",
        "<mergeCell ref=\"A1:XFD1048576\"/>", "<mergeCell ref=\"B2:A1\"/>", " r=\"ZZZZ0\"", " s=\"99\"", "&amp;", "&#0;",
        "<w:vMerge/>", "<w:gridSpan w:val=\"-5\"/>", "<w:gridSpan w:val=\"100000\"/>", "<w:tc>", "<w:tr>", "<v>1e308</v>",
    ]

    static func mutate(_ seed: Data, _ random: inout SplitMix) -> Data {
        var bytes = [UInt8](seed)
        for _ in 0..<(1 + random.next(4)) {
            let at = bytes.isEmpty ? 0 : random.next(bytes.count + 1)
            switch random.next(7) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.next(8))
            case 1: bytes.insert(UInt8(random.next(256)), at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + random.next(16))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let start = random.next(bytes.count), length = 1 + random.next(min(64, bytes.count - start))
                bytes.insert(contentsOf: bytes[start..<(start + length)], at: at)
            default:
                bytes.insert(contentsOf: Array(tokens[random.next(tokens.count)].utf8), at: at)
            }
        }
        return Data(bytes)
    }
}

/// A hang is an execution that does not end in time: the input is written out and the run ends.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private var serial = 0
    private let findings: URL

    init(limit: Double, findings: URL) {
        self.findings = findings
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let overdue = lock.withLock { started.map { Date().timeIntervalSince($0) > limit } ?? false }
                if overdue {
                    FileHandle.standardError.write(Data("hang: an execution ran over \(limit) s; its input is in \(findings.path)\n".utf8))
                    try? FileManager.default.copyItem(at: findings.appendingPathComponent("current.bin"),
                                                      to: findings.appendingPathComponent("hang-\(Date().timeIntervalSince1970).bin"))
                    exit(3)
                }
            }
        }
    }

    /// The input is on disk before it runs, so that a crash leaves it behind.
    func begin(_ input: Input) {
        lock.withLock {
            serial += 1
            started = Date()
        }
        // Writing every input costs a file write; a crash must leave it, so it is written.
        let name: String
        switch input.kind {
        case .content(let path): name = path
        case .table: name = "table.tsv"
        case .office(let file, _): name = file
        }
        let record = Data("\(name)\n".utf8) + input.bytes
        try? record.write(to: findings.appendingPathComponent("current.bin"))
    }

    func end() { lock.withLock { started = nil } }
}

/// A small, fast, deterministic random source.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
