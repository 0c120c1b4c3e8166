/// The Public Suffix List's reading of a host: where the names anyone can
/// register under end (`ps`, `co.uk`, `business.site`), so that the name
/// registered under one (`aqsatv` in `live.aqsatv.ps`) can be told from the
/// suffix and from the hosts its owner makes under it. A copy of the list
/// is compiled in (`PublicSuffixes+List.swift`, `Scripts/public-suffixes`):
/// a decision must not change with the machine's copy of the list.
package enum PublicSuffixes {
    /// The rules, parsed on first use.
    private static let parsed = Rules(text: rules)

    private struct Rules: Sendable {
        var plain: Set<Substring> = []
        /// `*.ck` is kept as `ck`: any one label before it is a suffix.
        var wildcards: Set<Substring> = []
        /// `!www.ck` is kept as `www.ck`: it is not a suffix, though a wildcard says so.
        var exceptions: Set<Substring> = []

        init(text: String) {
            for line in text.split(separator: "\n") {
                let rule = line.drop { $0 == " " }
                if rule.hasPrefix("!") {
                    exceptions.insert(rule.dropFirst())
                } else if rule.hasPrefix("*.") {
                    wildcards.insert(rule.dropFirst(2))
                } else if !rule.isEmpty {
                    plain.insert(rule)
                }
            }
        }
    }

    /// A normalised host (lower case, ASCII, `xn--` labels) split at its
    /// registrable domain: the one label registered under the public
    /// suffix, and that suffix. `live.aqsatv.ps` → (`aqsatv`, `ps`);
    /// `x.persiabank.co.uk` → (`persiabank`, `co.uk`). Nil when the host
    /// is a public suffix itself, has an empty label, or is an address.
    package static func registered(_ host: String) -> (name: Substring, suffix: Substring)? {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, !labels.contains(where: \.isEmpty), !labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let rules = parsed
        // Where the suffix starts, as a count of labels from the left: the
        // longest rule that matches prevails, and an exception over all.
        var suffixStart = labels.count - 1  // The implicit rule `*`: an unlisted top-level label is a suffix.
        for start in 0 ..< labels.count {
            let tail = host[labels[start].startIndex...]
            if rules.exceptions.contains(tail) {
                suffixStart = start + 1
                break
            }
            if rules.plain.contains(tail) || (start + 1 < labels.count && rules.wildcards.contains(host[labels[start + 1].startIndex...])) {
                suffixStart = min(suffixStart, start)
                // Rules further right are shorter; only an exception could still prevail, and it would be longer.
                if !hasException(after: start, labels: labels, host: host, rules: rules) { break }
            }
        }
        guard suffixStart >= 1, suffixStart < labels.count else { return nil }
        return (labels[suffixStart - 1], host[labels[suffixStart].startIndex...])
    }

    /// Whether the list names `label` as a top-level suffix (`ps`, `com`,
    /// `news`), rather than the implicit rule's reading of any last label.
    package static func listsTopLevel(_ label: Substring) -> Bool { parsed.plain.contains(label) }

    /// Whether an exception rule matches a tail shorter than the one starting at `start`.
    private static func hasException(after start: Int, labels: [Substring], host: String, rules: Rules) -> Bool {
        guard !rules.exceptions.isEmpty else { return false }
        for later in (start + 1) ..< labels.count where rules.exceptions.contains(host[labels[later].startIndex...]) { return true }
        return false
    }
}
