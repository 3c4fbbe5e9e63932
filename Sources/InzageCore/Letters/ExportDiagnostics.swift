import Foundation

/// One pupil from a validated export: name, group, optional birth date and the recorded
/// photo-consent choice per channel id (`true` is consent).
public struct Leerling: Sendable, Equatable {
    public var naam: String
    public var groep: String
    public var geboortedatum: SchoolDate?
    public var keuzes: [String: Bool]
    /// The line of the export the pupil was read from.
    public var line: Int

    public init(naam: String, groep: String, geboortedatum: SchoolDate?, keuzes: [String: Bool], line: Int) {
        self.naam = naam
        self.groep = groep
        self.geboortedatum = geboortedatum
        self.keuzes = keuzes
        self.line = line
    }

    /// The name as a letter writes it. Administrations often export "Achternaam, Voornaam": around a
    /// single comma the two parts are swapped, so "Jansen, Sem" reads "Sem Jansen" and
    /// "de Vries, Lotte" reads "Lotte de Vries". A name without a comma, with more than one, or with
    /// a suffix after the comma ("Sem Jansen, jr.") stays as it is.
    public var displayName: String {
        let parts = naam.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return naam }
        let family = parts[0].trimmingCharacters(in: .whitespaces)
        let given = parts[1].trimmingCharacters(in: .whitespaces)
        guard !family.isEmpty, !given.isEmpty, !Self.nameSuffixes.contains(given.lowercased()) else { return naam }
        return "\(given) \(family)"
    }

    /// What can follow a full name after a comma without being a first name.
    static let nameSuffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "junior", "senior"]
}

/// A validated pupil export: every pupil, and how the file was read.
public struct LeerlingenLijst: Sendable {
    public var leerlingen: [Leerling]
    /// Whether the export has a `geboortedatum` column; without it every letter goes to the parents.
    public var hasBirthDates: Bool
    public var encoding: ExportEncoding
    public var separator: Character
}

/// Gives meaning to an export's records and reports every problem with its line and column,
/// in Dutch, with the codes `LL-*`. Messages never quote a pupil's name: diagnostics end up in
/// terminals and CI logs, the export's personal data must not.
public enum ExportValidator {
    public static let requiredColumns = ["leerling", "groep"]
    public static let optionalColumns = ["geboortedatum"]

    /// Reads and validates an export in one go.
    /// - Parameters:
    ///   - kanalen: the channel ids of `fototoestemming.yaml`, in order; each needs a column.
    ///   - reminderDate: the date of the reminder; a birth date after it is impossible.
    public static func load(_ data: Data, file: String, kanalen: [String], reminderDate: SchoolDate) -> (LeerlingenLijst?, [Diagnostic]) {
        let (table, readProblems) = LeerlingExport.read(data, file: file)
        guard let table else { return (nil, readProblems) }
        let (list, problems) = validate(table, file: file, kanalen: kanalen, reminderDate: reminderDate, complete: readProblems.isEmpty)
        let all = (readProblems + problems).sortedForReport()
        return (all.errorCount == 0 ? list : nil, all)
    }

    /// Validates split records against the channels of `fototoestemming.yaml`.
    /// - Parameter complete: false when reading stopped early (an unclosed quote), so a missing
    ///   row is not reported a second time.
    public static func validate(_ table: ExportTable, file: String, kanalen: [String], reminderDate: SchoolDate,
                                complete: Bool = true) -> (LeerlingenLijst?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func fout(_ code: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(.error, code, at: SourceLocation(file: file, line: line, column: column), message, hint: hint))
        }
        let records = table.records.filter { !$0.isBlank }
        guard let header = records.first else {
            fout("LL-EMPTY", 1, 1, "de export is leeg", hint: "de eerste regel noemt de kolommen: leerling, groep, geboortedatum (mag weg) en één kolom per kanaal")
            return (nil, problems)
        }

