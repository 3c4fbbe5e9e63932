import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `inzage serve` running in the background, as a user starts it in a terminal: its output is
/// collected while it runs, and it is stopped with Ctrl-C (SIGINT).
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    /// Starts `inzage serve --port 0` (a free port) with `arguments` in `directory`.
    init(_ arguments: [String] = [], in directory: URL, environment: [String: String] = [:]) throws {
        guard let executable = InzageProcess.executable else { throw InzageProcess.ExecutableMissing() }
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["INZAGE_VANDAAG"] = "2026-11-23"
        env.merge(environment) { $1 }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, toError: false) }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, toError: true) }
        try process.run()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    private func append(_ data: Data, toError: Bool) {
        lock.lock()
        if toError { err.append(data) } else { out.append(data) }
        lock.unlock()
    }

    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: out, as: UTF8.self)
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: err, as: UTF8.self)
    }

    /// Waits until standard output or error contains `text`; false after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stdout.contains(text) || stderr.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Waits for the process to end by itself; its exit status, or nil after `timeout` seconds.
    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else { return nil }
        Thread.sleep(forTimeInterval: 0.1)  // let the last output arrive
        return process.terminationStatus
    }

    /// Ctrl-C; returns the exit status.
    func interrupt(timeout: TimeInterval = 30) -> Int32? {
        kill(process.processIdentifier, SIGINT)
        return waitForExit(timeout: timeout)
    }
}
