import Testing

@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// A `basis` item may apply only between dates; a decision cites the items in
/// force on its `as_of`, in the record and the trail.
@Suite("Dated basis items")
struct DatedBasisTests {
    static let rules = """
          - id: un-listed
            title: UN list
            basis:
              - UNSCR 1267 (1999)
              - { cite: Reg 467/2001, expires: 2002-05-30 }
              - { cite: Reg 881/2002, effective: 2002-05-30 }
            decision: terminate
            when: { path: customer.name, equals: Al-Qaida }
        """
    static let exceptions = """
          - id: licence
            title: Licensed
            suspends: [un-listed]
            basis: [{ cite: OFAC general licence 14, effective: 2021-12-22 }]
            when: { path: facts.licensed, equals: true }
        """
    static let caseText = "kind: Case\nid: c\ncustomer: { name: Al-Qaida }\nfacts: { licensed: true }"

    @Test(
        "the record and the trail cite what was in force on as_of (effective inclusive, expires exclusive)",
        arguments: [
            ("2002-05-29", ["UNSCR 1267 (1999)", "Reg 467/2001"], [String]()),
            ("2002-05-30", ["UNSCR 1267 (1999)", "Reg 881/2002"], []),
            ("2024-01-01", ["UNSCR 1267 (1999)", "Reg 881/2002"], ["OFAC general licence 14"]),
        ])
    func cited(asOf: String, ruleBasis: [String], exceptionBasis: [String]) throws {
        let bundle = try policyBundle(rules: Self.rules, exceptions: Self.exceptions)
        let decision = try evaluate(bundle, Self.caseText, asOf: asOf)
        let record = DecisionRecord.text(decision, bundle: bundle, pretty: false)
        let quoted = { (texts: [String]) in "[" + texts.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        #expect(record.contains(#""status":"suspended","suspended_by":"licence","basis":"# + quoted(ruleBasis)))
        #expect(record.contains(#""suspends":["un-listed"],"applied"#) || record.contains(#""basis":"# + quoted(exceptionBasis) + #","trace""#))
        let trail = AuditTrailRenderer.render(decision, bundle: bundle)
        #expect(trail.contains("      basis: \(ruleBasis.joined(separator: "; "))\n"))
        #expect(trail.contains("OFAC general licence 14") == !exceptionBasis.isEmpty)
    }

    @Test("a citation mapping is read with its location; what is not a text or a citation is refused with file:line:column")
    func reading() throws {
        let bad = try TemporaryBundle([
            "policy.yaml": """
            kind: Policy
            id: test
            rules:
              - id: r
                title: R
                basis:
                  - { cite: A, effective: 2020-01-01, expires: 2019-01-01 }
                  - { cite: B, effectve: 2020-01-01 }
                  - { effective: 2020-01-01 }
                  - [C]
                  - { cite: "", effective: 2020-01-01 }
                  - { cite: D, effective: someday }
                decision: terminate
                when: { path: customer.name, equals: X }
            """
        ])
        let problems = bad.problems()
        #expect(problems.contains { $0.hasPrefix("policy.yaml:7:9: error[inverted-window] `basis` item `A` expires (2019-01-01) before it takes effect (2020-01-01)") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("policy.yaml:8:20: error[unknown-field]") && $0.contains("effectve") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("policy.yaml:9:9: error[missing-field]") && $0.contains("cite") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("policy.yaml:10:9: error[wrong-type] a `basis` item must be the text cited or a mapping with `cite:`, found a list") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("policy.yaml:11:17: error[wrong-type] `cite` must not be empty") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("policy.yaml:12:31: error[invalid-date]") }, "\(problems)")
        #expect(problems.count == 6, "\(problems)")
    }

    @Test("lint's gap finder: undated citations cover every date; dated ones leave the spans between them", arguments: [
        // (rule window, citations as (effective, expires), expected first gap)
        (("2001-03-06", nil), [(nil, "2002-05-30"), ("2002-05-30", nil)], nil),
        (("2001-03-06", nil), [("2002-05-30", nil)], ("2001-03-06", "2002-05-30")),
        ((nil, nil), [("2002-05-30", nil)], (nil, "2002-05-30")),
        ((nil, "2019-09-09"), [(nil, "2010-01-01")], ("2010-01-01", "2019-09-09")),
        ((nil, nil), [(nil, "2010-01-01"), ("2012-01-01", nil)], ("2010-01-01", "2012-01-01")),
        ((nil, nil), [(nil, "2010-01-01"), ("2005-01-01", "2012-01-01"), ("2012-01-01", nil)], nil),
        (("2022-03-02", nil), [("2022-03-02", nil), ("2023-01-01", nil)], nil),
        (("2022-03-02", "2023-01-01"), [("2023-01-01", nil)], ("2022-03-02", "2023-01-01")),
    ] as [((String?, String?), [(String?, String?)], (String?, String?)?)])
    func gaps(window: (String?, String?), citations: [(String?, String?)], expected: (String?, String?)?) throws {
        let date = { (text: String?) in text.flatMap(Instant.parse) }
        let basis = Basis(citations.enumerated().map { Citation("c\($0.offset)", effective: date($0.element.0), expires: date($0.element.1)) })
        let gap = BasisNotInForceCheck.firstGap((date(window.0), date(window.1)), basis)
        #expect(gap?.from == expected.flatMap { date($0.0) })
        #expect(gap?.until == expected.flatMap { date($0.1) })
        #expect((gap == nil) == (expected == nil))
        #expect(BasisNotInForceCheck.firstGap((date(window.0), date(window.1)), Basis(basis.citations + [Citation("undated")])) == nil)
    }
}
