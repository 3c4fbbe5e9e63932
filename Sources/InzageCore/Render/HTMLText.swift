/// HTML that is valid UTF-8 by construction (cmark-gfm's output with Inzage's fix-ups, which
/// insert only ASCII and escaped strings), kept as its bytes: an extra page's body goes through
/// its stencils into its file without becoming a `String`, whose making checks every byte again
/// (about 2 % of a build of 10 000 pages).
struct HTMLText: Equatable, Sendable {
    let bytes: [UInt8]

    /// - Parameter bytes: valid UTF-8; nothing here checks it.
    init(validUTF8 bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The HTML as a string, for Mustache (a page without a stencil): its bytes are checked then.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension HTMLText: MustacheConvertible {
    var mustacheValue: Any? { string }
}
