import GavelSyntax

/// A point in time in UTC, with one-second precision, plus whether it was
/// written as a bare date. Dates are compared as instants (a bare date is its
/// 00:00Z) and printed back the way they were written, so records stay readable.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var secondsSinceEpoch: Int64
    package var isDateOnly: Bool

    package init(secondsSinceEpoch: Int64, isDateOnly: Bool) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.isDateOnly = isDateOnly
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
    public static func == (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch == rhs.secondsSinceEpoch }
    public func hash(into hasher: inout Hasher) { hasher.combine(secondsSinceEpoch) }

    /// `YYYY-MM-DD` for dates, `YYYY-MM-DDTHH:MM:SSZ` otherwise.
    public var description: String {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let secondsOfDay = secondsSinceEpoch - days * 86_400
        let (y, m, d) = Instant.civil(fromDays: days)
        let dateOnly = isDateOnly && secondsOfDay == 0
        let h = secondsOfDay / 3600, mi = (secondsOfDay % 3600) / 60, s = secondsOfDay % 60
        // Four-digit years, as every record has, in one small string: records write two per case.
        if (0...9999).contains(y) {
            return Instant.digits(y, m, d, dateOnly ? nil : (h, mi, s))
        }
        let date = "\(Instant.pad(y, 4))-\(Instant.pad(m, 2))-\(Instant.pad(d, 2))"
        if dateOnly { return date }
        return "\(date)T\(Instant.pad(h, 2)):\(Instant.pad(mi, 2)):\(Instant.pad(s, 2))Z"
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` for a year in 0...9999, the
    /// text `pad` gives for it.
    private static func digits(_ y: Int64, _ m: Int64, _ d: Int64, _ time: (Int64, Int64, Int64)?) -> String {
        let count = time == nil ? 10 : 20
        return String(unsafeUninitializedCapacity: count) { out in
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var v = value
                for k in stride(from: offset + width - 1, through: offset, by: -1) {
                    out[k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            put(y, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            put(m, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            put(d, 2, at: 8)
            if let (h, mi, s) = time {
                out[10] = UInt8(ascii: "T")
                put(h, 2, at: 11)
                out[13] = UInt8(ascii: ":")
                put(mi, 2, at: 14)
                out[16] = UInt8(ascii: ":")
                put(s, 2, at: 17)
                out[19] = UInt8(ascii: "Z")
            }
            return count
        }
    }

    package func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds, isDateOnly: false)
    }

    /// Parses `YYYY-MM-DD` or an RFC 3339 timestamp (`T` or space, optional
    /// fraction, `Z` or `±HH:MM`). Returns nil for anything else, including
    /// impossible dates such as February 30.
    public static func parse(_ text: String) -> Instant? {
        var utf8 = Array(text.utf8)
        guard utf8.count >= 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= utf8.count else { return nil }
            var value: Int64 = 0
            for i in from..<(from + count) {
                let c = utf8[i]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int64(c - 48)
            }
            return value
        }
        guard let year = digits(0, 4), utf8[4] == 45, let month = digits(5, 2), utf8[7] == 45,
            let day = digits(8, 2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let days = daysFromCivil(year, month, day)
        if utf8.count == 10 { return Instant(secondsSinceEpoch: days * 86_400, isDateOnly: true) }
        guard utf8[10] == 84 || utf8[10] == 116 || utf8[10] == 32,  // T, t, space
            let hour = digits(11, 2), utf8.count > 13, utf8[13] == 58, let minute = digits(14, 2),
            utf8.count > 16, utf8[16] == 58, let second = digits(17, 2),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if index < utf8.count, utf8[index] == 46 {  // fraction: kept out of the instant (second precision)
            index += 1
            let start = index
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 { index += 1 }
            guard index > start else { return nil }
        }
        guard index < utf8.count else { return nil }
        var offset: Int64 = 0
        if utf8[index] == 90 || utf8[index] == 122 {  // Z
            index += 1
        } else if utf8[index] == 43 || utf8[index] == 45 {
            let sign: Int64 = utf8[index] == 43 ? 1 : -1
            guard let oh = digits(index + 1, 2), index + 3 < utf8.count, utf8[index + 3] == 58,
                let om = digits(index + 4, 2), oh < 24, om < 60
            else { return nil }
            offset = sign * (oh * 3600 + om * 60)
            index += 6
        } else {
            return nil
        }
        guard index == utf8.count else { return nil }
        utf8.removeAll()
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Instant(secondsSinceEpoch: seconds, isDateOnly: false)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a count of days since 1970-01-01 (H. Hinnant's algorithm).
    package static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A span such as `30d`, `12h` or `2w` (the units `within` accepts).
package struct Span: Sendable, Hashable, CustomStringConvertible {
    package var seconds: Int64
    package var text: String

    public static func parse(_ text: String) -> Span? {
        guard let unit = text.last, text.count >= 2,
            let amount = Int64(text.dropLast()), amount >= 0, amount <= 1_000_000
        else { return nil }
        let factor: Int64
        switch unit {
        case "h": factor = 3600
        case "d": factor = 86_400
        case "w": factor = 7 * 86_400
        default: return nil
        }
        guard text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Span(seconds: amount * factor, text: text)
    }

    public var description: String { text }
}