        // The header: every column known, none twice, none missing.
        var headerCells = header.cells
        while let last = headerCells.last, last.value.trimmingCharacters(in: .whitespaces).isEmpty { headerCells.removeLast() }
        let known = requiredColumns + optionalColumns + kanalen
        var columnIndex: [String: Int] = [:]
        for (index, cell) in headerCells.enumerated() {
            let name = cell.value.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty {
                fout("LL-COLUMN", cell.line, cell.column, "kolom \(index + 1) heeft geen naam",
                     hint: "geef de kolom een naam uit fototoestemming.yaml of verwijder hem")
                continue
            }
            guard known.contains(name) else {
                let hint: String
                if let suggestion = EditDistance.suggestion(for: name, among: known) {
                    hint = "bedoelde u '\(suggestion)'?"
                } else {
                    hint = "de kanalen in fototoestemming.yaml zijn: \(kanalen.joined(separator: ", ")); verwijder de kolom of voeg het kanaal toe"
                }
                fout("LL-COLUMN", cell.line, cell.column, "onbekende kolom '\(cell.value)': dit is geen kanaal uit fototoestemming.yaml", hint: hint)
                continue
            }
            if columnIndex[name] != nil {
                fout("LL-COLUMN", cell.line, cell.column, "de kolom '\(name)' staat er twee keer in", hint: "laat één kolom '\(name)' staan")
                continue
            }
            columnIndex[name] = index
        }
        for name in requiredColumns + kanalen where columnIndex[name] == nil {
            let what = kanalen.contains(name) ? "de kolom voor kanaal '\(name)' ontbreekt" : "de kolom '\(name)' ontbreekt"
            let hint = kanalen.contains(name)
                ? "voeg een kolom '\(name)' toe met ja of nee per leerling; elk kanaal uit fototoestemming.yaml heeft een kolom"
                : "de export heeft de kolommen leerling, groep, geboortedatum (mag weg) en één kolom per kanaal"
            fout("LL-MISSING", header.line, 1, what, hint: hint)
        }

