import Foundation
@testable import InzageCore
import Testing

/// The watcher behind `inzage serve`: every change under the watched folders is reported, also
/// in a folder made after watching started, with inotify and with polling.
@Suite("File watcher", .serialized)
struct FileWatcherTests {
    /// Counts the watcher's reports.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }

        /// Waits until there are more than `count` reports (at most `seconds`).
        func waitForMore(than count: Int, seconds: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if self.count > count { return true }
                usleep(20_000)
            }
            return false
        }
    }

    private func watching(polling: Bool, _ body: (URL, Reports) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.url.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bijsluiters"), withIntermediateDirectories: true)
        try "a".write(to: root.appendingPathComponent("bijsluiters/a.md"), atomically: false, encoding: .utf8)
        let reports = Reports()
        let watcher = FileWatcher(folders: [root.path], forcePolling: polling) { reports.add() }
        let mode = watcher.start()
        defer { watcher.stop() }
        #expect(mode == (polling ? .polling : .inotify))
        // The watcher takes its first look on its own thread.
        usleep(polling ? 700_000 : 200_000)
        try body(root, reports)
    }

    @Test(arguments: [false, true])
    func editedFileIsReported(polling: Bool) throws {
        try watching(polling: polling) { root, reports in
            try "ab".write(to: root.appendingPathComponent("bijsluiters/a.md"), atomically: false, encoding: .utf8)
            #expect(reports.waitForMore(than: 0))
        }
    }

    @Test(arguments: [false, true])
    func fileInANewFolderIsReported(polling: Bool) throws {
        try watching(polling: polling) { root, reports in
            let folder = root.appendingPathComponent("bestanden/foto's")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            #expect(reports.waitForMore(than: 0))
            let before = reports.count
            usleep(300_000)
            try "x".write(to: folder.appendingPathComponent("plein.jpg"), atomically: false, encoding: .utf8)
            #expect(reports.waitForMore(than: before), "a file in a folder made after the start went unnoticed")
        }
    }

    @Test func allFoldersListsFoldersOnly() throws {
        try watching(polling: true) { root, _ in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("bestanden/a/b"), withIntermediateDirectories: true)
            let folders = FileWatcher(folders: [root.path]) {}.allFolders().map { String($0.dropFirst(root.path.count)) }.sorted()
            #expect(folders == ["", "/bestanden", "/bestanden/a", "/bestanden/a/b", "/bijsluiters"])
        }
    }

    @Test func onlyFolderEventsWalkTheFoldersAgain() {
        func event(_ mask: Int32, name: String = "") -> [UInt8] {
            var bytes: [UInt8] = []
            let padded = name.isEmpty ? 0 : (name.utf8.count / 16 + 1) * 16
            for field in [UInt32(1), UInt32(bitPattern: mask), 0, UInt32(padded)] { withUnsafeBytes(of: field.littleEndian) { bytes += $0 } }
            bytes += Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
            return bytes
        }
        func check(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { FileWatcher.mayChangeFolders($0) } }
        #expect(!check(event(IN_MODIFY, name: "a.md") + event(IN_CLOSE_WRITE, name: "a.md")))
        #expect(!check(event(IN_CREATE, name: "b.md") + event(IN_DELETE, name: "c.md")))
        #expect(check(event(IN_MODIFY, name: "a.md") + event(IN_CREATE | Int32(bitPattern: UInt32(IN_ISDIR)), name: "nieuw")))
        #expect(check(event(IN_MOVED_TO | Int32(bitPattern: UInt32(IN_ISDIR)), name: "verplaatst")))
        #expect(check(event(IN_Q_OVERFLOW)))
        #expect(check(event(IN_IGNORED)))
        // A cut-off batch is not trusted.
        #expect(check(Array(event(IN_MODIFY, name: "a.md").dropLast(3))))
    }
}
