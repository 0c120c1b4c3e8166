import GavelSyntax

/// Reads located YAML nodes into typed fields, collecting every problem
/// instead of stopping at the first, so a policy author sees them all at once.
package struct DocumentReader {
    package init() {}

    package var diagnostics: [Diagnostic] = []

    /// The fields of a mapping node, after checking it is one and that every
    /// key is known (unknown keys get a did-you-mean) and required keys exist.
    package mutating func fields(
        _ node: SourceNode, of what: String, allowed: [String], required: [String] = []
    ) -> Fields? {
        guard let entries = node.mappingEntries else {
            error(.wrongType, "expected a mapping for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        var byKey: [String: MappingEntry] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                byKey[entry.key] = entry
            } else {
                error(
                    .unknownField, "unknown field `\(entry.key)` in \(what)", at: entry.keyLocation,
                    help: DidYouMean.help(for: entry.key, among: allowed)
                        ?? "allowed fields: \(allowed.filter { $0 != "kind" }.joined(separator: ", "))")
            }
        }
        for key in required where byKey[key] == nil {
            error(.missingField, "\(what) is missing the required field `\(key)`", at: node.location)
        }
        return Fields(node: node, what: what, byKey: byKey)
    }

    package mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil) {
        diagnostics.append(.error(code, message, at: location, help: help))
    }

    // MARK: typed values

    package mutating func string(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields[key] else { return nil }
        return string(node, named: key)
    }

    package mutating func string(_ node: SourceNode, named key: String) -> String? {
        guard let scalar = node.scalar else {
            wrongType(key, expected: "a string", node)
            return nil
        }
        switch scalar.value {
        case .string(let s): return s
        // A plain `2022.09` or `42` where a string is expected is what the author meant.
        case .int, .float: return scalar.text
        case .null, .bool:
            wrongType(key, expected: "a string", node)
            return nil
        }
    }

    package mutating func nonEmptyString(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields[key], let text = string(node, named: key) else { return nil }
        if text.trimmingSpaces.isEmpty {
            error(.wrongType, "`\(key)` must not be empty", at: node.location)
            return nil
        }
        return text
    }

    package mutating func strings(_ fields: Fields, _ key: String) -> [String] {
        stringsWithLocations(fields, key).map(\.0)
    }

    package mutating func stringsWithLocations(_ fields: Fields, _ key: String) -> [(String, SourceLocation)] {
        guard let node = fields[key] else { return [] }
        guard let items = node.sequenceItems else {
            if let scalar = node.scalar {
                if scalar.value == .null { return [] }
                error(
                    .wrongType, "`\(key)` must be a list of strings, found \(node.kindDescription)",
                    at: node.location, help: "write it as a list: `\(key): [\(scalar.text)]`")
            } else {
                wrongType(key, expected: "a list of strings", node)
            }
            return []
        }
        return items.compactMap { item in string(item, named: "\(key) item").map { ($0, item.location) } }
    }

    package mutating func bool(_ fields: Fields, _ key: String) -> Bool? {
        guard let node = fields[key] else { return nil }
        guard case .bool(let b)? = node.scalar?.value else {
            let text = node.scalar?.text.lowercased() ?? ""
            let yaml11 = ["yes", "no", "on", "off", "y", "n"].contains(text)
            error(
                .wrongType, "`\(key)` must be `true` or `false`, found \(node.kindDescription)", at: node.location,
                help: yaml11 ? "YAML 1.2 reads `\(node.scalar?.text ?? "")` as a string; write `true` or `false`" : nil)
            return nil
        }
        return b
    }

    package mutating func number(_ fields: Fields, _ key: String) -> Double? {
        guard let node = fields[key] else { return nil }
        switch node.scalar?.value {
        case .int(let i)?: return Double(i)
        case .float(let d)?: return d
        default:
            wrongType(key, expected: "a number", node)
            return nil
        }
    }

    /// A date field: `YYYY-MM-DD` or RFC 3339; `null` reads as absent.
    package mutating func date(_ fields: Fields, _ key: String) -> Instant? {
        guard let node = fields[key] else { return nil }
        return date(node, named: key)
    }

    package mutating func date(_ node: SourceNode, named key: String) -> Instant? {
        guard let scalar = node.scalar else {
            wrongType(key, expected: "a date (YYYY-MM-DD or RFC 3339)", node)
            return nil
        }
        if scalar.value == .null { return nil }
        guard let instant = Instant.parse(scalar.text) else {
            error(
                .invalidDate, "`\(key)` must be a date (YYYY-MM-DD or RFC 3339), found `\(scalar.text)`",
                at: node.location, help: "write dates like `2019-09-09` or `2019-09-09T12:00:00Z`")
            return nil
        }
        return instant
    }

    /// Rule and exception ids are kebab-case so that they read the same in
    /// YAML, records and command lines.
    package mutating func kebabID(_ fields: Fields, of kind: String) -> String? {
        guard let id = nonEmptyString(fields, "id") else { return nil }
        if !id.isKebabCase {
            error(
                .invalidID, "\(kind) id `\(id)` is not kebab-case", at: fields["id"]?.location,
                help: "use lowercase letters, digits and single hyphens, e.g. `\(id.kebabCased)`")
        }
        return id
    }

    package mutating func wrongType(_ key: String, expected: String, _ node: SourceNode) {
        error(.wrongType, "`\(key)` must be \(expected), found \(node.kindDescription)", at: node.location)
    }
}

package struct Fields {
    let node: SourceNode
    let what: String
    let byKey: [String: MappingEntry]

    package subscript(key: String) -> SourceNode? { byKey[key]?.value }

    /// An explicitly written `key: null` counts as absent.
    package func has(_ key: String) -> Bool {
        guard let node = self[key] else { return false }
        return node.scalar?.value != .null
    }
}

extension String {
    var isKebabCase: Bool {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            first.properties.isLowercase || ("0"..."9").contains(first), last != "-"
        else { return false }
        var previousHyphen = false
        for scalar in unicodeScalars {
            let ok = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            if !ok || (scalar == "-" && previousHyphen) { return false }
            previousHyphen = scalar == "-"
        }
        return true
    }

    var kebabCased: String {
        var out = ""
        for ch in lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return Substring(scalars[start...end])
    }
}
