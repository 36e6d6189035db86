/// Errors that only follow from a file that could not be read (every record naming a task is
/// "unknown task" while tasks.yaml has a syntax error): counted instead of listed, and said in
/// one line beside the file's own error, which is the one to fix.
final class HeldBack {
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    /// Holds back an error about a task or indicator when the file that defines them could not
    /// be read; false when it was read, and the error is real.
    func hold(unread file: String?) -> Bool {
        guard let file else { return false }
        if counts[file] == nil { order.append(file) }
        counts[file, default: 0] += 1
        return true
    }

    func report(to sink: DiagnosticSink) {
        for file in order {
            let count = counts[file] ?? 0
            sink.add(Diagnostic(.error, at: SourceLocation(file: file),
                                Message(count == 1 ? .heldBackOne : .heldBackMany, ["count": "\(count)"]), cause: .heldBack))
        }
    }
}
