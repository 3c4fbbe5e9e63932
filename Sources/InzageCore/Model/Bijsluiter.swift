/// What a product is in the sense of VWO art. 5.3.
public enum ProductSoort: String, Sendable, CaseIterable {
    case leermiddel, informatiemiddel, beide

    public var dutch: String {
        switch self {
        case .leermiddel: "leermiddel"
        case .informatiemiddel: "informatiemiddel"
        case .beide: "leermiddel en informatiemiddel"
        }
    }
}

/// The answer for one of the 14 categories: not processed, processed, or processed when switched on.
public enum CategoryAnswer: Sendable, Equatable {
    case nee
    case verwerkt(toelichting: Located<String>, optioneel: Bool)

    public var isProcessed: Bool {
        if case .verwerkt = self { return true }
        return false
    }
}

/// One category line of a bijsluiter, where it was written.
public struct CategoryEntry: Sendable, Equatable {
    public var key: Located<String>
    public var answer: CategoryAnswer
}

/// A purpose of section C: a model code or the school's own words.
public enum Doel: Sendable, Equatable {
    case code(Located<String>)
    case eigen(Located<String>)
}

/// Which schools use a product.
public enum ScholenKeuze: Sendable, Equatable {
    case alle(SourceLocation)
    case brins([Located<String>])
}

/// A place where data is stored or processed, or a subverwerker.
public struct Vestiging: Sendable, Equatable {
    public var naam: Located<String>?
    public var plaats: Located<String>?
    public var land: Located<String>?
    public var taak: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation

    /// ISO country code, upper-cased; Dutch country names are understood too.
    public var landCode: String? {
        guard let raw = land.nonBlank else { return nil }
        if raw.count == 2 { return raw.uppercased() }
        return Countries.code(forDutchName: raw)
    }
}

/// The safeguards of AVG art. 45–49 a transfer outside the EER can rest on.
public enum Waarborg: String, Sendable, CaseIterable {
    case dpf, scc, bcr, adequaatheid, uitzondering

    public var dutch: String {
        switch self {
        case .dpf: "het EU-US Data Privacy Framework (adequaatheidsbesluit voor gecertificeerde bedrijven)"
        case .scc: "modelcontractbepalingen van de Europese Commissie (SCC's)"
        case .bcr: "bindende bedrijfsvoorschriften (BCR)"
        case .adequaatheid: "een adequaatheidsbesluit van de Europese Commissie"
        case .uitzondering: "een uitzondering uit artikel 49 AVG"
        }
    }
}

/// A transfer outside the EER.
public struct Doorgifte: Sendable, Equatable {
    public var landen: [Located<String>]
    public var waarborg: Located<Waarborg>?
    public var toelichting: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// Security classification level of Bijlage 2.
public enum Niveau: String, Sendable, CaseIterable { case laag, midden, hoog }

/// Bijlage 2: security.
public struct Beveiliging: Sendable, Equatable {
    public var beschikbaarheid: Located<Niveau>?
    public var integriteit: Located<Niveau>?
    public var vertrouwelijkheid: Located<Niveau>?
    public var normen: [Located<String>]
    public var maatregelen: [Located<String>]
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// The data-breach contact of Bijlage 2.
public struct DatalekContact: Sendable, Equatable {
    public var telefoon: Located<String>?
    public var email: Located<String>?
    public var termijn: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// The supplier that processes on the school's behalf.
public struct Verwerker: Sendable, Equatable {
    public var naam: Located<String>?
    public var adres: Adres?
    public var website: Located<String>?
    public var contact: Contactpersoon?
    public var datalek: DatalekContact?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// The model of the verwerkersovereenkomst that was signed.
public struct Overeenkomst: Sendable, Equatable {
    /// The models the format accepts: the Model Verwerkersovereenkomst 3.0 or 4.0, or the supplier's own.
    public enum Model: String, Sendable, CaseIterable { case v3 = "3.0", v4 = "4.0", eigen }

    /// One of ``Model``'s values as written.
    public var model: Located<String>?
    public var getekend: Located<SchoolDate>?
    public var location: SourceLocation
}

/// One privacybijsluiter (Model VWO Bijlage 1, sections A–H, and Bijlage 2). Its fields live in
/// one shared, copy-on-write box: product lists, rules and views copy bijsluiters thousands of
/// times, and a copy now costs one reference count instead of one per field.
@dynamicMemberLookup
public struct Bijsluiter: Sendable, Equatable {
    /// Immutable: a stored `let` of a class is read in place, where a `var` is copied whole
    /// (about 40 references retained and released) for every field read.
    private final class Box: Sendable {
        let fields: BijsluiterFields
        init(_ fields: BijsluiterFields) { self.fields = fields }
    }

    private var box: Box
    /// The Markdown body, outside the shared fields: the bijsluiter without its body (what the
    /// lists and the rules across documents see) is then a copy of one reference.
    public var body: MarkdownBody

    public init(_ fields: BijsluiterFields, body: MarkdownBody) {
        box = Box(fields)
        self.body = body
    }

    public var fields: BijsluiterFields { box.fields }

    public subscript<T>(dynamicMember path: KeyPath<BijsluiterFields, T>) -> T {
        box.fields[keyPath: path]
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<BijsluiterFields, T>) -> T {
        get { box.fields[keyPath: path] }
        set {
            var fields = box.fields
            fields[keyPath: path] = newValue
            box = Box(fields)
        }
    }

