/// A birth date at the precision a source gives it: a day (`1962-01-29`,
/// `29 Jan 1962`), a month (`1962-01`), a year (`1962`), a range (`1962 to
/// 1964`, `01 Jan 1977 to 31 Dec 1985`) or an approximation (`circa 1962`).
/// Days are counted from 1970-01-01, inclusive at both ends.
struct DateSpan: Sendable, Equatable {
    var first: Int
    var last: Int
    /// "circa": the source itself is unsure, so only a date well away from it disagrees.
    var circa: Bool = false

    /// How far outside a "circa" span a date must lie before it clearly disagrees.
    static let circaMargin = 2 * 366

    /// Whether `other` (the case's date) lies within this span (agree), clearly
    /// outside it (disagree), or neither (unknown: it overlaps only in part,
    /// or lies within the margin of a "circa").
    func compare(_ other: DateSpan) -> Corroboration.Outcome {
        if other.first >= first && other.last <= last { return .agree }
        let margin = circa ? Self.circaMargin : 0
        if other.last < first - margin || other.first > last + margin { return .disagree }
        return .unknown
    }

    static func parse(_ text: String) -> DateSpan? {
        var body = Substring(text.trimmingSpaces.lowercased())
        var circa = false
        for prefix in ["circa ", "ca. ", "c. ", "approximately "] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            circa = true
        }
        var parts = [body]
        if let range = body.firstRange(of: " to ") { parts = [body[..<range.lowerBound], body[range.upperBound...]] }
        guard let from = single(parts[0]) else { return nil }
        var span = from
        if parts.count == 2 {
            guard let to = single(parts[1]), to.last >= from.first else { return nil }
            span.last = to.last
        }
        span.circa = circa
        return span
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `1962-01-29` (or a timestamp beginning so), `1962-01`, `1962`, `29 Jan 1962`.
    private static func single(_ raw: some StringProtocol) -> DateSpan? {
        let text = String(raw).trimmingSpaces
        let words = text.split(separator: " ")
        if words.count == 3, let day = Int(words[0]), let month = months.firstIndex(of: String(words[1].prefix(3))),
            let year = Int(words[2]), words[2].count == 4
        {
            return oneDay(year, month + 1, day)
        }
        guard words.count == 1 else { return nil }
        let fields = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = fields.first, first.count == 4, let year = Int(first) else { return nil }
        switch fields.count {
        case 1:
            guard text.count == 4 else { return nil }
            return span(year, 1, 1, through: year, 12, 31)
        case 2:
            guard text.count == 7, fields[1].count == 2, let month = Int(fields[1]), (1...12).contains(month) else { return nil }
            return span(year, month, 1, through: year, month, daysIn(year, month))
        case 3:
            guard fields[1].count == 2, fields[2].count == 2, let month = Int(fields[1]), let d = Int(fields[2]) else { return nil }
            // A timestamp (`1962-01-29T00:00:00Z`) is read as its day.
            guard text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == "t" else { return nil }
            return oneDay(year, month, d)
        default: return nil
        }
    }

    private static func oneDay(_ year: Int, _ month: Int, _ day: Int) -> DateSpan? {
        guard (1...12).contains(month), (1...daysIn(year, month)).contains(day) else { return nil }
        let n = days(year, month, day)
        return DateSpan(first: n, last: n)
    }

    private static func span(_ y1: Int, _ m1: Int, _ d1: Int, through y2: Int, _ m2: Int, _ d2: Int) -> DateSpan {
        DateSpan(first: days(y1, m1, d1), last: days(y2, m2, d2))
    }

    private static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    private static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
