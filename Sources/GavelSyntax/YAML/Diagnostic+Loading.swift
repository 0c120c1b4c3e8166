/// Every diagnostic the YAML loader produces, worded in one place so the rule
/// ids and phrasing stay consistent.
extension Diagnostic {
    /// A file or stream that could not be opened or read.
    static func unreadable(_ display: String) -> Diagnostic {
        .error(.unreadableFile, "cannot read `\(display)`", at: nil, help: "check that the file exists and is readable")
    }

    /// `size` nil: the input was read until it passed the limit (a pipe has no size).
    static func fileTooLarge(size: Int?, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            .fileTooLarge,
            "\(size.map { "file is \($0) bytes" } ?? "input is larger than \(limit) bytes"); expected at most \(limit) bytes",
            at: location,
            help: "split the content into several smaller files")
    }

    static func foreignEncoding(_ encoding: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .invalidUTF8, "file starts with a \(encoding) byte-order mark; expected UTF-8", at: location,
            help: "save the file as UTF-8")
    }

    static func invalidUTF8(byte: UInt8, at location: SourceLocation) -> Diagnostic {
        .error(
            .invalidUTF8, "found byte 0x\(hex(byte)) that is not valid UTF-8; expected UTF-8 text", at: location,
            help: "save the file as UTF-8; it may have been written in Latin-1 or another legacy encoding")
    }

    static func tabIndentation(at location: SourceLocation) -> Diagnostic {
        .error(
            .tabIndentation, "tabs are not allowed for indentation; use spaces", at: location,
            help: "replace the tab with spaces; YAML never allows tabs in indentation")
    }

    static func duplicateKey(_ key: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(
            .duplicateKey,
            "duplicate key `\(shown(key))`, first defined at \(first.line):\(first.column); expected each key once per mapping",
            at: location, help: "remove or rename one of the `\(shown(key))` keys")
    }

    static func complexKey(found: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .complexKey, "expected a plain or quoted string as a mapping key, found \(found)", at: location,
            help: "mapping keys must be strings; use a field whose value is the list or mapping instead")
    }

    static func mergeKey(at location: SourceLocation) -> Diagnostic {
        .error(
            .mergeKey, "expected a field name, found the merge key `<<` (not part of YAML 1.2)", at: location,
            help: "write the merged fields out in full, or quote it (`\"<<\"`) if you mean a key named <<")
    }

    /// Past the node budget through aliases ("billion laughs"), or with every node written out.
    static func nodeBudget(limit: Int, throughAliases: Bool, at location: SourceLocation) -> Diagnostic {
        throughAliases
            ? .error(
                .aliasBudget,
                "document has more than \(limit) nodes counting every alias expansion; expected at most \(limit)",
                at: location, help: "use fewer or smaller aliases, or split the data into several documents")
            : .error(
                .tooManyNodes,
                "document has more than \(limit) nodes (keys, values and list items); expected at most \(limit)",
                at: location, help: "split the data into several documents, e.g. one case per line of a .jsonl file")
    }

    static func expandedTextBudget(limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            .aliasBudget,
            "aliases expand to more than \(limit) bytes of text in this document; expected at most \(limit)",
            at: location, help: "use fewer aliases to long text, or split the data into several documents")
    }

    static func nestingTooDeep(limit: Int, throughAlias alias: String?, at location: SourceLocation) -> Diagnostic {
        let what = alias.map { "alias `*\(shown($0))` nests" } ?? "nesting goes"
        return .error(
            .nestingTooDeep, "\(what) deeper than \(limit) levels; expected at most \(limit)", at: location,
            help: "flatten the structure: mappings and lists may be nested at most \(limit) deep")
    }

    static func scalarTooLong(bytes: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            .scalarTooLong, "value is \(bytes) bytes long; expected at most \(limit) bytes", at: location,
            help: "shorten the value, or keep long text in a separate file")
    }

    static func unknownTag(_ tag: ExplicitTag, on what: String, at location: SourceLocation) -> Diagnostic {
        let expected: String
        switch what {
        case "a mapping": expected = "no tag or `!!map`"
        case "a list": expected = "no tag or `!!seq`"
        default: expected = "no tag or one of `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`"
        }
        return .error(
            .unknownTag, "unsupported tag `\(shown(tag.written))` on \(what); expected \(expected)", at: location,
            help: "remove the tag; values are typed by the YAML 1.2 core schema (quote a value to make it a string)")
    }

    static func invalidTaggedScalar(_ tag: ExplicitTag, text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .invalidTaggedScalar,
            "expected \(tag.expectation) for tag `\(tag.written)`, found `\(shown(text))`", at: location,
            help: "fix the value or remove the `\(tag.written)` tag")
    }

    static func undefinedAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .yamlSyntax,
            "found undefined alias `*\(shown(name))`; expected an anchor `&\(shown(name))` earlier in the same document",
            at: location, help: "define the anchor before using it; anchors do not carry over between documents")
    }

    static func recursiveAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .yamlSyntax,
            "alias `*\(shown(name))` refers to a node that contains it; expected an alias to a finished node",
            at: location, help: "an alias cannot point at one of its own enclosing mappings or lists")
    }

    /// A user value for a one-line message: control characters escaped, long text cut.
    static func shown(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 40 { return out + "…" }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "`": out += "'"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
