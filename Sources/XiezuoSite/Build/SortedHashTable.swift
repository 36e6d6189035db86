/// A table keyed by 64-bit hashes, held as one array sorted by key, with an index of where each
/// run of keys sharing their top bits begins: a lookup searches a few dozen keys. A national
/// site's table of content hashes (2.46 million files) is 118 MB so, against 201 MB as a
/// Dictionary (its buckets a power of two, a third of them empty); and it is written in key
/// order, the same bytes each time.
struct SortedHashTable<Value: Sendable & Equatable>: Sendable, Equatable {
    struct Slot: Sendable, Equatable {
        let key: UInt64
        var value: Value
    }

    private(set) var slots: [Slot] = []
    /// `starts[b]` is the first slot whose key's top bits are `b`; one more than the buckets.
    private var starts: [UInt32] = []
    private var shift: UInt64 = 63

    init() {
        makeIndex()
    }

    /// From slots in any order; nil when a key comes twice.
    init?(_ slots: [Slot]) {
        self.slots = slots
        self.slots.sort { $0.key < $1.key }
        for index in self.slots.indices.dropFirst() where self.slots[index - 1].key == self.slots[index].key { return nil }
        makeIndex()
    }

    var count: Int { slots.count }

    static func == (a: Self, b: Self) -> Bool { a.slots == b.slots }

    /// Where `key` is, if it is.
    func index(of key: UInt64) -> Int? {
        let bucket = Int(key >> shift)
        var low = Int(starts[bucket]), high = Int(starts[bucket + 1])
        while low < high {
            let middle = (low + high) / 2
            let found = slots[middle].key
            if found == key { return middle }
            if found < key { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    subscript(key: UInt64) -> Value? { index(of: key).map { slots[$0].value } }

    /// Replaces the value at `index`, in place.
    mutating func set(_ value: Value, at index: Int) { slots[index].value = value }

    /// Keeps the slots `keep` says yes to (by index) and adds `added` (keys not in the table),
    /// sorted in place and merged in: a rebuild adds a few files to a table already sorted, a
    /// first build adds every file to an empty one (then `added` becomes the table, not a copy).
    mutating func update(keeping keep: (Int) -> Bool, adding added: consuming [Slot]) {
        var kept = 0
        for index in slots.indices where keep(index) {
            slots.swapAt(kept, index)
            kept += 1
        }
        slots.removeLast(slots.count - kept)
        var added = added
        added.sort { $0.key < $1.key }
        if slots.isEmpty {
            slots = added
        } else if let first = added.first {
            let inOrder = slots[slots.count - 1].key < first.key
            slots += added
            // Otherwise two sorted runs: the standard sort finds them and merges.
            if !inOrder { slots.sort { $0.key < $1.key } }
        }
        makeIndex()
    }

    /// Buckets by the keys' top bits, about one per slot (at most a million).
    private mutating func makeIndex() {
        let bits = UInt64(min(20, max(1, Int.bitWidth - slots.count.leadingZeroBitCount)))
        shift = 64 - bits
        var starts = [UInt32](repeating: 0, count: (1 << bits) + 1)
        var slot = 0
        for bucket in 0..<(1 << bits) {
            starts[bucket] = UInt32(slot)
            while slot < slots.count, Int(slots[slot].key >> shift) == bucket { slot += 1 }
        }
        starts[1 << bits] = UInt32(slots.count)
        self.starts = starts
    }
}
