import Testing

@Suite("MarkedText")
struct MarkedTextTests {
    @Test func removesTheMarkerAndReportsItsPosition() {
        let marked = MarkedText("a: 1\nbb: 1️⃣twee\n")
        #expect(marked.text == "a: 1\nbb: twee\n")
        #expect(marked.position() == MarkedText.Position(line: 2, column: 5))
    }

    @Test func countsColumnsInUnicodeScalarsLikeLibyaml() {
        // "é" written as e + combining acute accent is one Character but two scalars.
        let marked = MarkedText("naam: Cafe\u{301} 🇳🇱 1️⃣x")
        #expect(marked.position() == MarkedText.Position(line: 1, column: 16))
    }

    @Test func supportsSeveralMarkers() {
        let marked = MarkedText("1️⃣a\n  2️⃣b")
        #expect(marked.text == "a\n  b")
        #expect(marked.position(of: "1️⃣") == MarkedText.Position(line: 1, column: 1))
        #expect(marked.position(of: "2️⃣") == MarkedText.Position(line: 2, column: 3))
    }

    @Test func withoutMarkerHasNoPosition() {
        #expect(MarkedText("geen markering").position() == nil)
    }
}
