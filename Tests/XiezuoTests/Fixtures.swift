import Foundation
@testable import XiezuoCore

/// The bundled content of this repository (the five real plans).
enum Bundled {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Loaded once: every suite reads the same content.
    static let result: LoadResult = ContentLoader.load(from: DiskContentSource(root: root))
    static var content: Content { result.content }

    static func plan(_ id: String) -> Plan {
        guard let plan = content.plan(id) else { fatalError("bundled plan \(id) is missing") }
        return plan
    }
}

/// A tiny valid site, as files in memory; tests replace one file to break it.
enum TinySite {
    static let files: [String: String] = [
        "content/regions/a.yaml": """
        name: 甲区
        units:
          - {name: 区教育局, kind: bureau}
          - {name: 区卫健局, kind: bureau}
          - {name: 区协作办, kind: office}
        """,
        "content/regions/b.yaml": """
        name: 乙县
        units: []
        """,
        "content/pairings/a-b.md": """
        ---
        kind: 东西部协作
        helping: a
        helped: b
        ---
        甲区帮扶乙县。
        """,
        "content/plans/a-b-2022/plan.md": """
        ---
        pairing: a-b
        year: 2022
        title: 测试方案
        owner: helping
        coordinator: 区协作办
        scoring:
          method: proportional
        ---
        # 测试方案
        """,
        "content/plans/a-b-2022/tasks.yaml": """
        sections:
          - title: 教育
            tasks:
              - id: "1"
                text: 结对学校
                units: [区教育局]
                points: 10
              - id: "2"
                text: 结对医院
                units: [区卫健局]
                points: 10
        """,
        "content/plans/a-b-2022/indicators.yaml": """
        indicators:
          - id: 学校
            name: 结对学校数
            unit: 个
            target: 4
            tasks: ["1"]
          - id: 医院
            name: 结对医院数
            unit: 个
            target: 2
            tasks: ["2"]
        """,
        "content/plans/a-b-2022/progress/2022-06-区教育局.md": """
        ---
        unit: 区教育局
        date: 2022-06-30
        values:
          - indicator: 学校
            value: 2
        tasks:
          - task: "1"
            state: in-progress
        ---
        进展顺利。
        """,
    ]

    static func load(replacing overrides: [String: String] = [:]) -> LoadResult {
        ContentLoader.load(from: source(replacing: overrides))
    }

    /// The files, with some replaced or added, as a content source.
    static func source(replacing overrides: [String: String] = [:]) -> MemoryContentSource {
        MemoryContentSource(files.merging(overrides) { _, new in new })
    }

    static func load(data overrides: [String: Data]) -> LoadResult {
        var data = files.mapValues { Data($0.utf8) }
        data.merge(overrides) { _, new in new }
        return ContentLoader.load(from: MemoryContentSource(data: data))
    }
}

/// Shell scripts that stand in for the programs xiezuo runs but does not ship (Pagefind,
/// Chromium), so that tests need neither and can make them fail.
enum StandIn {
    /// An executable `name` in `folder` running `body` with /bin/sh.
    static func script(_ name: String, body: String, in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return tool
    }
}
