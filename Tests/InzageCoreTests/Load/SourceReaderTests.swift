import Foundation
@testable import InzageCore
import Testing

/// The reader is told a file's size by the loader's `lstat`; a file that changed size since
/// must still be read whole, never cut off or padded.
@Suite("Source reader")
struct SourceReaderTests {
    private func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-reader-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 100, 4095, 4096, 65_536, 200_000, 300_000])
    func readsTheWholeFileWhateverSizeWasExpected(expected: Int) throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = try file(bytes)
        defer { unlink(path) }
        #expect(SourceReader.readBytes(path, expectedSize: expected) == bytes)
    }

    @Test func anEmptyFileIsEmpty() throws {
        let path = try file([])
        defer { unlink(path) }
        #expect(SourceReader.readBytes(path, expectedSize: 10) == [])
    }

    @Test func aMissingFileOrAFolderCannotBeRead() throws {
        #expect(SourceReader.readBytes("/nonexistent/inzage-\(UUID().uuidString)", expectedSize: 0) == nil)
        #expect(SourceReader.readBytes(FileManager.default.temporaryDirectory.path, expectedSize: 0) == nil)
    }

    @Test func aFileThatGrewPastTheLimitIsRefusedAsTooLarge() throws {
        // Told it is small, but the file is larger than any content file may be.
        let bytes = [UInt8](repeating: 0x61, count: SourceReader.maximumBytes + 10)
        let path = try file(bytes)
        defer { unlink(path) }
        let read = try #require(SourceReader.readBytes(path, expectedSize: 5))
        #expect(read.count > SourceReader.maximumBytes)
        #expect(read.count <= SourceReader.maximumBytes + 64 * 1024)
        let sink = DiagnosticSink()
        #expect(SourceReader.decode(read, displayPath: "paginas/groot.md", sink: sink) == nil)
        #expect(sink.diagnostics.map(\.code) == ["FILE-SIZE"])
    }

    /// Line ends become "\n" byte by byte as Foundation's replacing makes them: "\r\n" first,
    /// then every other "\r".
    @Test(arguments: ["", "a", "\r", "\r\n", "\n\r", "a\r\nb\rc\nd", "\r\r\n", "\r\n\r", "één\r\ntwee ✓\r", "x\r\n\r\n\r\ny"])
    func lineEndsBecomeLineFeeds(text: String) {
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(SourceReader.unixLineEnds(Array(text.utf8)) == Array(expected.utf8))
        #expect(SourceReader.decode(Array(("tekst " + text).utf8), displayPath: "a.md", sink: DiagnosticSink()) == "tekst " + expected)
    }

    @Test(arguments: [("a\u{0C}b", 1), ("ab\tc\r\nd\n\u{7F}", 8), ("geen\tstuur\r\nteken\n", nil)] as [(String, Int?)])
    func findsTheFirstControlByte(text: String, at: Int?) {
        #expect(SourceReader.firstControlByte(Array(text.utf8)) == at)
    }

    @Test func findsAControlByteAtEveryPlaceOfALongText() {
        // Bytes that are allowed: text, tab, line ends, and the bytes of "é".
        let allowed: [UInt8] = [UInt8(ascii: "a"), 0x09, 0x0A, 0x0D, 0x20, 0x7E, 0xC3, 0xA9]
        for length in [1, 15, 16, 17, 40, 70] {
            let text = (0..<length).map { allowed[$0 % allowed.count] }
            #expect(SourceReader.firstControlByte(text) == nil)
            for at in 0..<length {
                for control: UInt8 in [0x00, 0x01, 0x0B, 0x0C, 0x1F, 0x7F] {
                    var bytes = text
                    bytes[at] = control
                    if at + 3 < length { bytes[at + 3] = 0x00 }
                    #expect(SourceReader.firstControlByte(bytes) == at, "\(length) \(at) \(control)")
                }
            }
        }
    }
}
