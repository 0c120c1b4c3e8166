/// What a matched entry's identifying details say about the case (SPEC §3
/// v1.1): which agreed, which disagreed, which could not be compared. A name
/// is not an identity; these are what tell two people called "Hassan Ali"
/// apart.
package struct Corroboration: Sendable, Hashable {
    /// One compared detail: the attribute (or `identifier:KIND`) and the
    /// values on each side, as the case and the source wrote them.
    package struct Detail: Sendable, Hashable {
        package var attribute: String
        package var caseValues: [String]
        package var entryValues: [String]
    }

    package enum Outcome: String, Sendable { case agree, disagree, unknown }

    package var agree: [Detail] = []
    package var disagree: [Detail] = []
    package var unknown: [Detail] = []
    /// The screen's `min_corroboration`, if it set one.
    package var minimum: Int?

    /// SPEC §3: with `min_corroboration: N` a match counts only when at least
    /// N details agree and none disagrees; without it, always.
    package var counts: Bool {
        guard let minimum else { return true }
        return agree.count >= minimum && disagree.isEmpty
    }
}

/// Compares a case's values with one entry's attributes.
package enum Corroborator {
    /// `caseValues` in the order of `spec.kinds`; `identifierKinds` the
    /// identifier kinds whose hits in the same screen reached this entry.
    static func compare(
        _ spec: CorroborationSpec, caseValues: [[String]], entry: ListEntry, identifierKinds: [String]
    ) -> Corroboration {
        var result = Corroboration(minimum: spec.minimum)
        for (position, (kind, _)) in spec.kinds.enumerated() {
            let given = position < caseValues.count ? caseValues[position] : []
            let listed = kind.attributeKeys.flatMap { key in entry.attributes.first { $0.key == key }?.values ?? [] }
            let detail = Corroboration.Detail(attribute: kind.rawValue, caseValues: given, entryValues: listed)
            switch outcome(kind, given, listed) {
            case .agree: result.agree.append(detail)
            case .disagree: result.disagree.append(detail)
            case .unknown: result.unknown.append(detail)
            }
        }
        for kind in Set(identifierKinds).sorted() {
            result.agree.append(Corroboration.Detail(attribute: "identifier:\(kind)", caseValues: [], entryValues: []))
        }
        return result
    }

    /// Any pair of values that agrees makes the detail agree; it disagrees
    /// only when every pair that can be read clearly disagrees; anything
    /// else (a side missing or unreadable, a date near a "circa") is unknown.
    static func outcome(_ kind: CorroborationSpec.Kind, _ given: [String], _ listed: [String]) -> Corroboration.Outcome {
        switch kind {
        case .country, .nationality:
            let a = Set(given.compactMap(CountryCodes.code)), b = Set(listed.compactMap(CountryCodes.code))
            guard !a.isEmpty, !b.isEmpty else { return .unknown }
            return a.isDisjoint(with: b) ? .disagree : .agree
        case .birthDate:
            let a = given.compactMap(DateSpan.parse), b = listed.compactMap(DateSpan.parse)
            guard !a.isEmpty, !b.isEmpty else { return .unknown }
            var allDisagree = true
            for x in a {
                for y in b {
                    switch y.compare(x) {
                    case .agree: return .agree
                    case .unknown: allDisagree = false
                    case .disagree: break
                    }
                }
            }
            return allDisagree ? .disagree : .unknown
        case .registration, .passport, .nationalID:
            // People hold several passports over time and companies several
            // registrations: a number the source does not list is no evidence
            // against, only an equal one is evidence for.
            let a = Set(given.map(documentNumber).filter { !$0.isEmpty })
            let b = Set(listed.map(documentNumber).filter { !$0.isEmpty })
            return a.isDisjoint(with: b) ? .unknown : .agree
        }
    }

    /// Whether a value of `kind` can be read at all (a date, a country, a
    /// number with a letter or digit): one that cannot is "unknown" against
    /// every entry, which an analyst who typed it would not expect.
    package static func isReadable(_ kind: CorroborationSpec.Kind, _ value: String) -> Bool {
        switch kind {
        case .country, .nationality: return CountryCodes.code(value) != nil
        case .birthDate: return DateSpan.parse(value) != nil
        case .registration, .passport, .nationalID: return !documentNumber(value).isEmpty
        }
    }

    /// Letters and digits only, upper case: `52-1943868` is `521943868`, `aaba 670850 y` is `AABA670850Y`.
    static func documentNumber(_ text: String) -> String {
        String(String.UnicodeScalarView(text.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
