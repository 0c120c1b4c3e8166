import GavelSyntax

/// What kinds of document a policy directory turned out to hold, to refuse
/// one with no policy: an empty folder, or `--policies` pointed at the lists
/// folder, would otherwise decide every case by the default (`no_action`).
struct BundleContents {
    private var counts: [DocumentKind: Int] = [:]
    private var first: SourceLocation?
    /// A file or document whose kind could not be read: it may have been a
    /// policy, and its own problem is already reported.
    var unsure = false

    mutating func saw(_ kind: DocumentKind?, at location: SourceLocation) {
        if first == nil { first = location }
        guard let kind else {
            unsure = true
            return
        }
        counts[kind, default: 0] += 1
    }

    func emptyBundleProblem(root: String) -> Diagnostic? {
        guard counts[.policy, default: 0] == 0, !unsure else { return nil }
        let help = "pass --policies the bundle's root folder, the one whose files declare `kind: Policy`"
        guard let first else {
            return .error(
                .emptyBundle, "the policy directory `\(root)` holds no policy: expected `kind: Policy` documents in .yaml or .yml files, found no such file",
                at: SourceLocation(file: root, line: 1, column: 1), help: help)
        }
        let found = DocumentKind.allCases.compactMap { kind -> String? in
            counts[kind].map { "`kind: \(kind.rawValue)` (\($0))" }
        }
        let onlyLists = counts.keys.allSatisfy { $0 == .list }
        return .error(
            .emptyBundle, "the policy directory `\(root)` holds no policy: expected at least one `kind: Policy` document, found only \(found.joined(separator: ", "))",
            at: first, help: onlyLists ? help + " (a folder of lists is not a bundle)" : help)
    }
}
