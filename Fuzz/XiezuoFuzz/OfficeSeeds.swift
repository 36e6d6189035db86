import Foundation
import ZIPFoundation

/// Office files (.xlsx, .docx) as seeds: their parts, so that a mutation changes the XML of one
/// part and the file is zipped again (a flipped byte in the zip itself only tests the zip).
struct OfficeSeed {
    let name: String
    let parts: [(path: String, data: Data)]

    init?(name: String, data: Data) {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { return nil }
        var parts: [(String, Data)] = []
        for entry in archive where entry.type == .file {
            var bytes = Data()
            guard (try? archive.extract(entry) { bytes.append($0) }) != nil else { return nil }
            parts.append((entry.path, bytes))
        }
        self.name = name
        self.parts = parts.sorted { $0.0 < $1.0 }
    }

    /// The file with the XML part `index` replaced by `bytes`, zipped again; on a zip error, no
    /// bytes (which the readers must refuse too).
    func zipped(replacing index: Int, with bytes: Data) -> Data {
        let archive: Archive
        do { archive = try Archive(data: Data(), accessMode: .create) } catch { return Data() }
        for (number, part) in parts.enumerated() {
            let data = number == index ? bytes : part.data
            try? archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                  compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// The XML parts, where the cells and paragraphs are.
    var xmlParts: [Int] { parts.indices.filter { parts[$0].path.hasSuffix(".xml") } }
}
