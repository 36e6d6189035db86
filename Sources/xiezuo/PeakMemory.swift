import Foundation

/// The process's peak resident memory so far, for `build --timings`.
enum PeakMemory {
    static func mebibytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024  // KiB on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1024 / 1024  // bytes on Darwin
        #endif
    }
}
