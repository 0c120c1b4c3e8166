/// The facts of a decision record that an entry's searchable columns repeat
/// (`record_id`, `case_id`, `decision`, `as_of`, …), read from the record's
/// bytes in one pass that skips everything else: `verify` reads every record
/// of a log, and building a tree of each would cost more than hashing it.
struct RecordFacts: Equatable {
    var id: String?
    var caseID: String?
    var engineVersion: String?
    var asOf: String?
    var asOfSource: String?
    var traceLevel: String?
    var decision: String?
    /// Ids of the rules whose `status` is `matched`, in record order.
    var matchedRules: [String] = []
    /// Ids of the rules whose `status` is `error`, in record order.
    var errorRules: [String] = []

    /// nil when the bytes are not one JSON object.
    init?(_ record: [UInt8]) {
        var scanner = JSONScanner(record)
        do throws(JSONScanner.Malformed) {
            try scanner.object { key, s throws(JSONScanner.Malformed) in
                switch key {
                case "id": id = try s.string()
                case "case": try s.object { k, s throws(JSONScanner.Malformed) in if k == "id" { caseID = try s.string() } else { try s.skip() } }
                case "engine": try s.object { k, s throws(JSONScanner.Malformed) in if k == "version" { engineVersion = try s.string() } else { try s.skip() } }
                case "as_of": asOf = try s.string()
                case "as_of_source": asOfSource = try s.string()
                case "trace_level": traceLevel = try s.string()
                case "decision": decision = try s.string()
                case "rules":
                    try s.array { s throws(JSONScanner.Malformed) in
                        var ruleID: String?
                        var status: String?
                        try s.object { k, s throws(JSONScanner.Malformed) in
                            switch k {
                            case "id": ruleID = try s.string()
                            case "status": status = try s.string()
                            default: try s.skip()
                            }
                        }
                        if status == "matched", let ruleID { matchedRules.append(ruleID) }
                        if status == "error", let ruleID { errorRules.append(ruleID) }
                    }
                default: try s.skip()
                }
            }
            try scanner.end()
        } catch {
            return nil
        }
    }
}

/// A forward-only JSON reader over bytes: values are read where wanted and
/// skipped otherwise, with no tree built.
struct JSONScanner {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A member's name as the bytes between its quotes (unescaped only when it
    /// holds an escape): a record has a hundred or so names, and making each a
    /// `String` cost `verify` more than hashing the record.
    struct Key {
        fileprivate let bytes: ArraySlice<UInt8>

        static func ~= (pattern: StaticString, key: Key) -> Bool {
            pattern.withUTF8Buffer { text in
                guard text.count == key.bytes.count else { return false }
                var at = key.bytes.startIndex
                for byte in text {
                    if key.bytes[at] != byte { return false }
                    at += 1
                }
                return true
            }
        }

        static func == (key: Key, text: StaticString) -> Bool { text ~= key }
    }

    mutating func object(_ member: (Key, inout JSONScanner) throws(Malformed) -> Void) throws(Malformed) {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            at += 1
            return
        }
        while true {
            let key = try key()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw Malformed()
            }
        }
    }

    mutating func array(_ item: (inout JSONScanner) throws(Malformed) -> Void) throws(Malformed) {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            at += 1
            return
        }
        while true {
            try item(&self)
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return
            default: throw Malformed()
            }
        }
    }

    /// A string value, unescaped; anything else is malformed here.
    mutating func string() throws(Malformed) -> String {
        let raw = try stringBytes()
        return String(decoding: raw, as: UTF8.self)
    }

    private mutating func key() throws(Malformed) -> Key { Key(bytes: try stringBytes()) }

    /// A string's bytes, sliced from the record where it holds no escape.
    private mutating func stringBytes() throws(Malformed) -> ArraySlice<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = at
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""):
                at += 1
                return bytes[start..<(at - 1)]
            case UInt8(ascii: "\\"):
                at = start
                return try unescapedString()[...]
            case 0..<0x20: throw Malformed()
            default: at += 1
            }
        }
        throw Malformed()
    }

    private mutating func unescapedString() throws(Malformed) -> [UInt8] {
        var out: [UInt8] = []
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return out
            case UInt8(ascii: "\\"): try escape(into: &out)
            case 0..<0x20: throw Malformed()
            default: out.append(byte)
            }
        }
        throw Malformed()
    }

    mutating func skip() throws(Malformed) {
        switch try peek() {
        case UInt8(ascii: "{"): try object { _, s throws(Malformed) in try s.skip() }
        case UInt8(ascii: "["): try array { s throws(Malformed) in try s.skip() }
        case UInt8(ascii: "\""): try skipString()
        default:
            // A number or a literal: its bytes up to the next delimiter.
            let start = at
            while at < bytes.count, !Self.isDelimiter(bytes[at]) { at += 1 }
            if at == start { throw Malformed() }
        }
    }

    /// Past a string without unescaping it (most of a record's bytes are strings no check reads).
    private mutating func skipString() throws(Malformed) {
        try expect(UInt8(ascii: "\""))
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""):
                at += 1
                return
            case UInt8(ascii: "\\"): at += 2
            case 0..<0x20: throw Malformed()
            default: at += 1
            }
        }
        throw Malformed()
    }

    /// Only whitespace may follow the value.
    mutating func end() throws(Malformed) {
        skipSpace()
        if at != bytes.count { throw Malformed() }
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isSpace(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private mutating func escape(into out: inout [UInt8]) throws(Malformed) {
        guard at < bytes.count else { throw Malformed() }
        let kind = bytes[at]
        at += 1
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(kind)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { throw Malformed() }
                at += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw Malformed() }
            out.append(contentsOf: Array(String(Character(unicode)).utf8))
        default: throw Malformed()
        }
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard at + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) else { throw Malformed() }
        at += 4
        return value
    }

    private mutating func skipSpace() {
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
    }

    private mutating func peek() throws(Malformed) -> UInt8 {
        skipSpace()
        guard at < bytes.count else { throw Malformed() }
        return bytes[at]
    }

    private mutating func next() throws(Malformed) -> UInt8 {
        let byte = try peek()
        at += 1
        return byte
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard try next() == byte else { throw Malformed() }
    }
}
