// Reference data: attributes a service receives when pupils or staff log in
// through the Kennisnet Entree Federatie (single sign-on for Dutch schools),
// and the Model VWO 3.0 Bijlage 1 D.1 category each one falls in.
//
// Sources:
// - Seed 000 (shared/seeds/000_a29e0a997f7fb20f.txt) l.196-202: the table
//   "Standaard attributenset Kennisnet Entree Federatie" with five rows
//   (uid, nlEduPersonHomeOrganization, nlEduPersonHomeOrganizationId, givenName,
//   eduPersonAffiliation). Their Dutch descriptions below are verbatim from it.
//   Context: 000 l.179-195 ("VO-next gebruikt hiervoor alleen de Standaard
//   attributen ... (hiervoor is geen expliciete toestemming van de
//   onderwijsinstellingen nodig, Attribute Release Policy)") and the definition
//   "l. Standaardattributenset" at 000 l.441-443.
// - The remaining attributes are not in the seeds. They are the other
//   attributes Kennisnet documents for service providers ("Attributen overzicht
//   voor Service Providers", developers.wiki.kennisnet.nl): `sn` (in some
//   versions of the standard set, alternative to givenName) and the additional
//   attributes a school releases only by signing an Attribute Release Policy
//   (nlEduPersonRealId, nlEduPersonProfileId, eckId, nlEduPersonTussenvoegsels,
//   mail, nlEduPersonHomeOrganizationBranchId). Their Dutch descriptions are ours.
//   The set is versioned outside the VWO (VWO art. 1.s "zoals gepubliceerd op de
//   website van het Platform", 003 l.81), so this list is a snapshot.
//
// Category choices where they are not obvious (as a school FG would reason):
// - uid and nlEduPersonRealId (login name, encrypted or plain) → contactgegevens:
//   the model has no separate "account" category and seed 003 l.355 puts
//   "loginnaam, wachtwoord en tijden van inloggen" under 1 Contactgegevens. A
//   pseudonymous uid is still personal data (AVG overweging 26).
// - eduPersonAffiliation (role: student, employee, staff, affiliate) →
//   onderwijsorganisatie: it tells the service whether to give pupil or teacher
//   access, i.e. "gegevens met het oog op de organisatie van het onderwijs en het
//   verstrekken of ter beschikking stellen van leermiddelen" (category 8). It is
//   not 11 (begeleiders): that covers data *of* teachers; the role value alone
//   says nothing about a person's work beyond the affiliation.
// - nlEduPersonHomeOrganization / …Id / …BranchId (school name, BRIN, BRIN +
//   vestiging) → onderwijsorganisatie, as seed 003 l.363 does for "Naam school en
//   groep".
// - nlEduPersonProfileId → onderwijsdeelnemernummer: Kennisnet documents it as
//   the pupil's or employee's number in the school administration
//   ("leerlingnummer@administratie.schooldomein"), which is exactly category 2
//   "een administratienummer dat onderwijsdeelnemers identificeert". For staff it
//   is an employee number; the category still fits best.
// - eckId → eck_id (category 14, "Keten-ID (ECK-ID)"), the pseudonym of VWO art. 1.i.

/// An attribute of the Kennisnet Entree federation (seed 000) and the D.1 category it falls in.
///
/// `name` is the attribute name as Entree sends it (case as documented),
/// `description` a short Dutch description (verbatim from seed 000 l.198-202 for
/// the five attributes listed there), `categoryKey` a key of ``Categories``.
public struct EntreeAttribute: Sendable, Hashable {
    /// The attribute name as the federation sends it, e.g. `givenName`.
    public let name: String
    /// A short Dutch description, e.g. "Voornaam".
    public let description: String
    /// The content-model key of the D.1 category the attribute falls in, e.g. `contactgegevens`.
    public let categoryKey: String

    public init(name: String, description: String, categoryKey: String) {
        self.name = name
        self.description = description
        self.categoryKey = categoryKey
    }
}

/// The known Kennisnet Entree attributes and their D.1 categories.
public enum EntreeAttributes {
    /// All known attributes: first the five of the standard set as seed 000 l.198-202
    /// lists them (in its order), then the other documented attributes.
    public static let all: [EntreeAttribute] = [
        // Standaard attributenset, seed 000 l.198-202 (descriptions verbatim).
        EntreeAttribute(name: "uid", description: "Versleutelde gebruikersnaam", categoryKey: "contactgegevens"),
        EntreeAttribute(name: "nlEduPersonHomeOrganization", description: "Naam instelling", categoryKey: "onderwijsorganisatie"),
        EntreeAttribute(name: "nlEduPersonHomeOrganizationId", description: "BRIN-nummer", categoryKey: "onderwijsorganisatie"),
        EntreeAttribute(name: "givenName", description: "Voornaam", categoryKey: "contactgegevens"),
        EntreeAttribute(name: "eduPersonAffiliation", description: "Rol", categoryKey: "onderwijsorganisatie"),
        // Not in the seeds: Kennisnet's documentation for service providers.
        EntreeAttribute(name: "sn", description: "Achternaam", categoryKey: "contactgegevens"),
        EntreeAttribute(name: "nlEduPersonTussenvoegsels", description: "Tussenvoegsel(s) van de achternaam", categoryKey: "contactgegevens"),
        EntreeAttribute(name: "mail", description: "E-mailadres", categoryKey: "contactgegevens"),
        EntreeAttribute(name: "nlEduPersonRealId", description: "Onversleutelde gebruikersnaam", categoryKey: "contactgegevens"),
        EntreeAttribute(name: "nlEduPersonProfileId", description: "Leerling- of personeelsnummer in de administratie van de school", categoryKey: "onderwijsdeelnemernummer"),
        EntreeAttribute(name: "nlEduPersonHomeOrganizationBranchId", description: "BRIN-nummer met vestigingsnummer", categoryKey: "onderwijsorganisatie"),
        EntreeAttribute(name: "eckId", description: "Keten-ID (ECK-ID): pseudoniem voor de educatieve contentketen", categoryKey: "eck_id"),
    ]

    /// The names of the standard attribute set as seed 000 l.198-202 lists it
    /// (released to every service without the school signing an Attribute Release Policy).
    public static let standardSetNames: [String] = [
        "uid", "nlEduPersonHomeOrganization", "nlEduPersonHomeOrganizationId", "givenName", "eduPersonAffiliation",
    ]

    private static let byLowercasedName: [String: EntreeAttribute] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) })

    /// The attribute with this name, compared case-insensitively and ignoring surrounding spaces.
    public static func attribute(named name: String) -> EntreeAttribute? {
        byLowercasedName[name.trimmingSpaces().lowercased()]
    }
}

private extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
