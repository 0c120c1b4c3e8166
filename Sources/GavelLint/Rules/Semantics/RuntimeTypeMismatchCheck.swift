import GavelSyntax
import GavelEngine

/// One path tested as different types across the bundle (no schema).
///
/// A field holds one type; tests that assume another see a run-time
/// `type_mismatch`, or can never be equal, so they never hold.
package struct RuntimeTypeMismatchCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "runtime-type-mismatch",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "Same path is tested as different types",
        documentation: """
            Without a schema, lint cannot know what a path holds, but it can see what the bundle's conditions \
            assume. Each test implies a type for the values at its path: `gt`/`gte`/`lt`/`lte` with a number, \
            a number; with a date, a date; `within`, a date; `glob`/`starts_with`/`ends_with`, a string; \
            `equals`, `in` and the `contains` operators, the type of their operands (`5` a number, `"5"` a \
            string, `true` a boolean). Dates are strings in case data, so a string test and a date test agree; \
            every other pair disagrees. When two tests of one path — anywhere in the bundle, with paths inside \
            `where` made absolute — disagree, at least one of them meets a run-time `type_mismatch` (SPEC \
            §1.6), or an equality that can never hold, for every case. An `in` list mixing types (`[1, "a"]`) \
            is reported the same way. A `screen` reads its `names` and `identifiers` paths as strings. `exists` \
            and `null` operands imply nothing.

            The first test of a path (in file order) sets its type; each later test that disagrees with an \
            earlier one is reported, at its operand. With a schema, `operator-schema-mismatch` checks every \
            test against the declared type instead, and this rule is silent.

            Make the tests agree: quote or unquote the operand, or use the operator the field's type needs. \
            Better, declare the field in a `kind: Schema`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: safety
                rules:
                  - id: large-audience
                    title: Large audience
                    decision: monitor
                    when: { path: facts.followers, gte: 100000 }
                  - id: named-audience
                    title: Audience recorded as text
                    decision: monitor
                    when: { path: facts.followers, starts_with: ↓"1" }
                  - id: request-count
                    title: Three legal requests
                    decision: escalate
                    when: { path: requests.count, in: [3, ↓"3"] }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: safety
                rules:
                  - id: large-audience
                    title: Large audience
                    decision: monitor
                    when: { path: facts.followers, gte: 100000 }
                  - id: small-audience
                    title: Small audience
                    decision: no_action
                    when: { path: facts.followers, lt: 100 }
                  - id: recent-request
                    title: Recent request
                    decision: escalate
                    when:
                      all:
                        - { path: requests.received, within: 30d }
                        - some: { path: requests, where: { path: received, starts_with: "2024" } }
                """),
            .files([
                ("schema.yaml", "kind: Schema\nfields:\n  facts.followers: int\n"),
                (
                    "policies/safety.yaml",
                    """
                    kind: Policy
                    id: safety
                    rules:
                      - id: large-audience
                        title: Large audience
                        decision: monitor
                        when: { path: facts.followers, gte: 100000 }
                      - id: named-audience
                        title: Audience recorded as text
                        decision: monitor
                        when: { path: facts.followers, equals: "many" }
                    """
                ),
            ]),
        ])

    enum Kind: String {
        case number, string, date, boolean

        func agrees(with other: Kind) -> Bool {
            self == other || Set([self, other]) == [.string, .date]
        }
    }

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard context.schema == nil else { return [] }
        struct Use {
            var kind: Kind
            var text: String
            var location: SourceLocation
        }
        var uses: [String: [Use]] = [:]
        for item in ConditionWalk.items(context) {
            ConditionWalk.visit(item.condition) { node, base in
                if case .screen(let screen) = node {
                    // Screening reads names and identifiers as strings.
                    for path in ConditionWalk.paths(of: screen) {
                        let key = ConditionWalk.absolute(path, base: base).joined(separator: ".")
                        uses[key, default: []].append(
                            Use(kind: .string, text: "`screen`", location: path.location ?? screen.location))
                    }
                    return
                }
                guard case .predicate(let p) = node else { return }
                let key = ConditionWalk.absolute(p.path, base: base).joined(separator: ".")
                let kinds = Self.kinds(p.op)
                for (index, kind) in kinds.enumerated() {
                    guard let kind else { continue }
                    let location = index < p.operandLocations.count ? p.operandLocations[index] : p.operandLocation ?? p.location
                    // In a list operand, name the item: the list itself may hold both types.
                    let text = kinds.count > 1 && index < p.op.operands.count
                        ? "`\(p.op.operands[index].displayText)` in `\(p.op.writtenForm)`" : "`\(p.op.writtenForm)`"
                    uses[key, default: []].append(Use(kind: kind, text: text, location: location))
                }
            }
        }
        var findings: [Diagnostic] = []
        for (path, list) in uses {
            let ordered = list.sorted { $0.location < $1.location }
            for (i, use) in ordered.enumerated() {
                guard let earlier = ordered[..<i].first(where: { !$0.kind.agrees(with: use.kind) }) else { continue }
                findings.append(
                    context.finding(
                        Self.description,
                        "\(use.text) tests `\(path)` as a \(use.kind.rawValue), but \(earlier.text) at line "
                            + "\(earlier.location.line) tests it as a \(earlier.kind.rawValue)",
                        at: use.location,
                        help: "a field holds one type: make the tests agree, or declare the field's type in a schema"))
            }
        }
        return findings
    }

    /// The type each operand implies, in operand order; nil where it implies none.
    static func kinds(_ op: PredicateOperator) -> [Kind?] {
        switch op {
        case .exists: return []
        case .compare(_, .number): return [.number]
        case .compare(_, .date), .within: return [.date]
        case .glob, .startsWith, .endsWith: return [.string]
        case .equals, .in, .contains, .containsAny, .containsAll:
            return op.operands.map { value in
                switch value {
                case .int, .double: return .number
                case .string: return .string
                case .bool: return .boolean
                default: return nil
                }
            }
        }
    }
}
