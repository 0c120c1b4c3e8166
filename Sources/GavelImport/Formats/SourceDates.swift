/// Dates as list files write them, turned into ISO 8601 where the meaning is
/// certain and kept as published otherwise ("circa 1979", "1962 to 1965").
enum SourceDates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// OFAC's `MM/DD/YYYY` (Publish_Date) as `YYYY-MM-DD`.
    static func usDate(_ text: String) -> String? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return "\(parts[2])-\(parts[0])-\(parts[1])"
    }

    /// The UK's `DD/MM/YYYY`, where `00` stands for an unknown day or month:
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil when it is not that shape.
    static func ukDate(_ text: String) -> String? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts[2] != "0000"
        else { return nil }
        if parts[1] == "00" { return String(parts[2]) }
        if parts[0] == "00" { return "\(parts[2])-\(parts[1])" }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
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
            if let m = month(parts[1]) { return "\(parts[2])-\(m)-\(parts[0].count == 1 ? "0" : "")\(parts[0])" }
        default: break
        }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
