import Dispatch

/// Runs independent work on every core and keeps results in input order, so that output
/// does not depend on which core finished first.
public enum Parallel {
    public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                nonisolated(unsafe) let inputs = items
                DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                    slots[index] = work(inputs[index])
                }
            }
        }
        return results.map { $0! }
    }
}
