import Foundation

/// One cell of a pupil export with the position it was read from (1-based line and column).
public struct ExportCell: Sendable, Equatable {
    public var value: String
    public var line: Int
    public var column: Int
}

/// One record of a pupil export: the line it starts on and its cells.
public struct ExportRecord: Sendable, Equatable {
    public var line: Int
    public var cells: [ExportCell]

    /// True for a line with nothing but separators and spaces (spreadsheets write those at the end).
    public var isBlank: Bool { cells.allSatisfy { $0.value.trimmingCharacters(in: .whitespaces).isEmpty } }
}

/// The text encodings a school-administration export comes in.
public enum ExportEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 met BOM"
    case windows1252 = "Windows-1252"
}

/// A pupil export split into records: what the CSV says, before any meaning is given to it.
public struct ExportTable: Sendable {
    public var encoding: ExportEncoding
    public var separator: Character
    public var records: [ExportRecord]
}

/// Reads a school-administration export (ParnasSys, Magister, Somtoday, a spreadsheet) as CSV:
/// separator `;`, `,` or tab detected from the header line (or an Excel `sep=` line), quotes with
/// doubled `""` and line breaks inside quotes, CRLF, LF or CR line ends, and the text encoding
/// detected from the bytes: valid UTF-8 (with or without BOM) is UTF-8, anything else is
/// Windows-1252, the encoding Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
///
/// The export is personal data: it is only read into memory, never copied or cached.
public enum LeerlingExport {
    /// Decodes and splits the bytes; problems come back as diagnostics against `file`.
    public static func read(_ data: Data, file: String) -> (ExportTable?, [Diagnostic]) {
        let (decoded, encodingProblem) = decode(data, file: file)
        guard let (decodedText, encoding) = decoded else { return (nil, encodingProblem.map { [$0] } ?? []) }
        var text = Substring(decodedText)
        var firstLine = 1
        var separator: Character?
        // Excel understands a first line "sep=;" and so do we.
        if text.lowercased().hasPrefix("sep="), let end = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let declared = text[text.index(text.startIndex, offsetBy: 4)..<end]
            if declared.count == 1 { separator = declared.first }
            text = text[text.index(after: end)...]
            firstLine = 2
        }
        let chosen = separator ?? detectSeparator(in: text)
        let (records, problems) = split(text, separator: chosen, file: file, firstLine: firstLine)
        return (ExportTable(encoding: encoding, separator: chosen, records: records), problems)
    }

    // MARK: - Encoding

    /// The text and its encoding, or a diagnostic for bytes that are no export at all.
    static func decode(_ data: Data, file: String) -> ((String, ExportEncoding)?, Diagnostic?) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (nil, Diagnostic(.error, "LL-ENCODING", at: .file(file),
                                    "de export is opgeslagen als UTF-16 ('Unicode-tekst')",
                                    hint: "sla de export op als 'CSV UTF-8' of als 'CSV (gescheiden door lijstscheidingsteken)'"))
        }
        if let zero = bytes.firstIndex(of: 0) {
            let line = bytes[..<zero].filter { $0 == 0x0A }.count + 1
            return (nil, Diagnostic(.error, "LL-ENCODING", at: SourceLocation(file: file, line: line, column: 1),
                                    "de export bevat een nul-byte; dit is geen tekstbestand (CSV)",
                                    hint: "exporteer de leerlingen uit de administratie als CSV-bestand"))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = strictUTF8(Array(bytes.dropFirst(3))) else {
                return (nil, Diagnostic(.error, "LL-ENCODING", at: .file(file),
                                        "de export begint als UTF-8 maar bevat tekens die geen UTF-8 zijn",
                                        hint: "sla de export opnieuw op als 'CSV UTF-8'"))
            }
            return ((text, .utf8WithBOM), nil)
        }
        if let text = strictUTF8(bytes) {
            return ((text, .utf8), nil)
        }
        return ((windows1252(bytes), .windows1252), nil)
    }

    /// The text when the bytes are valid UTF-8 (decoding replaces invalid bytes, so compare back).
    static func strictUTF8(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// Windows-1252 to Unicode. 0xA0–0xFF are Latin-1; 0x80–0x9F hold the typographic marks and
    /// the letters Š, Œ, Ž, Ÿ. The five unassigned bytes map to the C1 controls, as browsers do.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F {
                let value = cp1252High[Int(byte - 0x80)]
                scalars.append(Unicode.Scalar(value) ?? Unicode.Scalar(UInt8(byte)))
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80–87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 88–8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90–97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 98–9F
    ]

    // MARK: - Separator

    /// The most frequent of `;`, `,` and tab outside quotes in the first non-empty line; `;` when none.
    static func detectSeparator(in text: Substring) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var inQuotes = false
        var seenContent = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle(); continue }
            if !inQuotes, scalar == "\n" || scalar == "\r" {
                if seenContent { break }
                continue
            }
            seenContent = true
            if !inQuotes, let count = counts[Character(scalar)] { counts[Character(scalar)] = count + 1 }
        }
        var best: Character = ";"
        var bestCount = 0
        for candidate in [";", ",", "\t"] as [Character] where (counts[candidate] ?? 0) > bestCount {
            best = candidate
            bestCount = counts[candidate] ?? 0
        }
        return best
    }

    // MARK: - Records

    /// Splits decoded text into records (RFC 4180 with the usual spreadsheet leniencies).
    static func split(_ text: Substring, separator: Character, file: String, firstLine: Int = 1) -> ([ExportRecord], [Diagnostic]) {
        let scalars = Array(text.unicodeScalars)
        let sep = separator.unicodeScalars.first ?? ";"
        var records: [ExportRecord] = []
        var cells: [ExportCell] = []
        var field = String.UnicodeScalarView()
        var line = firstLine, column = 1
        var fieldLine = line, fieldColumn = 1, recordLine = line
        var inQuotes = false, wasQuoted = false
        var quoteLine = line, quoteColumn = 1
        var index = 0

        func endField() {
            var value = String(field)
            if !wasQuoted { value = value.trimmingCharacters(in: .whitespaces) }
            cells.append(ExportCell(value: value, line: fieldLine, column: fieldColumn))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(ExportRecord(line: recordLine, cells: cells))
            cells = []
        }

        while index < scalars.count {
            let c = scalars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2; column += 2
                        continue
                    }
                    inQuotes = false
                    index += 1; column += 1
                    continue
                }
                if c == "\r" || c == "\n" {
                    if c == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                    field.append("\n")
                    index += 1; line += 1; column = 1
                    continue
                }
                field.append(c)
                index += 1; column += 1
                continue
            }
            switch c {
            case sep:
                endField()
                index += 1; column += 1
                fieldLine = line; fieldColumn = column
            case "\r", "\n":
                if c == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                endRecord()
                index += 1; line += 1; column = 1
                fieldLine = line; fieldColumn = 1; recordLine = line
            case "\"" where String(field).trimmingCharacters(in: .whitespaces).isEmpty && !wasQuoted:
                field = String.UnicodeScalarView()
                inQuotes = true; wasQuoted = true
                quoteLine = line; quoteColumn = column
                index += 1; column += 1
            default:
                field.append(c)
                index += 1; column += 1
            }
        }
        var problems: [Diagnostic] = []
        if inQuotes {
            problems.append(Diagnostic(.error, "LL-QUOTE", at: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                                       "dit aanhalingsteken (\") wordt nergens gesloten",
                                       hint: "zet een \" aan het eind van het veld; een \" in een naam schrijft u als \"\""))
        } else if !field.isEmpty || !cells.isEmpty {
            endRecord()
        }
        return (records, problems)
    }
}
