/// A date for templates: `<time datetime="{{iso}}">{{dutch}}</time>`.
public struct DateView: Sendable, Equatable {
    public let iso: String
    public let dutch: String

    init(iso: String, dutch: String) {
        self.iso = iso
        self.dutch = dutch
    }

    public init(_ date: SchoolDate) {
        iso = date.iso
        dutch = date.dutch
    }

    init?(_ date: Located<SchoolDate>?) {
        guard let date else { return nil }
        self.init(date.value)
    }
}

/// A link with its text; `external` marks links that leave the site.
public struct LinkView: Sendable {
    public let href: String
    public let text: String
    public let external: Bool
    public let current: Bool

    public init(href: String, text: String, external: Bool = false, current: Bool = false) {
        self.href = href
        self.text = text
        self.external = external
        self.current = current
    }
}

/// The FG and other people readers can contact.
public struct ContactView: Sendable {
    public let naam: String?
    public let functie: String?
    public let email: String?
    public let telefoon: String?
    public let telefoonHref: String?
}

/// One line of a change history.
public struct ChangeView: Sendable {
    public let document: String?
    public let documentHref: String?
    public let versie: String?
    public let datum: DateView?
    public let samenvatting: String
}

/// Only http(s) and mailto URLs ever reach an href; anything else is dropped.
public enum SafeURL {
    public static func href(_ text: String?) -> String? {
        guard let text = text?.trimmedWhitespace, !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return text
    }

    public static func mailto(_ email: String?) -> String? {
        guard let email = email?.trimmedWhitespace, TxtContactFields.isEmail(email) else { return nil }
        return email
    }

    /// `tel:` link from a Dutch phone number as written.
    public static func tel(_ phone: String?) -> String? {
        guard let phone else { return nil }
        let digits = phone.filter { $0.isASCIIDigit || $0 == "+" }
        guard digits.count >= 8 else { return nil }
        return "tel:" + digits
    }
}

extension ContactView {
    init?(_ person: Contactpersoon?) {
        guard let person else { return nil }
        naam = person.naam.nonBlank
        functie = person.functie.nonBlank
        email = SafeURL.mailto(person.email.nonBlank)
        telefoon = person.telefoon.nonBlank
        telefoonHref = SafeURL.tel(person.telefoon.nonBlank)
    }
}

extension DateView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["iso": iso, "dutch": dutch] }
}

extension LinkView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["href": href, "text": text, "external": external, "current": current] }
}

extension ContactView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["naam": naam, "functie": functie, "email": email, "telefoon": telefoon, "telefoonHref": telefoonHref]
    }
}

extension ChangeView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["document": document, "documentHref": documentHref, "versie": versie, "datum": datum, "samenvatting": samenvatting]
    }
}
