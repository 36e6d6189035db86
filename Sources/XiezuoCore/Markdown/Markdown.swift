import CMark

/// Markdown through the system libcmark: CommonMark, rendered in safe mode.
///
/// Content is untrusted. Safe mode replaces raw HTML with a comment and drops links and
/// images whose address is `javascript:`, `vbscript:`, `file:` or a non-image `data:`, so
/// nothing an author writes can run script on a reader's page.
public enum Markdown {
    public struct Heading: Equatable, Sendable {
        public let level: Int
        public let text: String
    }

    /// HTML for a Markdown text, in libcmark's safe mode.
    ///
    /// `headingOffset` moves every heading down that many levels (at most to h6), so that text
    /// shown inside a page's section never adds a second top-level heading: a plan's `# 标题`
    /// under the page's h2 becomes an h3 with an offset of 2.
    public static func html(_ markdown: String, headingOffset: Int = 0) -> String {
        guard let document = markdown.withCString({ cmark_parse_document($0, markdown.utf8.count, options) }) else {
            return ""
        }
        defer { cmark_node_free(document) }
        if headingOffset > 0, let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                      cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
                let level = min(Int(cmark_node_get_heading_level(node)) + headingOffset, 6)
                cmark_node_set_heading_level(node, Int32(level))
            }
        }
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Safe mode is libcmark's default since 0.29; it is named anyway so that an older library
    /// is safe too. Smart punctuation turns "--" into dashes.
    private static let options = CMARK_OPT_SAFE | CMARK_OPT_SMART

    /// The headings of a Markdown text in order: the narrative parts of a plan
    /// (指导思想, 工作目标, 保障措施 …).
    public static func headings(_ markdown: String) -> [Heading] {
        // Content files never hold a NUL byte (the loader refuses them), so the C string is the whole text.
        guard let document = markdown.withCString({ cmark_parse_document($0, markdown.utf8.count, options) }) else {
            return []
        }
        defer { cmark_node_free(document) }
        var headings: [Heading] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING {
                headings.append(Heading(level: Int(cmark_node_get_heading_level(current)), text: plainText(of: current)))
            }
            node = cmark_node_next(current)
        }
        return headings
    }

    /// The text of a node's inline children, without markup.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
               type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            }
        }
        return text
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
