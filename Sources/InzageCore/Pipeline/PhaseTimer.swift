import Foundation

/// Prints how long each pipeline phase took to standard error when `INZAGE_TIMING=1`, for the
/// benchmark and for profiling; silent otherwise.
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["INZAGE_TIMING"] == "1"
    private var last = Date()

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data("inzage-timing: \(phase) \(String(format: "%.1f", now.timeIntervalSince(last) * 1000)) ms\n".utf8))
        last = now
    }
}
