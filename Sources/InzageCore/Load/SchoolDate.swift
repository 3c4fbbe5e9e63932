/// A calendar date as written in content: `2026-08-01`, `01-08-2026` or `1 augustus 2026`.
public struct SchoolDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...SchoolDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the three accepted forms; nil when the text is not a real date.
    public init?(parsing text: String) {
        // The common case, `2026-08-01`, read from its bytes: trimming below goes through Foundation.
        if let (year, month, day) = Self.isoParts(text) {
            self.init(year: year, month: month, day: day)
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let dashed = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 3, dashed.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
            let numbers = dashed.compactMap { Int($0) }
            if dashed[0].count == 4, dashed[1].count <= 2, dashed[2].count <= 2 {
                self.init(year: numbers[0], month: numbers[1], day: numbers[2])
                return
            }
            if dashed[2].count == 4, dashed[0].count <= 2, dashed[1].count <= 2 {
                self.init(year: numbers[2], month: numbers[1], day: numbers[0])
                return
            }
            return nil
        }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 3, let day = Int(words[0]), let year = Int(words[2]), words[2].count == 4,
           let monthIndex = SchoolDate.monthNames.firstIndex(of: words[1].lowercased()) {
            self.init(year: year, month: monthIndex + 1, day: day)
            return
        }
        return nil
    }

    /// Year, month and day of exactly `dddd-dd-dd`; nil for anything else.
    private static func isoParts(_ text: String) -> (Int, Int, Int)? {
        guard text.utf8.count == 10 else { return nil }
        let bytes = Array(text.utf8)
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2026-08-01`, for `<time datetime>` and feeds.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `1 augustus 2026`, how dates are shown to readers.
    public var dutch: String { "\(day) \(SchoolDate.monthNames[month - 1]) \(year)" }

    public var description: String { iso }

    /// Days since 1970-01-01, for date arithmetic without Foundation calendars.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public func adding(months: Int) -> SchoolDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, SchoolDate.daysIn(month: newMonth, year: newYear))
        return SchoolDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// 1 August on or before this date: the start of the schooljaar this date falls in.
    public var schoolYearStart: SchoolDate {
        let startYear = month >= 8 ? year : year - 1
        return SchoolDate(year: startYear, month: 8, day: 1) ?? self
    }

    /// Full years between a birth date and this date.
    public func age(bornOn birth: SchoolDate) -> Int {
        var years = year - birth.year
        if (month, day) < (birth.month, birth.day) { years -= 1 }
        return years
    }

    public static func < (lhs: SchoolDate, rhs: SchoolDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