        // The rows.
        var leerlingen: [Leerling] = []
        for record in records.dropFirst() {
            var cells = record.cells
            while cells.count > headerCells.count, let last = cells.last, last.value.trimmingCharacters(in: .whitespaces).isEmpty {
                cells.removeLast()
            }
            if cells.count != headerCells.count {
                let separatorName = table.separator == "\t" ? "tab" : String(table.separator)
                fout("LL-FIELDS", record.line, 1,
                     "deze regel heeft \(cells.count) \(cells.count == 1 ? "veld" : "velden"), de kopregel heeft er \(headerCells.count)",
                     hint: "het scheidingsteken is '\(separatorName)'; zet een naam met '\(separatorName)' erin tussen aanhalingstekens")
                continue
            }
            func cell(_ name: String) -> ExportCell? { columnIndex[name].map { cells[$0] } }
            var valid = true

            let naam = cell("leerling").map { normalizedName($0.value) } ?? ""
            if let c = cell("leerling"), naam.isEmpty {
                fout("LL-EMPTY", c.line, c.column, "de naam van de leerling ontbreekt", hint: "vul de volledige naam in of verwijder de regel")
                valid = false
            }
            let groep = cell("groep").map { normalizedName($0.value) } ?? ""
            if let c = cell("groep"), groep.isEmpty {
                fout("LL-EMPTY", c.line, c.column, "de groep of klas ontbreekt", hint: "vul de groep of klas in, bijvoorbeeld 5 of 2B")
                valid = false
            }

            var geboortedatum: SchoolDate?
            if let c = cell("geboortedatum") {
                switch parseBirthDate(c.value) {
                case .success(let date):
                    if date > reminderDate {
                        fout("LL-DATE", c.line, c.column, "de geboortedatum ligt na de datum van de herinnering (\(reminderDate.dutch))",
                             hint: "controleer de datum; schrijf hem als dd-mm-jjjj, bijvoorbeeld 14-03-2012")
                        valid = false
                    } else {
                        geboortedatum = date
                    }
                case .failure(let problem):
                    fout("LL-DATE", c.line, c.column, problem.message, hint: problem.hint)
                    valid = false
                }
            }

            var keuzes: [String: Bool] = [:]
            for kanaal in kanalen {
                guard let c = cell(kanaal) else { continue }
                let value = c.value.trimmingCharacters(in: .whitespaces).lowercased()
                switch value {
                case "ja": keuzes[kanaal] = true
                case "nee": keuzes[kanaal] = false
                case "":
                    fout("LL-VALUE", c.line, c.column, "de keuze voor kanaal '\(kanaal)' is leeg",
                         hint: "schrijf ja of nee; is er geen toestemming vastgelegd, dan is het nee")
                    valid = false
                default:
                    fout("LL-VALUE", c.line, c.column, "'\(c.value)' in kolom '\(kanaal)' is geen ja of nee",
                         hint: "schrijf per kanaal ja (toestemming) of nee (geen toestemming)")
                    valid = false
                }
            }
            if valid, columnIndex["leerling"] != nil, columnIndex["groep"] != nil {
                leerlingen.append(Leerling(naam: naam, groep: groep, geboortedatum: geboortedatum, keuzes: keuzes, line: record.line))
            }
        }
        if records.count == 1, complete {
            fout("LL-EMPTY", header.line, 1, "de export bevat geen leerlingen, alleen de kopregel")
        }
        let list = LeerlingenLijst(leerlingen: leerlingen, hasBirthDates: columnIndex["geboortedatum"] != nil,
                                   encoding: table.encoding, separator: table.separator)
        return (problems.errorCount == 0 ? list : nil, problems.sortedForReport())
    }

    /// NFC, single spaces, no spaces at the ends.
    static func normalizedName(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    struct DateProblem: Error {
        var message: String
        var hint: String
    }

    /// Birth dates as administrations write them: 14-03-2012, 14/03/2012, 14.3.2012, 2012-03-14,
    /// 14 maart 2012, optionally followed by a time that spreadsheets add ("00:00").
    static func parseBirthDate(_ raw: String) -> Result<SchoolDate, DateProblem> {
        var text = raw.trimmingCharacters(in: .whitespaces)
        let hint = "schrijf de datum als dd-mm-jjjj, bijvoorbeeld 14-03-2012"
        if text.isEmpty {
            return .failure(DateProblem(message: "de geboortedatum ontbreekt", hint: "vul de geboortedatum in; daaraan ziet Inzage of de leerling 16 of ouder is"))
        }
        if let space = text.lastIndex(of: " "), text[text.index(after: space)...].contains(":") {
            text = String(text[..<space])
        } else if let t = text.firstIndex(of: "T"), text[text.index(after: t)...].contains(":") {
            text = String(text[..<t])
        }
        let numeric = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        if let date = SchoolDate(parsing: numeric) { return .success(date) }
        let groups = numeric.split(separator: "-", omittingEmptySubsequences: false)
        let looksNumeric = groups.count == 3 && groups.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && ((groups[0].count == 4 && groups[1].count <= 2 && groups[2].count <= 2)
                || (groups[2].count == 4 && groups[0].count <= 2 && groups[1].count <= 2))
        let words = text.split(separator: " ")
        let looksWritten = words.count == 3 && Int(words[0]) != nil && words[2].count == 4 && Int(words[2]) != nil
            && SchoolDate.monthNames.contains(words[1].lowercased())
        if looksNumeric || looksWritten {
            return .failure(DateProblem(message: "geboortedatum '\(raw.trimmingCharacters(in: .whitespaces))' bestaat niet", hint: "controleer dag en maand; \(hint)"))
        }
        return .failure(DateProblem(message: "'\(raw.trimmingCharacters(in: .whitespaces))' is geen geboortedatum", hint: hint))
    }
}
