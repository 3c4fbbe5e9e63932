import Foundation

/// Reads one content file as text, refusing what is not a plain UTF-8 text file with a
/// diagnostic that names the file (and the line where there is one).
enum SourceReader {
    /// Larger than any real privacy document; protects memory and time.
    static let maximumBytes = 4 * 1024 * 1024

    /// - Parameter knownSize: the file's size from a `stat` the caller made already, so the
    ///   reader makes none of its own.
    static func read(_ url: URL, displayPath: String, sink: DiagnosticSink, knownSize: Int? = nil) -> String? {
        read(path: url.path, displayPath: displayPath, sink: sink, knownSize: knownSize)
    }

    /// The file at `path`, as `read(_:displayPath:sink:knownSize:)`.
    static func read(path: String, displayPath: String, sink: DiagnosticSink, knownSize: Int? = nil) -> String? {
        let fileLocation = SourceLocation.file(displayPath)
        // One `stat` at most (FileManager's attribute dictionary costs more than reading a small file).
        let size = knownSize ?? FileStamp(path: path).map { Int($0.size) }
        if let size, size > maximumBytes {
            sink.error("FILE-SIZE", at: fileLocation,
                       "het bestand is te groot (\(size / 1_048_576) MB); een inhoudsbestand mag hooguit \(maximumBytes / 1_048_576) MB zijn",
                       hint: "is dit wel het goede bestand? Grote bestanden zoals pdf's horen in bestanden/")
            return nil
        }
        guard let bytes = readBytes(path, expectedSize: size ?? 0) else {
            sink.error("FILE-READ", at: fileLocation, "het bestand kan niet worden gelezen",
                       hint: "controleer of het bestand bestaat en leesbaar is")
            return nil
        }
        return decode(bytes, displayPath: displayPath, sink: sink)
    }

    /// The whole file, read with plain open/read/close straight into the array the checks
    /// below scan (`Data(contentsOf:)` adds a `stat` and a copy per file). A file larger than
    /// expected (it grew since its `stat`) is read on in chunks, up to just past `maximumBytes`.
    static func readBytes(_ path: String, expectedSize: Int) -> [UInt8]? {
        // Non-blocking, as Foundation opens it: a named pipe without a writer reads as empty
        // instead of stopping the build.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // One byte more than expected: when the size was right, the end of the file is seen
        // without filling the array.
        let capacity = min(max(expectedSize, 0), maximumBytes) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 && errno == EINTR { continue }
                if read < 0 { failed = true }
                if read <= 0 { return }
                count += read
            }
        }
        guard !failed else { return nil }
        guard bytes.count == capacity else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= maximumBytes {
            let read = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { break }
            bytes.append(contentsOf: chunk[..<read])
        }
        return bytes
    }

    /// `bytes` with every "\r\n" and every other "\r" made "\n".
    static func unixLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte != 13 {
                    result.append(byte)
                    continue
                }
                result.append(10)
                if index < bytes.count, bytes[index] == 10 { index += 1 }
            }
        }
        return result
    }

    static func decode(_ data: [UInt8], displayPath: String, sink: DiagnosticSink) -> String? {
        var bytes = data
        if bytes.count > maximumBytes {
            sink.error("FILE-SIZE", at: .file(displayPath),
                       "het bestand is te groot (meer dan \(maximumBytes / 1_048_576) MB); een inhoudsbestand mag hooguit \(maximumBytes / 1_048_576) MB zijn",
                       hint: "is dit wel het goede bestand? Grote bestanden zoals pdf's horen in bestanden/")
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            sink.error("FILE-EMPTY", at: .file(displayPath), "het bestand is leeg",
                       hint: "vul het bestand in, of verwijder het als het niet nodig is")
            return nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            sink.error("FILE-ENCODING", at: .file(displayPath), "het bestand is opgeslagen als UTF-16, niet als UTF-8",
                       hint: "sla het bestand op met de codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8)")
            return nil
        }
        // One pass finds the first byte that is a control character other than tab and line
        // ends; only a NUL (binary data) is reported before the encoding is checked.
        let control = firstControlByte(bytes)
        if let first = control, let nul = bytes[first...].firstIndex(of: 0) {
            sink.error("FILE-BINARY", at: position(ofByte: nul, in: bytes, file: displayPath),
                       "dit is geen tekstbestand (het bevat binaire gegevens)",
                       hint: "sla het op als platte tekst (UTF-8), of zet afbeeldingen en pdf's in bestanden/")
            return nil
        }
        guard let text = UTF8Text.validated(bytes) else {
            let bad = firstInvalidUTF8Byte(bytes) ?? 0
            sink.error("FILE-ENCODING", at: position(ofByte: bad, in: bytes, file: displayPath),
                       "het bestand is geen geldige UTF-8-tekst",
                       hint: "sla het bestand op met de codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8)")
            return nil
        }
        // Line ends made "\n": "\r\n" (Windows) and a lone "\r" (old Mac files), byte by byte:
        // both are ASCII, never part of a longer character. Foundation's replacing in the text
        // took three times the whole build at 10 000 pages saved on Windows.
        let normalized = ASCIIScan.contains(text, byte: 13) ? String(decoding: unixLineEnds(bytes), as: UTF8.self) : text
        // In valid UTF-8 a byte under 0x80 is always a character of its own, so the byte scan
        // above tells whether the slower look for the character's line and column is needed.
        if control != nil, let location = controlCharacterLocation(normalized, file: displayPath) {
            sink.error("FILE-CONTROL", at: location, "een onzichtbaar stuurteken in de tekst",
                       hint: "verwijder het teken; het komt vaak mee bij kopiëren uit een pdf")
            return nil
        }
        return normalized
    }

    /// The first byte below 0x20 that is not a tab or line end, or 0x7F (DEL). Sixteen bytes at
    /// a time: every content file is scanned whole, and almost none holds one.
    static func firstControlByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                let space = SIMD16<UInt8>(repeating: 0x20), delete = SIMD16<UInt8>(repeating: 0x7F)
                let tab = SIMD16<UInt8>(repeating: 0x09), lineFeed = SIMD16<UInt8>(repeating: 0x0A), carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
                while start + 16 <= buffer.count {
                    let block = (raw + start).loadUnaligned(as: SIMD16<UInt8>.self)
                    let allowed = (block .== tab) .| (block .== lineFeed) .| (block .== carriageReturn)
                    // The block holding one is searched byte by byte below.
                    if ASCIIScan.anyLane(((block .< space) .& .!allowed) .| (block .== delete)) { break }
                    start += 16
                }
            }
            for index in start..<buffer.count {
                let byte = buffer[index]
                if byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D) : byte == 0x7F { return index }
            }
            return nil
        }
    }

    /// Line and column of a byte offset, counting columns in characters where decodable.
    static func position(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = Array(bytes[lineStart..<min(offset, bytes.count)])
        let column = (String(validating: prefix, as: UTF8.self)?.unicodeScalars.count ?? prefix.count) + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    static func firstInvalidUTF8Byte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return nil
    }

    private static func controlCharacterLocation(_ text: String, file: String) -> SourceLocation? {
        var line = 1
        var column = 0
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                continue
            }
            if scalar == "\t" { continue }
            if scalar.value < 0x20 || scalar.value == 0x7F { return SourceLocation(file: file, line: line, column: column) }
        }
        return nil
    }
}
