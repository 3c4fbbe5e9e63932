import Foundation

/// Skeleton files for `inzage new`: every key of the content model, empty where the school must
/// fill something in, so that `inzage check` then lists exactly what is still missing.
public enum Skeleton {
    public enum Kind: String, CaseIterable, Sendable {
        case bijsluiter, pagina
    }

    public static func text(for kind: Kind, slug: String, today: SchoolDate) -> String {
        switch kind {
        case .bijsluiter: bijsluiter(slug: slug, today: today)
        case .pagina: pagina(slug: slug)
        }
    }

    /// Where the new file goes inside the content folder.
    public static func relativePath(for kind: Kind, slug: String) -> String {
        switch kind {
        case .bijsluiter: "bijsluiters/\(slug).md"
        case .pagina: "paginas/\(slug).md"
        }
    }

    static func bijsluiter(slug: String, today: SchoolDate) -> String {
        let categories = Categories.all.map { info in
            "  \(info.key): nee\(String(repeating: " ", count: max(1, 26 - info.key.count)))# \(info.number). \(info.label)\(info.isSpecial ? " (bijzonder persoonsgegeven, AVG art. 9)" : "")"
        }.joined(separator: "\n")
        return """
        ---
        # Privacybijsluiter (Model Verwerkersovereenkomst, Bijlage 1). Vul de lege waarden in en
        # controleer met: inzage check
        product:                                 # A. Naam van het product
        soort:                                   # leermiddel | informatiemiddel | beide
        verwerker:
          naam:
          adres: { straat: , postcode: , plaats: , land: NL }
          website:
          contact: { naam: , email: }
          datalek: { telefoon: , email: , termijn: 24 uur }
        omschrijving:                            # Wat doet het product, in één of twee zinnen
        doelgroep: []                            # po | so | sbo | vo | mbo
        gebruikers: [leerlingen, leerkrachten]
        scholen: alle                            # alle, of een lijst met BRIN-codes: [12OY]
        verwerkingen: []                         # B.1 Wat het product met de gegevens doet
        optionele_verwerkingen: []               # B.2 Alleen als de school het aanzet
        doeleinden: [onderwijs, levering, toegang]   # C. Codes uit het model, of { eigen: "..." }
        categorieen:                             # D. Per soort: nee, of welke gegevens
        \(categories)
        entree_attributen: []
        bewaartermijn:                           # Hoe lang bewaart de leverancier de gegevens?
        opslag:
          - { plaats: , land: NL }
        subverwerkers: []                        # { naam: , plaats: , land: , taak: }
        doorgifte: nee                           # of { landen: [US], waarborg: dpf, toelichting: ... }
        beveiliging:
          classificatie: { beschikbaarheid: midden, integriteit: midden, vertrouwelijkheid: midden }
          normen: []
          maatregelen: []
        verwerkersovereenkomst: { model: "3.0", getekend: \(today.iso) }
        versie: "1.0"
        datum: \(today.iso)
        wijzigingen:
          - { versie: "1.0", datum: \(today.iso), samenvatting: Eerste versie. }
        ---
        Uitleg voor ouders in eenvoudige taal (mag leeg blijven).

        """
    }

    static func pagina(slug: String) -> String {
        """
        ---
        titel:
        volgorde: 10
        ---
        Schrijf hier de tekst van de pagina.

        """
    }
}
