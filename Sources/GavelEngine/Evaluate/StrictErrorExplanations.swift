import GavelSyntax

extension DiagnosticExplanation {
    /// The errors `gavel evaluate --strict` reports (`Evaluator.strictErrors`):
    /// evaluation's, not lint's, since they depend on the case.
    package static let strictEvaluation: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .missingPath,
            reportedBy: ["gavel evaluate --strict"],
            summary: "A path a rule reads does not resolve in the case",
            documentation: """
                Without `--strict`, a path that does not resolve makes its predicate false and the trail notes \
                it `missing` (SPEC §1.3): a rule about `facts.csam_confirmed` simply does not match a case that \
                does not say. With `--strict`, every rule in force whose trace has such a node is put in \
                `error` instead — whether or not its condition held, even below a `not` or in a branch of an \
                `any` that held anyway — and each problem is reported with the place in the policy, the case and \
                the rule. A rule in `error` does not decide and owes nothing, and the exit status is 2: the record \
                is not to be acted on.

                Add the field to the case (a `null` counts as missing), or decide the case without `--strict` if \
                the field is optional. A path misspelt in the policy is better caught before any case is decided: \
                give the bundle a Schema, and `gavel lint` reports it as `unknown-path`.
                """,
            example: """
                ./Policies/policies/csam.yaml:16:41: error[missing-path] case `CASE-2018-04-switter`: path `facts.csam_confirmed` does not resolve in rule `csam-confirmed`
                  help: add the field to the case, or run without --strict
                """),
        DiagnosticExplanation(
            code: .typeMismatch,
            reportedBy: ["gavel evaluate --strict"],
            summary: "A case value has a type the rule's operator cannot compare",
            documentation: """
                An operator compares one kind of value: `gt`, `gte`, `lt` and `lte` numbers or dates, `within` \
                dates, `glob`, `starts_with` and `ends_with` strings. Without `--strict`, a value of another type \
                (`followers: "120k"` against `gte: 100000`) makes the predicate false and the trail notes it \
                `type_mismatch` (SPEC §1.6). With `--strict`, the rule is put in `error`, does not decide, and the \
                exit status is 2, as for `missing-path`.

                Write the value in the case with the type the rule compares (`followers: 120000`). Where the \
                bundle has a Schema that types the field, such a case is refused before it is decided \
                (`case-schema-mismatch`), and `gavel lint` checks the operators against it \
                (`operator-schema-mismatch`).
                """,
            example: """
                policies/reach.yaml:7:36: error[type-mismatch] case `c-12`: path `facts.followers` has a value of the wrong type for `gte` in rule `large-audience`
                """),
    ]
}
