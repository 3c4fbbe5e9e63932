import Foundation

/// Writing to the terminal.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// "1 bestand", "3 bestanden": a count with the Dutch singular or plural.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}

/// Exit codes of product.md: 0 success, 1 content problems, 2 usage or I/O.
enum ExitStatus {
    static let success: Int32 = 0
    static let contentProblems: Int32 = 1
    static let usageOrIO: Int32 = 2
}
