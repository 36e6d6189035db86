import Foundation

public struct SectionResult: Sendable {
    public let id: String
    public let title: String
    public let rollup: Rollup
}
