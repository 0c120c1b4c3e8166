/// The DSA Transparency Database's field values that Gavel's mapping uses
/// (docs/decision-log.md, "Export"; the names are the database's API
/// enumerations, as the statement-of-reasons schema in
/// Tests/GavelTests/Fixtures/dsa-sor lists them).
enum DSAVocabulary {
    /// `territorial_scope` accepts these, and only these: the EU and EEA states.
    static let countries = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT",
        "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
    ]

    /// The obligation a bundle owes when a decision gives effect to an order of
    /// an EEA court or authority under DSA Art. 9 (the shipped bundle's
    /// follow-up `dsa-order-information`): Art. 17(5) excludes such orders
    /// from statements of reasons, so the export leaves those decisions out.
    static let orderInformation = "dsa_order_information"

    /// What a step of the ladder restricts, per Art. 17(1): (a) visibility,
    /// (b) monetary payments, (c) provision of the service. Infrastructure
    /// providers act on the service (`decision_provision`); a step limited to
    /// some services (a rule `scope.services`) is a partial one.
    struct Restriction: Equatable {
        var visibility: [String] = []
        var visibilityOther: String?
        var monetary: String?
        var provision: String?
    }

    static func restriction(_ step: String, title: String?, partial: Bool) -> Restriction {
        switch step {
        case "restrict":
            return Restriction(visibility: ["DECISION_VISIBILITY_CONTENT_DISABLED"], provision: "DECISION_PROVISION_PARTIAL_SUSPENSION")
        case "geo_block":
            return Restriction(visibility: ["DECISION_VISIBILITY_CONTENT_DISABLED"], provision: "DECISION_PROVISION_PARTIAL_TERMINATION")
        case "suspend":
            return Restriction(provision: partial ? "DECISION_PROVISION_PARTIAL_SUSPENSION" : "DECISION_PROVISION_TOTAL_SUSPENSION")
        case "terminate":
            return Restriction(provision: partial ? "DECISION_PROVISION_PARTIAL_TERMINATION" : "DECISION_PROVISION_TOTAL_TERMINATION")
        case "block":
            // Sanctions law freezes what the provider holds for the customer: payments are suspended too.
            return Restriction(
                monetary: "DECISION_MONETARY_SUSPENSION",
                provision: partial ? "DECISION_PROVISION_PARTIAL_TERMINATION" : "DECISION_PROVISION_TOTAL_TERMINATION")
        default:
            // A step of a bundle's own ladder: named as the bundle names it, never guessed into a standard one.
            return Restriction(visibility: ["DECISION_VISIBILITY_OTHER"], visibilityOther: title.map { "\(step): \($0)" } ?? step)
        }
    }

    /// Rule tags to `category` and `category_specification`, the first that
    /// fits in this order (the most specific first), over the deciding rules' tags.
    static let categories: [(tags: Set<String>, category: String, keyword: String?)] = [
        (["csam"], "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL"),
        (["phishing"], "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_PHISHING"),
        (["violent-extremism"], "STATEMENT_CATEGORY_VIOLENCE", "KEYWORD_INCITEMENT_VIOLENCE_HATRED"),
        (["terrorism", "content"], "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_TERRORIST_CONTENT"),
        // A terrorism rule about hosting is about what is hosted (removal orders under Regulation 2021/784).
        (["terrorism", "hosting"], "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_TERRORIST_CONTENT"),
        (["sanctions", "media"], "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "KEYWORD_MISINFORMATION_DISINFORMATION"),
        (["terrorism"], "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_ILLEGAL_ORGANIZATIONS"),
        (["proscription"], "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_ILLEGAL_ORGANIZATIONS"),
        (["sanctions"], "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_ILLEGAL_ORGANIZATIONS"),
        (["copyright"], "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "KEYWORD_COPYRIGHT_INFRINGEMENT"),
        (["malware"], "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", nil),
        (["safety"], "STATEMENT_CATEGORY_VIOLENCE", nil),
    ]
    /// "Other violation of the provider's terms and conditions": contractual, so never the category of illegal content.
    static let otherCategory = "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
    /// For illegal content of a subject the table cannot name: the database's
    /// category that asserts no subject and no breach of terms.
    static let unspecifiedCategory = "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE"

    /// A `basis` entry that cites the provider's own terms rather than law:
    /// it grounds a decision on incompatible content, not illegal content.
    static func isContractual(_ basis: String) -> Bool {
        let text = basis.lowercased()
        return ["terms of service", "terms and conditions", "terms of use", "acceptable use", "community guidelines", "policy §", "policy section"]
            .contains { text.contains($0) }
    }

    /// Basis text that names copyright law, for rules not tagged with it (court blocking orders).
    static func citesCopyright(_ basis: String) -> Bool {
        let text = basis.lowercased()
        return text.contains("copyright") || text.contains("urhg")
    }

    /// The database's length limits, counted in characters (Unicode scalars).
    static func clipped(_ text: String, _ limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(limit - 1))) + "…"
    }
}
