import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML part of an Office file as a small tree, read with Foundation's XMLParser. Names are
/// kept without their namespace prefix (`w:p` → `p`): writers differ in the prefixes they use
/// for the same namespace (`x:c` and `c` are both a cell), and nothing here depends on them.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLNode] = []
    /// The text directly inside this element.
    private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Every element called `name` below this one, in document order.
    func descendants(_ name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        for child in children {
            if child.name == name { found.append(child) }
            found += child.descendants(name)
        }
        return found
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    static func localName(_ qualified: String) -> String {
        qualified.firstIndex(of: ":").map { String(qualified[qualified.index(after: $0)...]) } ?? qualified
    }

    /// Parses `data`; the parser's line and reason when it is not well-formed XML.
    static func parse(_ data: Data) -> Result<XMLNode, XMLFailure> {
        // Office writes its parts in UTF-8; a byte that is not crashes Foundation's XMLParser
        // when it falls in a name (found by xiezuo-fuzz), so such a part is refused first.
        guard String(data: data, encoding: .utf8) != nil else {
            return .failure(XMLFailure(line: Self.firstInvalidLine(data), reason: "not UTF-8"))
        }
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        // On Linux, parse() can answer true for a document cut short; the error tells.
        let parsed = parser.parse()
        guard parsed, parser.parserError == nil, let root = builder.root else {
            let code = (parser.parserError as NSError?)?.code
            return .failure(XMLFailure(line: parser.lineNumber, reason: code.map { "XMLParser \($0)" } ?? "no root element"))
        }
        return .success(root)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            var local: [String: String] = [:]
            for (key, value) in attributes { local[XMLNode.localName(key)] = value }
            let node = XMLNode(name: XMLNode.localName(elementName), attributes: local)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

extension XMLNode {
    /// The 1-based line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        for (index, piece) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            where String(data: Data(piece), encoding: .utf8) == nil {
            return index + 1
        }
        return 1
    }
}

struct XMLFailure: Error {
    let line: Int
    let reason: String
}
