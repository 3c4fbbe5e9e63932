import Foundation
@testable import InzageCore
import Testing

/// The folders of the published site as the last one-off build surveyed them: a folder is taken
/// as recorded only while its stat is the recorded one, so stale files are found as before.
@Suite("Write: the surveyed folders")
struct SurveyedFoldersTests {
    private static let paths = ["index.html", "a/index.html", "b/index.html", "b/c/index.html"]

    private static func files(_ changed: String? = nil) -> [OutputFile] {
        paths.map { OutputFile(path: $0, data: Data((($0 == changed ? "nieuw " : "") + $0).utf8)) }
    }

    private static func waitOutRacyInterval() {
        Thread.sleep(forTimeInterval: Double(BuildSession.racyInterval) / 1e9 + 0.3)
    }

    @Test func aRebuildRecordsTheFoldersAndGoesByThemWhileTheyStayAsTheyWere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let location = SurveyedFolders.location(for: output)
        #expect(location.lastPathComponent == ".public-inzage-mappen")
        let writer = SiteWriter(output: output.path, protected: [])
        // The first build makes the site whole (a swap): there is nothing to survey.
        _ = try writer.write(Self.files())
        #expect(!FileManager.default.fileExists(atPath: location.path))
        // Folders changed just now are read but not recorded.
        _ = try writer.write(Self.files("a/index.html"))
        #expect(SurveyedFolders.read(from: location).recordedCount == 0)
        Self.waitOutRacyInterval()
        // Now every folder is recorded, as it stood before the changed file went in.
        _ = try writer.write(Self.files())
        let recorded = SurveyedFolders.read(from: location)
        #expect(recorded.recordedCount == 4)
        let fd = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(fd) }
        let all = SiteWriter.files(in: output, except: [])
        #expect(Set(all) == Set(Self.paths + [SiteWriter.marker]))
        #expect(SiteWriter.files(in: output, except: [], folderFD: fd, surveyed: recorded).sorted() == all.sorted())

        // A file put in a folder by hand moves the folder's stat: the folder is read again, and
        // the file found stale and removed.
        try Data("hand".utf8).write(to: output.appendingPathComponent("b/c/los.html"))
        let report = try writer.write(Self.files())
        #expect(report.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b/c/los.html").path))
    }

    @Test func aFolderIsTakenAsRecordedOnlyWithItsOwnStat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        _ = try SiteWriter(output: output.path, protected: []).write(Self.files())
        let fd = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(fd) }
        let stamp = try #require(FileStamp(directory: fd, name: "b"))
        let told = [FolderEntry(name: "index.html", isFolder: false), FolderEntry(name: "c", isFolder: true), FolderEntry(name: "spook.html", isFolder: false)]
        // With the folder's own stat the recorded entries are believed (here, one that is not there)…
        let same = SurveyedFolders(recorded: ["b": (stamp, told)])
        #expect(SiteWriter.files(in: output, except: [], folderFD: fd, surveyed: same).contains("b/spook.html"))
        // …with any other stat the folder is read.
        for other in [FileStamp(device: stamp.device, inode: stamp.inode + 1, size: stamp.size, modified: stamp.modified, changed: stamp.changed),
                      FileStamp(device: stamp.device, inode: stamp.inode, size: stamp.size, modified: stamp.modified, changed: stamp.changed + 1)] {
            let files = SiteWriter.files(in: output, except: [], folderFD: fd, surveyed: SurveyedFolders(recorded: ["b": (other, told)]))
            #expect(!files.contains("b/spook.html"))
            #expect(files.contains("b/c/index.html"))
        }
    }

    @Test func aRecordThatIsNotWholeIsNotUsed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        _ = try writer.write(Self.files())
        Self.waitOutRacyInterval()
        _ = try writer.write(Self.files("b/index.html"))
        let location = SurveyedFolders.location(for: output)
        var bytes = try [UInt8](Data(contentsOf: location))
        #expect(SurveyedFolders.read(from: location).recordedCount == 4)
        bytes[bytes.count - 3] ^= 0x20
        try Data(bytes).write(to: location)
        #expect(SurveyedFolders.read(from: location).recordedCount == 0)
        try Data(bytes.dropLast(5)).write(to: location)
        #expect(SurveyedFolders.read(from: location).recordedCount == 0)
        // A build swapping in a new site removes the record: its folders are all new.
        _ = try writer.write(Self.files().filter { $0.path != "a/index.html" } + [OutputFile(path: "a", data: Data("nu een bestand".utf8))])
        #expect(!FileManager.default.fileExists(atPath: location.path))
    }
}
