import ArgumentParser
import Foundation

/// Benchmarks, run as commands that print figures (tests never time anything).
///
///     xiezuo-bench generate --plans 100 --output /dev/shm/bench-100
///     xiezuo-bench run --plans 10,100,1000 --xiezuo .build/release/xiezuo
@main
struct XiezuoBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xiezuo-bench",
        abstract: "Generate synthetic workloads and measure xiezuo build on them.",
        subcommands: [Generate.self, Run.self]
    )
}

struct Generate: ParsableCommand {
    @Option(help: "Number of plans (pairing-years).") var plans: Int
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Folder to write the site folder into.") var output: String

    func run() throws {
        let root = URL(fileURLWithPath: output)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("content"))
        let files = try Workload(plans: plans, seed: seed).write(to: root)
        print("wrote \(files) content files for \(plans) plans into \(output)/content")
    }
}

struct Run: ParsableCommand {
    @Option(help: "Comma-separated plan counts.") var plans: String = "10,100,1000"
    @Option(help: "The xiezuo binary to measure (build it with swift build -c release).") var xiezuo = ".build/release/xiezuo"
    @Option(help: "Where workloads and output go; tmpfs (/dev/shm) keeps disk noise out.") var dir = "/dev/shm/xiezuo-bench"
    @Option(help: "Timed full builds per size.") var runs = 3
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        let sizes = plans.split(separator: ",").compactMap { Int($0) }
        print("xiezuo-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, workloads in \(dir)")
        print("full build: output and build cache removed first; median of \(runs) (min-max). Stage seconds are summed over cores.")
        print("| plans | pages | files | full build s | CPU s | pages/s | peak RSS MiB | load | validate | compute | render | write | "
              + "one record changed: s, % of full, files written, groups rendered, peak RSS MiB | nothing changed: s, peak RSS MiB |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for n in sizes {
            let site = URL(fileURLWithPath: dir).appendingPathComponent("plans-\(n)")
            let marker = site.appendingPathComponent(".generated-\(seed)")
            if !FileManager.default.fileExists(atPath: marker.path) {
                try? FileManager.default.removeItem(at: site)
                _ = try Workload(plans: n, seed: seed).write(to: site)
                try Data().write(to: marker)
                // Files changed within two seconds of a build are checked again by the next one
                // (the file system's clock is coarse); let the new workload settle.
                Thread.sleep(forTimeInterval: 2.1)
            }
            var measured: [Measurement] = []
            for _ in 0..<runs {
                for folder in ["public", ".xiezuo-cache"] { try? FileManager.default.removeItem(at: site.appendingPathComponent(folder)) }
                measured.append(try Measurement.build(xiezuo, source: site))
            }
            let sorted = measured.sorted { $0.wall < $1.wall }
            let median = sorted[sorted.count / 2]
            // One record changed: append a sentence to one note, rebuild over the previous output.
            let record = site.appendingPathComponent("content/plans/bench-00001-2024/progress/2024-06-区教育局.md")
            let original = try Data(contentsOf: record)
            try (original + Data("\n补充说明：本月新增一项活动。\n".utf8)).write(to: record)
            let incremental = try Measurement.build(xiezuo, source: site)
            try original.write(to: record)
            _ = try Measurement.build(xiezuo, source: site)
            Thread.sleep(forTimeInterval: 2.1)
            _ = try Measurement.build(xiezuo, source: site)
            let unchanged = try Measurement.build(xiezuo, source: site)
            let f = { (x: Double) in String(format: "%.2f", x) }
            print("| \(n) | \(median.pages) | \(median.files) | \(f(median.wall)) (\(f(sorted.first!.wall))-\(f(sorted.last!.wall))) | "
                  + "\(f(median.cpu)) | \(Int(Double(median.pages) / median.wall)) | \(median.peakRSS / 1024) | "
                  + ["load", "validate", "compute", "render", "write"].map { f(median.stages[$0] ?? 0) }.joined(separator: " | ")
                  + " | \(f(incremental.wall)), \(String(format: "%.1f", incremental.wall / median.wall * 100)) %, "
                  + "\(incremental.written), \(incremental.groupsRendered) of \(incremental.groups), \(incremental.peakRSS / 1024) MiB | "
                  + "\(f(unchanged.wall)), \(unchanged.peakRSS / 1024) MiB |")
        }
    }
}

/// One `xiezuo build` run: wall time, CPU time and peak RSS of the process, and what it reports.
struct Measurement {
    var wall: Double = 0
    var cpu: Double = 0
    var peakRSS = 0
    var pages = 0
    var files = 0
    var written = 0
    var groups = 0
    var groupsRendered = 0
    var stages: [String: Double] = [:]

    static func build(_ binary: String, source: URL) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        // Search (Pagefind) is measured on its own: the reference Hugo workload builds no index.
        process.arguments = ["build", "--source", source.path, "--timings", "--no-search"]
        // English messages, which the figures are read from; the pages stay Chinese.
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_MESSAGES": "en"]) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        var before = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &before)
        let start = Date()
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var measurement = Measurement()
        measurement.wall = Date().timeIntervalSince(start)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        measurement.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime) - seconds(before.ru_utime) - seconds(before.ru_stime)
        guard process.terminationStatus == 0 else { throw ValidationError("xiezuo build failed on \(source.path)") }
        let text = String(decoding: output, as: UTF8.self)
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            // built P pages, F files (W written, U unchanged, R removed) into …; G of T groups rendered
            if line.hasPrefix("built "), words.count > 8 {
                measurement.pages = Int(words[1]) ?? 0
                measurement.files = Int(words[3]) ?? 0
                measurement.written = Int(words[5].dropFirst()) ?? 0
                if let of = words.lastIndex(of: "of"), of > 0 {
                    measurement.groupsRendered = Int(words[of - 1]) ?? 0
                    measurement.groups = Int(words[of + 1]) ?? 0
                }
            }
            if line.hasPrefix("timings:") {
                for part in words.dropFirst() {
                    let pair = part.split(separator: "=")
                    if pair.count == 2 { measurement.stages[String(pair[0])] = Double(pair[1].dropLast()) ?? 0 }
                }
            }
            if line.hasPrefix("peak memory:"), let value = words.last {
                measurement.peakRSS = (Int(value.dropLast(3)) ?? 0) * 1024
            }
        }
        return measurement
    }
}
