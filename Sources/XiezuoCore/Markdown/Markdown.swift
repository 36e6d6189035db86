import CMark
import Foundation

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

    /// A Markdown text read once: its HTML, and what the reading found that a reader would not
    /// see as the author meant. Content files are read this way when they are loaded, so that
    /// the check and the page share one parse (two parses were 8 % of a site build).
    public struct Reading: Sendable, Equatable {
        /// Safe-mode HTML with headings at the levels written (see `movingHeadings`).
        public let html: String
        /// The lines (of the text, from 1) of each `**` that stays literal even after
        /// Chinese-punctuation bold is paired (see `CJKEmphasis`): bold no reader sees.
        public let unrenderedBold: [Int]
        /// The addresses of images that would load from outside the site (`http:`, `https:`,
        /// `//…`), for `check` to warn about; the HTML shows them as links.
        public let externalImages: [String]
    }

    /// Reads a Markdown text with the system libcmark, in safe mode. `rendering: false` only
    /// checks it, leaving `html` empty: a text with no `**` and no `!` then needs no parse.
    ///
    /// Content is untrusted. Safe mode replaces raw HTML with a comment and drops links and
    /// images whose address is `javascript:`, `vbscript:`, `file:` or a non-image `data:`, so
    /// nothing an author writes can run script on a reader's page.
    public static func read(_ markdown: String, rendering: Bool = true) -> Reading {
        let bold = markdown.containsText("**"), images = markdown.containsText("!")
        guard rendering || bold || images else { return Reading(html: "", unrenderedBold: [], externalImages: []) }
        // Content files never hold a NUL byte (the loader refuses them), so the C string is the whole text.
        guard let document = markdown.withCString({ cmark_parse_document($0, markdown.utf8.count, options) }) else {
            return Reading(html: "", unrenderedBold: [], externalImages: [])
        }
        defer { cmark_node_free(document) }
        var unrenderedBold: [Int] = []
        if bold {
            CJKEmphasis.repair(document)
            unrenderedBold = CJKEmphasis.leftoverLines(document)
        }
        // Nothing is loaded from outside the site: an image from elsewhere becomes a link to it
        // (on the intranet it would not load; elsewhere it would tell a third party who reads).
        var externalImages: [String] = []
        if images {
            for image in nodes(of: CMARK_NODE_IMAGE, in: document) where isExternal(url(of: image)) {
                externalImages.append(url(of: image))
                guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
                cmark_node_set_url(link, cmark_node_get_url(image))
                cmark_node_set_title(link, cmark_node_get_title(image))
                while let child = cmark_node_first_child(image) { cmark_node_append_child(link, child) }
                cmark_node_replace(image, link)
                cmark_node_free(image)
            }
        }
        guard rendering, let rendered = cmark_render_html(document, options) else {
            return Reading(html: "", unrenderedBold: unrenderedBold, externalImages: externalImages)
        }
        defer { free(rendered) }
        return Reading(html: String(cString: rendered), unrenderedBold: unrenderedBold, externalImages: externalImages)
    }

    /// HTML for a Markdown text, its headings moved down `headingOffset` levels: a plan's
    /// `# 标题` under the page's h2 becomes an h3 with an offset of 2, so that text shown inside
    /// a page's section never adds a second top-level heading.
    public static func html(_ markdown: String, headingOffset: Int = 0) -> String {
        movingHeadings(read(markdown).html, down: headingOffset)
    }

    /// `html` from `read` with every heading moved down `offset` levels, at most to h6.
    ///
    /// The tags are rewritten in the HTML: libcmark writes a heading as `<hN>`…`</hN>` (no
    /// attributes without the source-position option), and nothing else of the text can look
    /// like one, since safe mode drops raw HTML and every `<` of the text is written `&lt;`.
    public static func movingHeadings(_ html: String, down offset: Int) -> String {
        guard offset > 0 else { return html }
        // Where each heading tag's level digit is, found by `memchr` from `<` to `<`.
        var levels: [(at: Int, level: Int)] = []
        var text = html
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "<")), bytes.count - from) {
                var tag = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                from = tag
                if tag < bytes.count, bytes[tag] == UInt8(ascii: "/") { tag += 1 }
                guard tag + 2 < bytes.count, bytes[tag] == UInt8(ascii: "h"), bytes[tag + 2] == UInt8(ascii: ">"),
                      (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[tag + 1]) else { continue }
                levels.append((tag + 1, Int(bytes[tag + 1] - UInt8(ascii: "0"))))
            }
        }
        guard !levels.isEmpty else { return html }
        // The text between is copied as it is (valid UTF-8 cut at ASCII bytes), not decoded again.
        var moved = ""
        moved.reserveCapacity(html.utf8.count)
        let utf8 = html.utf8
        var copied = utf8.startIndex
        for (at, level) in levels {
            let digit = utf8.index(utf8.startIndex, offsetBy: at)
            moved += html[copied..<digit]
            moved += String(min(level + offset, 6))
            copied = utf8.index(after: digit)
        }
        moved += html[copied...]
        return moved
    }

    /// Safe mode is libcmark's default since 0.29; it is named anyway so that an older library
    /// is safe too. Smart punctuation turns "--" into dashes.
    private static let options = CMARK_OPT_SAFE | CMARK_OPT_SMART

    /// An address with a scheme or a host of its own is outside the site; a relative one (a
    /// file in evidence/) and an inline `data:` image are inside it.
    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") { return false }
        return lower.hasPrefix("//") || lower.range(of: "^[a-z][a-z0-9+.-]*:", options: .regularExpression) != nil
    }

    private static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// The nodes of one type, gathered before any is changed (changing the tree while walking it is not safe).
    private static func nodes(of type: cmark_node_type, in document: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return found }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == type else { continue }
            found.append(node)
        }
        return found
    }

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
