import XiezuoCore

/// A part of the site that can be read, computed and rendered without the rest: plans linked
/// by a pairing (a plan's page lists the pairing's other years, 不低于上年 reads the year
/// before) or by the region whose units own them (a unit's page gathers all its plans), with
/// those pairings' and regions' own pages. Regions and pairings without plans make one last
/// group. Pages outside every group (home, indexes, standard comparisons, site downloads) are
/// built from the groups' summaries.
struct BuildGroup: Sendable, Hashable {
    /// Sorted ids.
    let plans: [String]
    let regions: [String]
    let pairings: [String]

    /// A stable name for the group, the same while its members stay the same.
    var key: String {
        var hash = ContentHash()
        for list in [plans, regions, pairings] {
            hash.combine(UInt64(list.count))
            list.forEach { hash.combine($0) }
        }
        return String(hash.value, radix: 16)
    }
}

enum BuildGroups {
    /// Splits the site into groups. `headers` are the plans whose plan.md could be read;
    /// `planIDs` all plan folders (one that cannot be read is a group of its own, where reading
    /// it reports why). Groups come in the order of their first plan, the plan-less one last.
    static func partition(planIDs: [String], headers: [PlanHeader], shared: SharedContent) -> [BuildGroup] {
        var sets = DisjointSets()
        let plans = planIDs.map { sets.add("p" + $0) }
        let regions = Dictionary(shared.regions.map { ("r" + $0.id, sets.add("r" + $0.id)) }, uniquingKeysWith: { first, _ in first })
        let pairings = Dictionary(shared.pairings.map { ("g" + $0.id, sets.add("g" + $0.id)) }, uniquingKeysWith: { first, _ in first })
        let planIndex = Dictionary(zip(planIDs, plans), uniquingKeysWith: { first, _ in first })
        for header in headers {
            guard let plan = planIndex[header.id] else { continue }
            if let pairing = pairings["g" + header.pairing] { sets.union(plan, pairing) }
            if let owner = shared.ownerRegion(pairing: header.pairing, owner: header.owner), let region = regions["r" + owner.id] {
                sets.union(plan, region)
            }
        }
        // Members of each set, in the order they were added: plans by id, then regions, then pairings.
        var members: [Int: [String]] = [:]
        var order: [Int] = []
        for (index, name) in sets.names.enumerated() {
            let root = sets.find(index)
            if members[root] == nil { order.append(root) }
            members[root, default: []].append(name)
        }
        var groups: [BuildGroup] = []
        var rest: [String] = []
        for root in order {
            let names = members[root]!
            if names.contains(where: { $0.hasPrefix("p") }) {
                groups.append(BuildGroup(names))
            } else {
                rest += names
            }
        }
        if !rest.isEmpty { groups.append(BuildGroup(rest)) }
        return groups
    }
}

extension BuildGroup {
    /// From prefixed member names: p<plan>, r<region>, g<pairing>.
    init(_ names: [String]) {
        func ids(_ prefix: Character) -> [String] { names.filter { $0.first == prefix }.map { String($0.dropFirst()) }.sorted() }
        self.init(plans: ids("p"), regions: ids("r"), pairings: ids("g"))
    }
}

/// Union–find over named items, with path halving.
private struct DisjointSets {
    private(set) var names: [String] = []
    private var parent: [Int] = []

    mutating func add(_ name: String) -> Int {
        names.append(name)
        parent.append(parent.count)
        return parent.count - 1
    }

    mutating func find(_ item: Int) -> Int {
        var item = item
        while parent[item] != item {
            parent[item] = parent[parent[item]]
            item = parent[item]
        }
        return item
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
