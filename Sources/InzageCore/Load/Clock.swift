import Foundation

/// The date "today", fixed once per run so every rule and page agrees; overridable for tests
/// with the environment variable `INZAGE_VANDAAG` (yyyy-mm-dd).
public enum Today {
    public static func date(environment: [String: String] = ProcessInfo.processInfo.environment) -> SchoolDate {
        if let forced = environment["INZAGE_VANDAAG"], let date = SchoolDate(parsing: forced) {
            return date
        }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Amsterdam") ?? .current, from: Date())
        return SchoolDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? SchoolDate(year: 2026, month: 1, day: 1)!
    }
}
