/// JSON written straight into bytes, in exactly the form Foundation's `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, the form `results.json` has always
/// had (docs/report-json.md): two spaces per level, `"key" : value`, an empty array or object
/// with a blank line inside, keys in the order of their UTF-8 bytes.
///
/// Why not `JSONEncoder`: it builds a tree of dictionaries for every plan and sorts each one's
/// keys, 3.5 % of a site build. Here members are written in order as they come; the caller
/// writes them sorted, and a debug build checks that it did (the tests run in debug).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Indent level: two spaces each.
    private var level: Int
    /// Whether the container being written has no member yet.
    private var empty = true
    #if DEBUG
    /// The last key written at each open object, to check the order.
    private var lastKeys: [[UInt8]] = []
    #endif

    /// A writer whose first value sits `level` levels deep (its lines indented to match).
    init(level: Int = 0, capacity: Int = 0) {
        self.level = level
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// `{ … }`, its members written by `members`, which calls `key` before each value.
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append([])
        #endif
        members(&self)
        #if DEBUG
        lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    /// `[ … ]`, one element per item.
    mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            separate()
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// An object member's name; its value is written next.
    mutating func key(_ name: String) {
        #if DEBUG
        let utf8 = Array(name.utf8)
        assert(lastKeys[lastKeys.count - 1].isEmpty || lastKeys[lastKeys.count - 1].lexicographicallyPrecedes(utf8),
               "JSON keys must be written in UTF-8 order: \(name) after \(String(decoding: lastKeys[lastKeys.count - 1], as: UTF8.self))")
        lastKeys[lastKeys.count - 1] = utf8
        #endif
        separate()
        string(name)
        bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    // MARK: Values

    /// Runs of bytes that need no escape are copied whole, read from the string's storage.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            // Other control characters as \u00XX, in lower-case hexadecimal as Foundation writes them.
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    // MARK: Members of the kinds results.json has

    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// An absent value leaves the member out, as `JSONEncoder` does for a nil optional.
    mutating func field(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Int?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        array(values) { $0.string($1) }
    }

    /// A string-to-string map, its keys sorted by their UTF-8 bytes.
    mutating func field(_ name: String, _ map: [String: String]) {
        key(name)
        object { json in
            for (key, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                json.field(key, value)
            }
        }
    }

    // MARK: Layout

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        level += 1
        empty = true
    }

    /// Ends a container: a line break, then the bracket at the container's own indent. An empty
    /// one thus has a blank line inside, as Foundation writes it.
    private mutating func close(_ bracket: UInt8) {
        bytes.append(UInt8(ascii: "\n"))
        level -= 1
        indent()
        bytes.append(bracket)
        empty = false
    }

    /// Before a member or element: `,` and a line break after the one before it, then the indent.
    private mutating func separate() {
        if !empty { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
        empty = false
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
