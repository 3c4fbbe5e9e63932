import Testing
@testable import InzageCore

@Suite struct UTF8TextTests {
    @Test(arguments: ["", "a", "Privacybijsluiter", "Geëxporteerd · €5 — ok", "\u{FFFD} staat er echt", "😀 emoji", String(repeating: "ë", count: 500)])
    func validTextIsItself(_ text: String) {
        #expect(UTF8Text.validated(Array(text.utf8)) == text)
    }

    @Test(arguments: [
        [0xFF] as [UInt8],                 // never in UTF-8
        [0x61, 0xC3],                      // cut off after its first byte
        [0xE2, 0x82],                      // a three-byte character cut off
        [0xC0, 0xAF],                      // overlong
        [0xED, 0xA0, 0x80],                // a surrogate
        [0x61, 0x80, 0x62],                // a lone continuation byte
        [0xEF, 0xBF],                      // the start of U+FFFD, cut off
        [0xF4, 0x90, 0x80, 0x80],          // beyond U+10FFFF
    ])
    func invalidBytesAreRefused(_ bytes: [UInt8]) {
        #expect(UTF8Text.validated(bytes) == nil)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test func aTextInsideBytesIsReadFromItsRange() {
        let bytes = Array("xxGeëxporteerdyy".utf8)
        #expect(ByteReader.text(bytes, at: 2..<(bytes.count - 2)) == "Geëxporteerd")
        #expect(ByteReader.text(bytes, at: 3..<4) == "e")
        // Half of "ë" is no text.
        #expect(ByteReader.text(bytes, at: 2..<5) == nil)
    }
}
