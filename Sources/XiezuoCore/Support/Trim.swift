extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line ends. Foundation's trimmingCharacters
    /// goes through NSString and was a tenth of the load time on large sites.
    public var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }

    /// Whether the text holds nothing but spaces and line ends (any Unicode white space).
    /// Stops at the first other character; Foundation's trimming copied every front matter.
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Whether `other` occurs in the text, compared byte for byte in UTF-8. Foundation's
    /// `contains` goes through NSString, and evidence requirements are searched for every task.
    public func containsText(_ other: some StringProtocol) -> Bool {
        utf8.firstRange(of: other.utf8) != nil
    }
}
