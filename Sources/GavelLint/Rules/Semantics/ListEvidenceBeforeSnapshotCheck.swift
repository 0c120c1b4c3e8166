import GavelSyntax
import GavelEngine

/// A case decided before the first snapshot of an imported list whose
/// entries are not all dated.
///
/// An entry without `listed` is in force from the start, but the list only
/// shows it was designated on its first snapshot: before that date it is
/// evidence from the future.
package struct ListEvidenceBeforeSnapshotCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "list-evidence-before-snapshot",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "A case is decided as of a date before a list's first snapshot, and the list has undated entries",
        documentation: """
            `gavel lists import` writes each list's `snapshots:`: the dated official files it was built from. \
            An entry gets `listed` from the source, from a cited date table, or from the first snapshot it \
            appears in; an entry already in the first snapshot with no other date has no `listed` and counts \
            as in force from the start (SPEC §3). For a case decided before the first snapshot, such an entry \
            may not have been designated yet: a match against it is evidence from the future, and replaying \
            an old decision would terminate a customer for a designation made years later.

            Import an older snapshot of the list (`gavel lists import FILE@DATE … NEWER-FILE`), give cited \
            listing dates with `--listed-dates`, or decide the case against a list whose dates cover it. \
            Where the anachronism is understood and accepted (the matched entries are all dated), lower the \
            rule's level in `bundle.yaml` and say why.
            """,
        triggering: [
            .files([
                (
                    "lists/us-sdgt.yaml",
                    """
                    kind: List
                    id: us-sdgt
                    source: https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML
                    as_of: 2024-05-07
                    snapshots:
                      - { date: 2021-04-25, digest: "sha256:0f", format: ofac-csv, file: sdn.csv }
                      - { date: 2024-05-07, digest: "sha256:1e", format: ofac-sdn-xml, file: sdn.xml }
                    entries:
                      - { id: ofac-4695, name: HAMAS, listed: 2001-10-31, listed_source: curated }
                      - { id: ofac-31000, name: EXAMPLE FRONT }
                    """
                ),
                (
                    "cases/old.yaml",
                    """
                    kind: Case
                    id: CASE-2017-old
                    as_of: ↓2017-08-30
                    customer: { name: Example Front }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-sdgt.yaml",
                    """
                    kind: List
                    id: us-sdgt
                    source: https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML
                    as_of: 2024-05-07
                    snapshots:
                      - { date: 2021-04-25, digest: "sha256:0f", format: ofac-csv, file: sdn.csv }
                      - { date: 2024-05-07, digest: "sha256:1e", format: ofac-sdn-xml, file: sdn.xml }
                    entries:
                      - { id: ofac-4695, name: HAMAS, listed: 2001-10-31, listed_source: curated }
                      - { id: ofac-31000, name: EXAMPLE FRONT }
                    """
                ),
                (
                    "cases/recent.yaml",
                    """
                    kind: Case
                    id: CASE-2022-recent
                    as_of: 2022-08-30
                    customer: { name: Example Front }
                    """
                ),
            ]),
            .files([
                (
                    "lists/un-isil-aq.yaml",
                    """
                    kind: List
                    id: un-isil-aq
                    source: https://scsanctions.un.org/resources/xml/en/consolidated.xml
                    as_of: 2024-05-15
                    snapshots:
                      - { date: 2020-11-24, digest: "sha256:2d" }
                    entries:
                      - { id: un-qde-001, name: EXAMPLE NETWORK, listed: 2001-10-06, listed_source: source }
                    """
                ),
                (
                    "cases/old.yaml",
                    """
                    kind: Case
                    id: CASE-2017-old
                    as_of: 2017-08-30
                    customer: { name: Example Network }
                    """
                ),
            ]),
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        let lists = (context.documents?.lists ?? []).compactMap { list -> (DesignationList, Instant, Int)? in
            guard let first = list.snapshots.map(\.date).min() else { return nil }
            let undated = list.entries.count { $0.listed == nil }
            return undated > 0 ? (list, first, undated) : nil
        }
        guard !lists.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for linted in context.cases {
            guard let asOf = linted.record?.asOf,
                let node = linted.root.mappingEntries?.first(where: { $0.key == "as_of" })?.value
            else { continue }
            let early = lists.filter { asOf < $0.1 }
            guard !early.isEmpty else { continue }
            let named = early.map { list, first, undated in
                "`\(list.id)` (first snapshot \(first); \(undated) entries without `listed`)"
            }
            findings.append(
                context.finding(
                    Self.description,
                    "case decided as of \(asOf), before the first snapshot of \(named.joined(separator: ", ")); "
                        + "those entries count as in force then; expected list dates that cover the case",
                    at: node.location,
                    help: "import an older snapshot of the list or give cited dates with `gavel lists import --listed-dates`"))
        }
        return findings
    }
}
