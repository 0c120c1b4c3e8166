import GavelSyntax

/// A `screen`'s `corroborate:` and `min_corroboration:` (SPEC §3 v1.1): which
/// case values to compare with a matched entry's `attributes`, and how many
/// must agree before the match counts.
package struct CorroborationSpec: Sendable {
    /// The identifying details Gavel knows how to compare. Each reads one or
    /// more of the attribute keys `gavel lists import` writes.
    package enum Kind: String, Sendable, CaseIterable {
        case country
        case nationality
        case birthDate = "birth_date"
        case registration
        case passport
        case nationalID = "national_id"

        /// The entry attributes this kind is compared with. OFAC and the UK
        /// publish citizenship apart from nationality; for telling two people
        /// apart they are the same evidence.
        package var attributeKeys: [String] {
            switch self {
            case .nationality: return ["nationality", "citizenship"]
            default: return [rawValue]
            }
        }

        package static let words = allCases.map(\.rawValue)
    }

    package let kinds: [(kind: Kind, paths: [CasePath])]
    /// nil: corroboration is recorded but never decides. N: a match counts
    /// only when at least N details agree and none disagrees.
    package let minimum: Int?

    package init(kinds: [(kind: Kind, paths: [CasePath])], minimum: Int?) {
        self.kinds = kinds
        self.minimum = minimum
    }

    package var paths: [CasePath] { kinds.flatMap(\.paths) }

    /// For `CompiledCondition.canonical`: two screens that corroborate differently do not hold for the same cases.
    package var canonical: String {
        kinds.map { "\($0.kind.rawValue)=" + $0.paths.map(\.text).joined(separator: "|") }.sorted().joined(separator: ";")
            + "/\(minimum.map(String.init) ?? "-")"
    }
}

extension ConditionCompiler {
    /// Reads `corroborate` and `min_corroboration` from a `screen`'s fields.
    /// `identifierKinds` is how many identifier kinds the screen looks up:
    /// each can agree as `identifier:KIND`, so it counts toward the most
    /// `min_corroboration` can ask for.
    mutating func corroboration(_ f: Fields, identifierKinds: Int) -> CorroborationSpec? {
        guard f.has("corroborate") || f.has("min_corroboration") else { return nil }
        var kinds: [(kind: CorroborationSpec.Kind, paths: [CasePath])] = []
        if let node = f["corroborate"], node.scalar?.value != .null {
            if let entries = node.mappingEntries {
                for entry in entries {
                    guard let kind = CorroborationSpec.Kind(rawValue: entry.key) else {
                        error(
                            .unknownField, "unknown attribute `\(entry.key)` in `corroborate`", at: entry.keyLocation,
                            help: DidYouMean.help(for: entry.key, among: CorroborationSpec.Kind.words)
                                ?? "attributes Gavel compares: \(CorroborationSpec.Kind.words.joined(separator: ", "))")
                        continue
                    }
                    if kinds.contains(where: { $0.kind == kind }) {
                        error(.invalidCondition, "attribute `\(entry.key)` is named twice in `corroborate`", at: entry.keyLocation)
                        continue
                    }
                    let items = entry.value.sequenceItems ?? [entry.value]
                    let paths = items.compactMap { casePath($0, insideWhere: false) }
                    if items.isEmpty {
                        error(
                            .invalidCondition, "`corroborate.\(entry.key)` names no case path", at: entry.value.location,
                            help: "write e.g. `\(entry.key): [customer.\(entry.key)]`")
                    }
                    kinds.append((kind, paths))
                }
            } else {
                error(
                    .operatorType, "`corroborate` expects a mapping of attribute to case paths, found \(node.kindDescription)",
                    at: node.location, help: "for example `corroborate: { country: [customer.country] }`")
            }
        }
        var minimum: Int?
        if let node = f["min_corroboration"], node.scalar?.value != .null {
            if case .int(let n)? = node.scalar?.value, n >= 0 {
                let most = kinds.count + identifierKinds
                if n > most {
                    error(
                        .corroborationRange,
                        "`min_corroboration` (\(n)) asks for more agreeing details than the screen compares (\(most): "
                            + "\(kinds.count) in `corroborate`, \(identifierKinds) identifier kind\(identifierKinds == 1 ? "" : "s"))",
                        at: node.location,
                        help: "name more attributes under `corroborate`, or lower `min_corroboration`")
                }
                minimum = n
            } else {
                error(
                    .corroborationRange, "`min_corroboration` must be a whole number of agreeing details (0 or more), found \(node.kindDescription)",
                    at: node.location, help: "for example `min_corroboration: 1`")
            }
        }
        return CorroborationSpec(kinds: kinds, minimum: minimum)
    }
}
