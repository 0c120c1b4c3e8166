import GavelSyntax

/// One `basis:` item: the instrument cited and, where it came into force or
/// ceased to apply within the years a bundle decides, the dates between which
/// it applies (`effective` inclusive, `expires` exclusive, as for rules). A
/// rule written for today may fire on a case of 2002: the record must not
/// say it rested on a regulation of 2022.
package struct Citation: Sendable, Hashable, InForceWindow {
    package var text: String
    package var effective: Instant?
    package var expires: Instant?
    package var location: SourceLocation?

    package init(_ text: String, effective: Instant? = nil, expires: Instant? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.effective = effective
        self.expires = expires
        self.location = location
    }

    var isDated: Bool { effective != nil || expires != nil }
}

/// What a rule, exception or follow-up cites. A decision's record lists the
/// citations in force on its `as_of`, in the order written.
package struct Basis: Sendable, Hashable {
    package let citations: [Citation]
    /// Every text, for the usual basis with no dates: a record lists it without filtering.
    private let texts: [String]
    private let dated: Bool

    package init(_ citations: [Citation]) {
        self.citations = citations
        texts = citations.map(\.text)
        dated = citations.contains(where: \.isDated)
    }

    package init(texts: [String]) { self.init(texts.map { Citation($0) }) }

    package var isEmpty: Bool { citations.isEmpty }
    /// Every citation's text, whatever its dates.
    package var allTexts: [String] { texts }

    /// The citations in force on `date`.
    package func texts(on date: Instant) -> [String] {
        dated ? citations.filter { $0.isInForce(on: date) }.map(\.text) : texts
    }
}
