import GavelSyntax
import GavelEngine

/// A designation list entry delisted before it was listed.
///
/// The entry is never in force, so screening never finds it; the dates are
/// almost always swapped or mistyped.
package struct DelistedBeforeListedCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .delistedBeforeListed,
        category: .semantics,
        defaultSeverity: .error,
        summary: "List entry is delisted before it was listed",
        documentation: """
            An entry is in force on `as_of` when `listed <= as_of` and not `delisted <= as_of` (SPEC §3). With \
            `delisted` before `listed` it is in force on no date at all, so a designated party on the list is \
            never screened — a silent sanctions gap — and the list no longer matches its official source. \
            The loader refuses such a list.

            Copy both dates again from the official source (the Federal Register notice, the Official Journal \
            act); if the party was delisted and later re-designated, keep the current designation's `listed` \
            date and no `delisted`.
            """,
        triggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    authority: US-DOS
                    entries:
                      - ↓id: fto-example
                        name: Example Liberation Front
                        listed: 2019-10-08
                        delisted: 2009-10-08
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    authority: US-DOS
                    entries:
                      - id: fto-example
                        name: Example Liberation Front
                        listed: 1999-10-08
                        delisted: 2009-10-08
                    """
                )
            ])
        ])
}
