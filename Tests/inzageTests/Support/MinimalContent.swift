import Foundation

/// The smallest valid content folder (the three required files), for running the command line
/// end to end; a board with one school and no optional documents.
enum MinimalContent {
    static let files: [String: String] = [
        "organisatie.yaml": """
            naam: Stichting Het Baken
            contact: { email: privacy@hetbaken.nl }
            fg: { naam: A. de Boer, email: fg@hetbaken.nl }
            scholen:
              - { naam: OBS Het Baken, brin: 09HB, soort: po }
            site: { url: https://privacy.hetbaken.nl/, titel: Privacy bij Het Baken, aanspreekvorm: u, kleur: "#1d4f91" }

            """,
        "privacyverklaring.md": """
            ---
            titel: Privacyverklaring
            versie: "1.0"
            ingangsdatum: 2026-08-01
            laatst_gewijzigd: 2026-08-01
            verwerkingen:
              - { doel: Onderwijs geven, grondslag: publieke-taak, betrokkenen: [leerlingen], bewaartermijn: Tot twee jaar na het vertrek van de leerling. }
            geautomatiseerde_besluitvorming: nee
            verplichte_verstrekking: Voor de inschrijving zijn sommige gegevens wettelijk verplicht.
            ---
            Wij gaan zorgvuldig om met de gegevens van leerlingen en ouders.

            """,
        "privacystatement.md": """
            ---
            titel: Privacystatement
            versie: "1.0"
            datum: 2026-08-01
            statistieken: geen
            ---
            Deze website plaatst geen cookies.

            """,
    ]

    /// Writes the files, with `changes` applied (path → text; an empty text removes the file),
    /// into `content/` inside a fresh temporary folder; returns that folder.
    static func write(_ changes: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-cli-tests-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (path, text) in files.merging(changes, uniquingKeysWith: { $1 }) where !text.isEmpty {
            let file = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return folder
    }

    /// A file of the minimal content with one snippet replaced.
    static func replacing(_ old: String, with new: String, in path: String) -> [String: String] {
        [path: (files[path] ?? "").replacingOccurrences(of: old, with: new)]
    }
}
