/// The month a progress record's file name gives, as docs/content-format.md recommends naming
/// them: `2022-08-乡村振兴局.md` is August 2022's report. A record so named must be dated in that
/// month: a copied file whose date was not changed is caught, and the latest record of a plan
/// can be found from the names of its files.
enum RecordName {
    /// `YYYY-MM` when the file name starts with a year and a month (01–12) and a `-`; else nil.
    static func month(ofPath path: String) -> String? {
        // The file's name: what follows the last "/" (found from the end, not by splitting the
        // whole path into a list of its folders, once for each record).
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        let bytes = Array(utf8[start...].prefix(8))
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[0..<4].allSatisfy({ (0x30...0x39).contains($0) }), bytes[5..<7].allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30)
        guard (1...12).contains(month) else { return nil }
        return String(decoding: bytes[0..<7], as: UTF8.self)
    }
}
