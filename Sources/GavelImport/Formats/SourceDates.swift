/// Dates as list files write them, turned into ISO 8601 where the meaning is
/// certain and kept as published otherwise ("circa 1979", "1962 to 1965").
enum SourceDates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// OFAC's `MM/DD/YYYY` (Publish_Date) as `YYYY-MM-DD`.
    static func usDate(_ text: String) -> String? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), exists(parts[2], parts[0], parts[1])
        else { return nil }
        return "\(parts[2])-\(parts[0])-\(parts[1])"
    }

    /// Whether the digits name a day of the calendar (a month alone when
    /// `day` is nil): `13/45/2024` is no date, and written as `2024-13-45`
    /// it made a list the loader then refused.
    static func exists(_ year: Substring, _ month: Substring, _ day: Substring?) -> Bool {
        guard let y = Int(year), let m = Int(month), (1 ... 12).contains(m) else { return false }
        guard let day else { return true }
        guard let d = Int(day) else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1 ... days).contains(d)
    }

    /// The UK's `DD/MM/YYYY`, where `00` stands for an unknown day or month:
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil when it is not that shape.
    static func ukDate(_ text: String) -> String? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts[2] != "0000"
        else { return nil }
        if parts[1] == "00" { return String(parts[2]) }
        if parts[0] == "00" { return exists(parts[2], parts[1], nil) ? "\(parts[2])-\(parts[1])" : nil }
        return exists(parts[2], parts[1], parts[0]) ? "\(parts[2])-\(parts[1])-\(parts[0])" : nil
    }

    /// OFAC's `dd Mon yyyy` / `Mon yyyy` / `yyyy` as `YYYY-MM-DD` / `YYYY-MM` /
    /// `YYYY`; anything else ("circa 1979", ranges) as published.
    static func ofacBirthDate(_ text: String) -> String {
        let parts = text.split(separator: " ")
        func month(_ s: Substring) -> String? {
            guard let i = months.firstIndex(of: s.lowercased()) else { return nil }
            return i < 9 ? "0\(i + 1)" : "\(i + 1)"
        }
        func year(_ s: Substring) -> Bool { s.count == 4 && s.allSatisfy(\.isASCIIDigit) }
        switch parts.count {
        case 1 where year(parts[0]): return String(parts[0])
        case 2 where year(parts[1]):
            if let m = month(parts[0]) { return "\(parts[1])-\(m)" }
        case 3 where year(parts[2]) && parts[0].count <= 2 && parts[0].allSatisfy(\.isASCIIDigit):
            // A day the month does not have (`31 Feb 1970`) stays as published.
            if let m = month(parts[1]), exists(parts[2], Substring(m), parts[0]) {
                return "\(parts[2])-\(m)-\(parts[0].count == 1 ? "0" : "")\(parts[0])"
            }
        default: break
        }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
