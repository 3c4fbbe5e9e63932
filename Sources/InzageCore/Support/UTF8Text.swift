import Glibc

/// Text from bytes that must be UTF-8: the record files' texts (`ByteReader`) and the content's
/// files (`SourceReader`).
enum UTF8Text {
    /// The text of `bytes`, or nil when they are no valid UTF-8.
    ///
    /// `String(validating:as:)` is generic and not specialised for bytes: it looks up type
    /// metadata on every call, which made reading the record files' tens of thousands of short
    /// texts a tenth of a patch build. Decoding repairs invalid bytes (each invalid part becomes
    /// U+FFFD, whose bytes differ from the part's); so the text is the bytes' own exactly when its
    /// UTF-8 is those very bytes.
    static func validated(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return unchanged ? text : nil
    }

    /// `validated` for the bytes of an array.
    static func validated(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(validated)
    }
}
