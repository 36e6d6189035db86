import Foundation

/// Each plan's share of the site-wide downloads (results.json, indicators/indicators.csv),
/// made with its group and joined by the site stage in plan order.
enum PartKind: String, Sendable, CaseIterable {
    case results = "results.json"
    case indicators = "indicators.csv"
}

protocol PartStore: Sendable {
    func put(_ kind: PartKind, plan: String, _ data: Data)
    /// Empty when the plan has no such part.
    func get(_ kind: PartKind, plan: String) -> Data
}

/// Parts held in memory, for builds that keep the whole site in memory anyway.
final class MemoryPartStore: PartStore, @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String: Data] = [:]

    func put(_ kind: PartKind, plan: String, _ data: Data) {
        lock.withLock { parts[plan + "/" + kind.rawValue] = data }
    }

    func get(_ kind: PartKind, plan: String) -> Data {
        lock.withLock { parts[plan + "/" + kind.rawValue] } ?? Data()
    }
}
