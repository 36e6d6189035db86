import Foundation

/// A county-level place (区, 县, 县级市) on one side of a pairing, with its responsible units.
public struct Region: Sendable, Identifiable {
    public let id: String
    public let name: String
    /// e.g. 山东省枣庄市; free text, shown on pages.
    public let parent: String?
    public let units: [ResponsibleUnit]
    public let location: SourceLocation
    /// Each way a unit is written (its id, name and other names) to the first unit written so,
    /// in list order: every record and every task's units are looked up, and comparing Chinese
    /// names one unit after another took ten thousand instructions a look-up.
    private let byReference: [String: Int]

    public init(id: String, name: String, parent: String?, units: [ResponsibleUnit], location: SourceLocation) {
        self.id = id
        self.name = name
        self.parent = parent
        self.units = units
        self.location = location
        var byReference: [String: Int] = [:]
        for (index, unit) in units.enumerated() {
            for reference in [unit.id.name, unit.name] + unit.aliases where byReference[reference] == nil {
                byReference[reference] = index
            }
        }
        self.byReference = byReference
    }

    /// Finds a unit by its id, its exact name or one of its declared other names; the first
    /// unit in the list when two are written alike.
    public func unit(named reference: String) -> ResponsibleUnit? {
        byReference[reference].map { units[$0] }
    }

    /// Every way a unit of this region may be written, for did-you-mean suggestions.
    public var unitNames: [String] { units.flatMap { [$0.name] + $0.aliases } }
}

/// A stable identity for a unit: the same short name (区教育局) in two regions is two units.
///
/// Units key the engine's tables and the pages' lookups. Swift hashes a String that is not
/// ASCII by its normalized form, and compares two such Strings by normalizing them: for
/// Chinese names that was 2 % of a build. The hash is taken once, when the identity is made,
/// and two identities are compared by it, then by their bytes; Strings compare them only when
/// their bytes differ. Equality stays Swift's (canonically equivalent names are one unit).
public struct UnitID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let region: String
    public let name: String
    /// `region` and `name` hashed as Strings (by their normalized forms), in this process.
    private let key: Int

    public init(region: String, name: String) {
        self.region = region
        self.name = name
        var hasher = Hasher()
        hasher.combine(region)
        hasher.combine(name)
        key = hasher.finalize()
    }

    private enum CodingKeys: String, CodingKey { case region, name }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(region: try container.decode(String.self, forKey: .region), name: try container.decode(String.self, forKey: .name))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(name, forKey: .name)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    public static func == (lhs: UnitID, rhs: UnitID) -> Bool {
        guard lhs.key == rhs.key else { return false }
        if sameBytes(lhs.region, rhs.region), sameBytes(lhs.name, rhs.name) { return true }
        return lhs.region == rhs.region && lhs.name == rhs.name
    }

    /// Whether two Strings hold the same UTF-8 bytes, compared as memory (then they are the
    /// same text; different bytes may still be).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        guard count > 0 else { return true }
        return a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
        } == .some(.some(true))
    }

    public var description: String { "\(region)/\(name)" }

    public static func < (lhs: UnitID, rhs: UnitID) -> Bool { (lhs.region, lhs.name) < (rhs.region, rhs.name) }
}

/// A responsible unit (责任单位): a bureau, a party office, a people's organisation, a town,
/// a work group, or a named group of other units (各镇（街）).
public struct ResponsibleUnit: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case bureau        // 政府部门: 区教育局
        case party         // 党委部门: 区委组织部
        case organisation  // 群团组织: 团区委, 妇联, 工商联
        case town          // 镇, 街道, 乡
        case office        // 工作组, 管委会, 中心 and other bodies
        case group         // a named set of units: 各镇（街）, 各相关单位
    }

    public let id: UnitID
    public let name: String
    public let kind: Kind
    /// Other ways the documents write the same unit, e.g. 区人社局 for 区人力社保局.
    public let aliases: [String]
    /// For a group: the units it stands for, when the documents name them.
    public let members: [String]
    public let note: String?
    public let location: SourceLocation

    public init(id: UnitID, name: String, kind: Kind, aliases: [String], members: [String],
                note: String?, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.members = members
        self.note = note
        self.location = location
    }
}

/// A unit as the author wrote it, before it is looked up in its region.
public struct UnitReference: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
