import GavelSyntax

extension DocumentReader {
    static let citationFields = ["cite", "effective", "expires"]

    /// `basis:`: a list whose items are the text cited, or `{ cite: TEXT,
    /// effective: DATE, expires: DATE }` for an instrument that applies only
    /// between dates (an amendment, a regulation that replaced another).
    mutating func basis(_ fields: Fields) -> Basis {
        guard let node = fields["basis"] else { return Basis([]) }
        guard let items = node.sequenceItems else {
            // A lone text or mapping: the list reader says what to write.
            return Basis(texts: strings(fields, "basis"))
        }
        var citations: [Citation] = []
        for item in items {
            if item.mappingEntries != nil {
                guard let f = self.fields(item, of: "`basis` item", allowed: Self.citationFields, required: ["cite"]),
                    let text = nonEmptyString(f, "cite")
                else { continue }
                let citation = Citation(text, effective: date(f, "effective"), expires: date(f, "expires"), location: item.location)
                if let effective = citation.effective, let expires = citation.expires, expires <= effective {
                    error(
                        .invertedWindow,
                        "`basis` item `\(text)` expires (\(expires)) \(expires == effective ? "on the day" : "before") it takes effect (\(effective))",
                        at: item.location, help: "swap or correct `effective` and `expires`")
                }
                citations.append(citation)
            } else if item.scalar != nil {
                if let text = string(item, named: "basis item") { citations.append(Citation(text, location: item.location)) }
            } else {
                error(
                    .wrongType, "a `basis` item must be the text cited or a mapping with `cite:`, found \(item.kindDescription)",
                    at: item.location, help: "write `- EO 13224` or `- { cite: Reg 881/2002, effective: 2002-05-30 }`")
            }
        }
        return Basis(citations)
    }
}
