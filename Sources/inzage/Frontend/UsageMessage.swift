import Foundation

/// Usage errors in Dutch: swift-argument-parser writes them in English, users read Dutch.
enum UsageMessage {
    static let translations: [(String, String)] = [
        ("Error: Unexpected argument", "Fout: onverwacht argument"),
        ("Error: Unknown option", "Fout: onbekende optie"),
        ("Error: Missing expected argument", "Fout: een verplicht argument ontbreekt:"),
        ("Error: Missing value for", "Fout: er ontbreekt een waarde bij"),
        ("Error: The value", "Fout: de waarde"),
        ("is invalid for", "is niet geldig voor"),
        ("Error: Unexpected arguments", "Fout: onverwachte argumenten"),
        ("Error:", "Fout:"),
        ("Usage:", "Gebruik:"),
        ("See 'inzage --help' for more information.", "Zie 'inzage --help' voor meer uitleg."),
        ("for more information.", "voor meer uitleg."),
        ("See '", "Zie '"),
        ("Help:", "Hulp:"),
    ]

    static func dutch(_ english: String) -> String {
        var text = english
        for (from, to) in translations { text = text.replacingOccurrences(of: from, with: to) }
        return text
    }
}
