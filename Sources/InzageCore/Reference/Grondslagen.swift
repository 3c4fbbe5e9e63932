// Reference data: the six legal bases of AVG (GDPR) article 6 lid 1, as the
// content model's `grondslag` values (content-model.md, privacyverklaring.md:
// "toestemming | overeenkomst | wettelijke-verplichting | vitaal-belang |
// publieke-taak | gerechtvaardigd-belang"). The privacyverklaring must name the
// basis of each verwerking (AVG art. 13 lid 1 sub c); `inWords` is the plain-Dutch
// (B1) sentence shown to parents, written in the "u" form.
//
// Note for schools: a school's core work (onderwijs geven, leerlingen begeleiden)
// normally rests on `publiekeTaak` (sub e) or `wettelijkeVerplichting` (sub c).
// AVG art. 6 lid 1, last sentence, excludes sub f for processing by public
// authorities in the performance of their tasks, so `gerechtvaardigdBelang` fits
// only side activities such as camera surveillance; the validator requires the
// belang to be written out (rule PV-GROUND).

/// A legal basis of AVG art. 6(1).
public enum Grondslag: String, Sendable, CaseIterable {
    /// Sub a: the person concerned (or the parent) gave consent.
    case toestemming
    /// Sub b: necessary for a contract with the person concerned.
    case overeenkomst
    /// Sub c: necessary to comply with a legal obligation.
    case wettelijkeVerplichting = "wettelijke-verplichting"
    /// Sub d: necessary to protect someone's vital interests.
    case vitaalBelang = "vitaal-belang"
    /// Sub e: necessary for a task in the public interest (for a school: onderwijs geven).
    case publiekeTaak = "publieke-taak"
    /// Sub f: necessary for a legitimate interest that outweighs the person's privacy.
    case gerechtvaardigdBelang = "gerechtvaardigd-belang"

    /// The letter of the basis in AVG art. 6 lid 1, "a"..."f".
    public var avgLetter: String {
        switch self {
        case .toestemming: "a"
        case .overeenkomst: "b"
        case .wettelijkeVerplichting: "c"
        case .vitaalBelang: "d"
        case .publiekeTaak: "e"
        case .gerechtvaardigdBelang: "f"
        }
    }

    /// The article reference, e.g. "AVG art. 6 lid 1 sub a".
    public var article: String {
        "AVG art. 6 lid 1 sub \(avgLetter)"
    }

    /// A plain-Dutch (B1) sentence for parents, in the "u" form.
    public var inWords: String {
        switch self {
        case .toestemming:
            "U hebt toestemming gegeven."
        case .overeenkomst:
            "Dit is nodig voor een afspraak (overeenkomst) die wij met u hebben gemaakt."
        case .wettelijkeVerplichting:
            "De wet verplicht ons om dit te doen."
        case .vitaalBelang:
            "Dit is nodig om het leven of de gezondheid van iemand te beschermen."
        case .publiekeTaak:
            "Dit is nodig voor een taak van algemeen belang: onderwijs geven."
        case .gerechtvaardigdBelang:
            "Wij hebben hier een goede reden voor (een gerechtvaardigd belang). Wij hebben afgewogen dat uw privacy daardoor niet te veel geschaad wordt."
        }
    }

    /// A short label for tables, e.g. "Toestemming", "Publieke taak".
    public var label: String {
        switch self {
        case .toestemming: "Toestemming"
        case .overeenkomst: "Overeenkomst"
        case .wettelijkeVerplichting: "Wettelijke verplichting"
        case .vitaalBelang: "Vitaal belang"
        case .publiekeTaak: "Publieke taak"
        case .gerechtvaardigdBelang: "Gerechtvaardigd belang"
        }
    }
}