    /// Equal when every field and the body are: what a patch build compares a changed file's
    /// view with (`PatchBuild`), without reflection, whose first look at each type costs a scan of
    /// every protocol conformance of the program in a short process.
    public static func == (lhs: Bijsluiter, rhs: Bijsluiter) -> Bool {
        (lhs.box === rhs.box || lhs.box.fields == rhs.box.fields) && lhs.body == rhs.body
    }

    // The fields read for every bijsluiter on every rebuild, without a key path at run time.
    public var file: String { box.fields.file }
    public var slug: String { box.fields.slug }
    public var title: String { box.fields.title }

    public func category(_ key: String) -> CategoryEntry? { box.fields.category(key) }

    /// Whether the given school uses this product.
    public func isUsed(byBRIN brin: String) -> Bool { box.fields.isUsed(byBRIN: brin) }
}

/// The fields of a ``Bijsluiter``.
public struct BijsluiterFields: Sendable, Equatable {
    public var slug: String
    public var file: String
    public var product: Located<String>?
    public var soort: Located<ProductSoort>?
    public var verwerker: Verwerker?
    public var omschrijving: Located<String>?
    public var doelgroep: [Located<Schoolsoort>]
    public var gebruikers: [Located<String>]
    public var scholen: ScholenKeuze?
    public var scholenKey: SourceLocation?
    public var verwerkingen: [Located<String>]?
    public var optioneleVerwerkingen: [Located<String>]?
    public var doeleinden: [Doel]?
    public var doeleindenKey: SourceLocation?
    public var categorieen: [CategoryEntry]
    public var categorieenKey: SourceLocation?
    public var entreeAttributen: [Located<String>]
    public var bewaartermijn: Located<String>?
    public var opslag: [Vestiging]
    public var opslagKey: SourceLocation?
    public var subverwerkers: [Vestiging]
    public var doorgifte: Doorgifte?
    public var doorgifteKey: SourceLocation?
    public var beveiliging: Beveiliging?
    public var verwerkersovereenkomst: Overeenkomst?
    public var versie: Located<String>?
    public var datum: Located<SchoolDate>?
    public var wijzigingen: [Wijziging]
    public var location: SourceLocation
    public var endLocation: SourceLocation

    public func category(_ key: String) -> CategoryEntry? { categorieen.first { $0.key.value == key } }

    /// The name shown to readers.
    public var title: String { product.nonBlank ?? slug }

    /// ISO codes of every country outside the EER where data is stored or a subverwerker sits.
    public var countriesOutsideEER: [String] {
        var result: [String] = []
        // By place, not by joining the lists: a place is a dozen references to copy, and the pages
        // ask this several times of every bijsluiter.
        for places in [opslag, subverwerkers] {
            for index in places.indices {
                if let code = places[index].landCode, !Countries.isEER(code), !result.contains(code) { result.append(code) }
            }
        }
        for land in doorgifte?.landen ?? [] {
            let code = land.value.count == 2 ? land.value.uppercased() : (Countries.code(forDutchName: land.value) ?? land.value.uppercased())
            if !Countries.isEER(code), !result.contains(code) { result.append(code) }
        }
        return result
    }

    /// Whether this product processes medical or religious data (AVG art. 9).
    public var processesSpecialCategories: Bool {
        categorieen.contains { entry in entry.answer.isProcessed && (Categories.info(for: entry.key.value)?.isSpecial ?? false) }
    }

    /// Whether the given school uses this product.
    public func isUsed(byBRIN brin: String) -> Bool {
        switch scholen {
        case .alle: return true
        case .brins(let list):
            // Asked for every product on every school page: compared without making upper-case copies.
            return list.contains { $0.value.utf8.elementsEqual(brin.utf8) { ASCIIScan.lower($0) == ASCIIScan.lower($1) } }
        case nil: return false
        }
    }
}

extension Bijsluiter {
    /// The bijsluiter with an empty body (where the body starts stays): what the pages that list
    /// products and the rules across documents see.
    var withoutBody: Bijsluiter {
        var copy = self
        copy.body = MarkdownBody(text: "", firstLine: body.firstLine, file: body.file)
        return copy
    }
}

extension Bijsluiter {
    /// The bijsluiter as the listing pages see it: its name, supplier, kind, schools, categories
    /// (processed or not), countries, version, date and changes. Its body, descriptions, purposes,
    /// retention, security and contacts are left out, so an edit to one of those cannot change
    /// a listing page and leaves them to be reused under `serve` (`Content.listedBijsluiters`).
    var listed: Bijsluiter {
        var fields = self.fields
        fields.omschrijving = nil
        fields.doelgroep = []
        fields.gebruikers = []
        fields.verwerkingen = nil
        fields.optioneleVerwerkingen = nil
        fields.doeleinden = nil
        fields.entreeAttributen = []
        fields.bewaartermijn = nil
        fields.beveiliging = nil
        fields.verwerkersovereenkomst = nil
        fields.verwerker = fields.verwerker.map { Verwerker(naam: $0.naam, location: $0.location, endLocation: $0.endLocation) }
        fields.categorieen = fields.categorieen.map { entry in
            guard case .verwerkt(let toelichting, let optioneel) = entry.answer else { return entry }
            return CategoryEntry(key: entry.key, answer: .verwerkt(toelichting: Located("", at: toelichting.location), optioneel: optioneel))
        }
        let placeOnly = { (place: Vestiging) in Vestiging(land: place.land, location: place.location, endLocation: place.endLocation) }
        fields.opslag = fields.opslag.map(placeOnly)
        fields.subverwerkers = fields.subverwerkers.map(placeOnly)
        return Bijsluiter(fields, body: MarkdownBody(text: "", firstLine: body.firstLine, file: body.file))
    }
}
