import Foundation

/// A synthetic content tree shaped like the seeds and like the reference Hugo workload: per plan
/// 1 pairing, 20 responsible units, 36 indicators, 40 tasks, and 12 monthly records per unit,
/// each with a Chinese Markdown note of 200–800 characters (a heading, a list, bold text, a
/// link). Deterministic: the same seed gives the same bytes.
struct Workload {
    let plans: Int
    let seed: UInt64
    static let year = 2024
    static let unitsPerPlan = 20
    static let tasksPerPlan = 40
    static let indicatorsPerPlan = 36
    static let months = 12

    static let unitNames = ["区委组织部", "区委宣传部", "区发改局", "区教育局", "区科技局", "区民政局", "区财政局", "区人社局",
                            "区农业农村局", "区商务局", "区文旅局", "区卫健局", "区工商联", "团区委", "区妇联", "区残联",
                            "区供销社", "区总工会", "甲镇", "乙街道"]
    static let phrases = ["巩固拓展脱贫攻坚成果", "全面推进乡村振兴", "深化东西部协作", "组织两地企业开展产销对接", "选派专业技术人才",
                          "开展劳务协作专场招聘", "推动消费帮扶", "建设帮扶车间", "组织干部培训", "开展结对帮扶",
                          "完善工作机制", "强化督导考核", "加强宣传报道", "落实帮扶资金", "促进稳岗就业", "提升公共服务水平",
                          "发展特色产业", "培育致富带头人", "推进园区共建", "开展志愿服务"]

    /// Writes the tree below `root/content`, returning the number of files written.
    func write(to root: URL) throws -> Int {
        var random = SplitMix(seed: seed)
        var files = 0
        var folders = Set<String>()
        func put(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            if folders.insert(url.deletingLastPathComponent().path).inserted {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            // Foundation's Data.write ends each file with fsync: too slow for millions of files on disk.
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
            files += 1
        }
        try put("content/standards.yaml", "standards:\n  - {id: bench-schools, name: 结对学校数, unit: 个}\n")
        for p in 1...plans {
            let id = String(format: "%05d", p)
            let helping = "h\(id)", helped = "d\(id)", pairing = "bench-\(id)", plan = "bench-\(id)-\(Self.year)"
            try put("content/regions/\(helping).yaml", "name: 帮扶县\(id)\nunits:\n"
                    + Self.unitNames.map { "  - {name: \($0), kind: \($0.hasSuffix("镇") || $0.hasSuffix("街道") ? "town" : "bureau")}" }
                        .joined(separator: "\n") + "\n")
            try put("content/regions/\(helped).yaml", "name: 受帮扶县\(id)\nunits: []\n")
            try put("content/pairings/\(pairing).md", "---\nkind: 东西部协作\nhelping: \(helping)\nhelped: \(helped)\n---\n"
                    + note(&random, title: "结对情况"))
            try put("content/plans/\(plan)/plan.md", """
                ---
                pairing: \(pairing)
                year: \(Self.year)
                title: 帮扶县\(id) \(Self.year) 年东西部协作工作计划
                owner: helping
                coordinator: 区发改局
                scoring:
                  method: proportional
                  evidence-required: true
                  grades: [{min: 90, grade: 好}, {min: 75, grade: 较好}, {min: 60, grade: 一般}, {min: 0, grade: 较差}]
                ---

                """ + note(&random, title: "工作目标"))
            // Task t belongs to unit t % 20 (and every fifth also to the next unit).
            var tasks = "sections:\n"
            for section in 0..<8 {
                tasks += "  - number: \"（\(section + 1)）\"\n    title: \(Self.phrases[section])\n    tasks:\n"
                for t in (section * 5 + 1)...(section * 5 + 5) {
                    let units = owners(of: t).map { Self.unitNames[$0] }.joined(separator: ", ")
                    tasks += "      - {id: \"\(t)\", text: \(sentence(&random, 60...160)), units: [\(units)], points: 2.5, "
                        + "requirement: 提供活动方案、照片等证明材料}\n"
                }
            }
            try put("content/plans/\(plan)/tasks.yaml", tasks)
            var indicators = "indicators:\n"
            var targets: [Int] = []
            for i in 1...Self.indicatorsPerPlan {
                let target = 10 + Int(random.next() % 490)
                targets.append(target)
                let standard = i == 1 ? ", standard: bench-schools" : ""
                indicators += "  - {id: \"I\(i)\", name: 指标\(i)\(Self.phrases[i % Self.phrases.count]), unit: \(i == 1 ? "个" : "人"), "
                    + "target: \(target), tasks: [\"\(i)\"]\(standard)}\n"
            }
            try put("content/plans/\(plan)/indicators.yaml", indicators)
            for u in 0..<Self.unitsPerPlan {
                let mine = (1...Self.tasksPerPlan).filter { owners(of: $0).contains(u) }
                let pace = 0.6 + Double(random.next() % 60) / 100
                for month in 1...Self.months {
                    let share = min(1.0, pace * Double(month) / 12 * 1.1)
                    var front = "---\nunit: \(Self.unitNames[u])\ndate: \(Self.year)-\(String(format: "%02d", month))-28\nsample: true\n"
                    let measured = mine.filter { $0 <= Self.indicatorsPerPlan && owners(of: $0).first == u }
                    if !measured.isEmpty {
                        front += "values:\n" + measured.map {
                            "  - {indicator: I\($0), value: \(Int((Double(targets[$0 - 1]) * share).rounded()))}\n"
                        }.joined()
                    }
                    front += "tasks:\n" + mine.map { t in
                        let state = share >= 1 ? "done" : (share > 0.1 ? "in-progress" : "not-started")
                        return "  - {task: \"\(t)\", state: \(state), evidence: [{title: \(month)月活动照片, kind: photo}, "
                            + "{title: \(month)月工作方案, kind: document}]}\n"
                    }.joined()
                    // Named as docs/content-format.md recommends: YYYY-MM-单位.md.
                    try put("content/plans/\(plan)/progress/\(Self.year)-\(String(format: "%02d", month))-\(Self.unitNames[u]).md",
                            front + "---\n" + note(&random, title: "\(month)月进展"))
                }
            }
        }
        return files
    }

    /// The units (indexes) owning task `t`.
    func owners(of t: Int) -> [Int] {
        t % 5 == 0 ? [t % Self.unitsPerPlan, (t + 1) % Self.unitsPerPlan] : [t % Self.unitsPerPlan]
    }

    func sentence(_ random: inout SplitMix, _ length: ClosedRange<Int>) -> String {
        let target = length.lowerBound + Int(random.next() % UInt64(length.count))
        var text = ""
        while text.count < target {
            text += Self.phrases[Int(random.next() % UInt64(Self.phrases.count))] + (random.next() % 3 == 0 ? "。" : "，")
        }
        return text
    }

    /// A Markdown note of 200–800 characters: heading, paragraph with bold text and a link, list.
    func note(_ random: inout SplitMix, title: String) -> String {
        let body = sentence(&random, 150...700)
        let cut = body.index(body.startIndex, offsetBy: body.count / 2)
        return "## \(title)\n\n\(body[..<cut])**\(Self.phrases[Int(random.next() % 20)])**，详见[工作台账](evidence/ledger.pdf)。\n\n"
            + "- \(Self.phrases[Int(random.next() % 20)])\n- \(Self.phrases[Int(random.next() % 20)])\n- \(body[cut...])\n"
    }
}

/// A small deterministic random number generator (SplitMix64), so workloads repeat exactly.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
