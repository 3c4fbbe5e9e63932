import Foundation
import Testing

/// Runs the built `inzage` executable, as a user or CI job does.
struct InzageProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable next to the test bundle in the build's products folder.
    static var executable: URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        return candidates.map { $0.appendingPathComponent("inzage") }.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// Runs `inzage` with the arguments in `directory`, with a fixed "today" and without NO_COLOR
    /// unless `environment` sets it. Output goes to pipes, so it is not a terminal.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = try makeProcess(arguments, in: directory, environment: environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a full pipe never blocks the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs `inzage` with its standard output on a pseudo-terminal, as in an interactive shell.
    static func runOnTerminal(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let (master, slave) = try openTerminal()
        defer { close(master) }
        let process = try makeProcess(arguments, in: directory, environment: environment)
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let err = Pipe()
        process.standardError = err
        try process.run()
        close(slave)
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            // Once the child has exited and no one holds the terminal open, read fails with EIO.
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    struct TerminalUnavailable: Error {}

    /// A new pseudo-terminal pair from /dev/ptmx (Linux): the side to read and the side the child writes to.
    private static func openTerminal() throws -> (master: Int32, slave: Int32) {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw TerminalUnavailable() }
        var unlock: CInt = 0
        var number: CUnsignedInt = 0
        // TIOCSPTLCK and TIOCGPTN: unlock the terminal and ask its number.
        guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            close(master)
            throw TerminalUnavailable()
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            close(master)
            throw TerminalUnavailable()
        }
        return (master, slave)
    }
    struct ExecutableMissing: Error, CustomStringConvertible {
        var description: String { "the inzage executable was not found next to the tests; build it with 'swift build'" }
    }

    private static func makeProcess(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Process {
        guard let executable else { throw ExecutableMissing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["INZAGE_VANDAAG"] = "2026-11-23"
        env.merge(environment) { $1 }
        process.environment = env
        return process
    }
}
