import Foundation
import XiezuoCore
import ZIPFoundation

/// An Office file (.xlsx, .docx): a zip archive of XML parts, read with ZIPFoundation. No part
/// is inflated beyond a limit, so a crafted file cannot fill the memory.
struct OfficeArchive {
    /// No part of a plan's table comes near this; a zip bomb goes past it at once.
    static let partLimit = 64 * 1024 * 1024
    let file: String
    private let archive: Archive

    init(data: Data, file: String) throws(OfficeProblem) {
        self.file = file
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw OfficeProblem(file: file, message: Message(.notAnOfficeFile))
        }
    }

    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of the part at `path`, or nil when there is none.
    func data(_ path: String) throws(OfficeProblem) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= Self.partLimit else { throw tooLarge(path) }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > Self.partLimit { throw Archive.ArchiveError.invalidEntrySize }
            }
        } catch {
            throw data.count > Self.partLimit ? tooLarge(path)
                : OfficeProblem(file: file, message: Message(.unreadablePart, ["part": .text(path), "reason": "\(error)"]))
        }
        return data
    }

    /// The part at `path` as an XML tree; a problem when it is missing or not XML.
    func xml(_ path: String, required: Bool = true) throws(OfficeProblem) -> XMLNode? {
        guard let data = try data(path) else {
            if required { throw OfficeProblem(file: file, message: Message(.missingPart, ["part": .text(path)])) }
            return nil
        }
        switch XMLNode.parse(data) {
        case .success(let root): return root
        case .failure(let failure):
            throw OfficeProblem(file: file, message: Message(.badPartXML, ["part": .text(path), "line": "\(failure.line)",
                                                                            "reason": .text(failure.reason)]))
        }
    }

    private func tooLarge(_ path: String) -> OfficeProblem {
        OfficeProblem(file: file, message: Message(.partTooLarge, ["part": .text(path), "limit": "\(Self.partLimit / 1_048_576)"]))
    }
}

/// An Office file that cannot be read as asked: the file, and what to do.
public struct OfficeProblem: MessageError {
    public let file: String
    public let message: Message

    public init(file: String, message: Message) {
        self.file = file
        self.message = message
    }
}
