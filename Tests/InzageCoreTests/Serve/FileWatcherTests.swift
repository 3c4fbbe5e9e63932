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
        private var reported: [ContentChanges] = []
        func add(_ changes: ContentChanges) { lock.withLock { reported.append(changes) } }
        var count: Int { lock.withLock { reported.count } }
        var changes: [ContentChanges] { lock.withLock { reported } }

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
        let watcher = FileWatcher(folders: [root.path], forcePolling: polling) { reports.add($0) }
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
            // inotify names the file; polling cannot say what changed.
            #expect(reports.changes.first == (polling ? .unknown : .files(["bijsluiters/a.md"])))
        }
    }

    /// A new folder may hold files no event names, so its report is unknown.
    @Test func aNewFolderIsAnUnknownChange() throws {
        try watching(polling: false) { root, reports in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("paginas"), withIntermediateDirectories: true)
            #expect(reports.waitForMore(than: 0))
            #expect(reports.changes.first == .unknown)
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
            let folders = FileWatcher(folders: [root.path]) { _ in }.allFolders().map { String($0.dropFirst(root.path.count)) }.sorted()
            #expect(folders == ["", "/bestanden", "/bestanden/a", "/bestanden/a/b", "/bijsluiters"])
        }
    }

    /// One inotify event as the kernel writes it, for watch `watch`.
    private func event(_ mask: Int32, name: String = "", watch: Int32 = 1) -> [UInt8] {
        var bytes: [UInt8] = []
        let padded = name.isEmpty ? 0 : (name.utf8.count / 16 + 1) * 16
        for field in [UInt32(bitPattern: watch), UInt32(bitPattern: mask), 0, UInt32(padded)] { withUnsafeBytes(of: field.littleEndian) { bytes += $0 } }
        bytes += Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
        return bytes
    }

    @Test func eventsNameTheChangedFilesOfTheContentFolder() {
        // Watch 1 is the content folder, 2 its bijsluiters/, 3 the templates folder.
        let folders: [Int32: String?] = [1: "", 2: "bijsluiters", 3: String?.none]
        func changes(_ bytes: [UInt8]) -> ContentChanges { bytes.withUnsafeBytes { FileWatcher.changes(in: $0, folders: folders) } }
        #expect(changes(event(IN_MODIFY, name: "a.md", watch: 2) + event(IN_CLOSE_WRITE, name: "a.md", watch: 2)
                        + event(IN_MOVED_TO, name: "organisatie.yaml", watch: 1)) == .files(["bijsluiters/a.md", "organisatie.yaml"]))
        #expect(changes(event(IN_DELETE, name: "b.md", watch: 2) + event(IN_MODIFY, name: "layout.mustache", watch: 3)) == .files(["bijsluiters/b.md"]))
        #expect(changes(event(IN_MODIFY, name: "layout.mustache", watch: 3)) == .files([]), "a template is no file of the content folder")
        // Whatever may hide a change is unknown: a folder made, moved or removed, lost events,
        // a watch no longer known, a watched folder gone, a cut-off batch.
        #expect(changes(event(IN_MODIFY, name: "a.md", watch: 2) + event(IN_CREATE | Int32(bitPattern: UInt32(IN_ISDIR)), name: "nieuw", watch: 2)) == .unknown)
        #expect(changes(event(IN_DELETE | Int32(bitPattern: UInt32(IN_ISDIR)), name: "paginas", watch: 1)) == .unknown)
        #expect(changes(event(IN_Q_OVERFLOW, watch: -1)) == .unknown)
        #expect(changes(event(IN_MODIFY, name: "a.md", watch: 9)) == .unknown)
        #expect(changes(event(IN_DELETE_SELF, watch: 2)) == .unknown)
        #expect(changes(Array(event(IN_MODIFY, name: "a.md", watch: 2).dropLast(3))) == .unknown)
    }

    @Test func changesNameTheEntriesOfAFolder() {
        let changes = ContentChanges.files(["bijsluiters/a.md", "bijsluiters/map/b.md", "paginas/c.md", "organisatie.yaml"])
        #expect(changes.names(in: "bijsluiters") == ["a.md"])
        #expect(changes.names(in: "paginas") == ["c.md"])
        #expect(ContentChanges.files(["bijsluiters"]).names(in: "bijsluiters") == nil, "the folder itself changed")
        #expect(ContentChanges.unknown.names(in: "bijsluiters") == nil)
        #expect(changes.union(.files(["x.md"])) == .files(["bijsluiters/a.md", "bijsluiters/map/b.md", "paginas/c.md", "organisatie.yaml", "x.md"]))
        #expect(changes.union(.unknown) == .unknown)
    }

    @Test func onlyFolderEventsWalkTheFoldersAgain() {
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
