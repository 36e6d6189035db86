import Foundation

extension StringProtocol {
    /// Whether `other` occurs in the text, compared byte for byte in UTF-8. Foundation's
    /// `contains` goes through NSString, and evidence requirements are searched for every task
    /// (22 words each): on contiguous text `memchr` and `memcmp` do it, 4 % of loading less
    /// than the standard library's generic search.
    public func containsText(_ other: some StringProtocol) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { text in
            other.utf8.withContiguousStorageIfAvailable { word in ByteSearch.contains(text, word) }
        }
        return found.flatMap { $0 } ?? (utf8.firstRange(of: other.utf8) != nil)
    }
}

enum ByteSearch {
    /// Whether `word` occurs in `text`: each place the word's first byte stands (found by
    /// `memchr`) is compared whole.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needle = word.baseAddress, !word.isEmpty else { return true }
        guard let base = text.baseAddress, word.count <= text.count else { return false }
        let lastStart = text.count - word.count
        var start = 0
        while start <= lastStart {
            guard let hit = memchr(base + start, Int32(needle.pointee), lastStart - start + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, needle, word.count) == 0 { return true }
            start = position + 1
        }
        return false
    }
}
