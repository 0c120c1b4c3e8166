import GavelSyntax

/// Name normalisation for designation-list screening (SPEC §3, §1.6).
///
/// Three routes produce identical output; they differ only in cost:
/// pure ASCII is a byte loop, Latin text is a table lookup per scalar, and
/// anything else goes through Foundation/ICU (`ScriptFolding`).
package enum NameNormalizer {
    /// NFKC; non-Latin scripts through ICU Any-Latin; diacritics removed; full
    /// case folding; punctuation, symbols, controls and whitespace to spaces;
    /// legal-form words (`LegalForms.words`) dropped; spaces collapsed and trimmed.
    /// A piece of a word cut at an apostrophe (`ScalarDisposition.apostrophe`)
    /// is no legal-form word: `Sa'id` is `sa id` (dropping `sa` made it `id`,
    /// which `Said` and the Arabic `سعيد` never met), `As'ad` is `as ad`.
    /// May return "" (e.g. for `Ltd.`); callers should not match on an empty name.
    package static func normalize(_ name: String) -> String {
        var mapped: [UInt8] = []
        mapped.reserveCapacity(name.utf8.count)
        if isASCII(name) {
            appendASCII(name, to: &mapped)
        } else if !appendLatin(name, to: &mapped) {
            mapped.removeAll(keepingCapacity: true)
            appendGeneral(name, to: &mapped)
        }
        return joinTokens(mapped)
    }

    /// The tokens of an already normalised name.
    package static func tokens(_ normalized: String) -> [String] {
        normalized.split(separator: " ").map(String.init)
    }

    /// The general route regardless of script; the tests compare the fast
    /// routes against it.
    static func normalizeGeneral(_ name: String) -> String {
        var mapped: [UInt8] = []
        appendGeneral(name, to: &mapped)
        return joinTokens(mapped)
    }

    enum Route { case ascii, latin, general }

    static func route(_ name: String) -> Route {
        if isASCII(name) { return .ascii }
        if name.unicodeScalars.allSatisfy({ LatinFastPath.entry($0) != nil }) { return .latin }
        return .general
    }

    private static func isASCII(_ name: String) -> Bool {
        name.utf8.allSatisfy { $0 < 0x80 }
    }

    private static func appendASCII(_ name: String, to out: inout [UInt8]) {
        for byte in name.utf8 {
            switch byte {
            case 0x41 ... 0x5A: out.append(byte | 0x20)
            case 0x61 ... 0x7A, 0x30 ... 0x39: out.append(byte)
            case 0x27, 0x60: out.append(apostropheMark)
            default: out.append(0x20)
            }
        }
    }

    /// False, with `out` partly written, at the first scalar the table does not cover.
    private static func appendLatin(_ name: String, to out: inout [UInt8]) -> Bool {
        for scalar in name.unicodeScalars {
            guard let bytes = LatinFastPath.entry(scalar) else { return false }
            out.append(contentsOf: bytes)
        }
        return true
    }

    static func appendGeneral(_ name: String, to out: inout [UInt8]) {
        for scalar in ScriptFolding.fold(name).unicodeScalars {
            switch scalar.screeningDisposition {
            case .keep: UTF8.encode(scalar) { out.append($0) }
            case .separator: out.append(0x20)
            case .apostrophe: out.append(apostropheMark)
            case .drop: break
            }
        }
    }

    /// What an apostrophe is mapped to before the tokens are joined: a
    /// boundary like a space, which also tells `joinTokens` that the pieces
    /// on either side belong to one written word. (No normalised name holds
    /// the byte: control characters are separators.)
    static let apostropheMark: UInt8 = 0x01

    /// The shortest word a possessive `s` written after an apostrophe is
    /// read off: `O's` and the Arabic `Ra's` keep theirs as a word.
    static let shortestPossessed = 3

    /// Splits on spaces and apostrophe marks, drops legal-form tokens that
    /// are whole words, joins with single spaces. An `s` alone after an
    /// apostrophe at the end of a word of three letters or more is the
    /// English possessive and is dropped (`MOHAMMED'S ARMY` is `mohammed
    /// army`): a word `s` of its own read as a second name's initial, so
    /// that `Mohammed Samir` met that alias of JAISH-I-MOHAMMED at 0.9437 and
    /// `Mohammed Smith` at 0.93, in review. Dropped, not joined: joined, the
    /// Syrian city's `Hama's` was `hamas`, HAMAS exactly.
    private static func joinTokens(_ mapped: [UInt8]) -> String {
        mapped.withUnsafeBufferPointer { src in
            // Output is a subsequence of `mapped`, so its length bounds the capacity.
            String(unsafeUninitializedCapacity: src.count) { dst in
                var written = 0
                var start = 0
                let n = src.count
                while start < n {
                    while start < n, src[start] == 0x20 || src[start] == apostropheMark { start += 1 }
                    var end = start
                    while end < n, src[end] != 0x20, src[end] != apostropheMark { end += 1 }
                    if end > start {
                        let token = src[start ..< end]
                        let afterApostrophe = start > 0 && src[start - 1] == apostropheMark
                        let cutAtApostrophe = afterApostrophe || (end < n && src[end] == apostropheMark)
                        if afterApostrophe, end - start == 1, src[start] == 0x73, end == n || src[end] == 0x20,
                            isPossessed(src, before: start - 1)
                        {
                            // The possessive's `s`: left out.
                        } else if cutAtApostrophe || !LegalForms.contains(token) {
                            if written > 0 {
                                dst[written] = 0x20
                                written += 1
                            }
                            for byte in token {
                                dst[written] = byte
                                written += 1
                            }
                        }
                    }
                    start = end
                }
                return written
            }
        }
    }

    /// Whether the piece ending before the apostrophe mark at `mark` is a
    /// word of at least `shortestPossessed` letters (bytes: a letter outside
    /// ASCII counts more, which errs towards dropping the `s`).
    private static func isPossessed(_ src: UnsafeBufferPointer<UInt8>, before mark: Int) -> Bool {
        var length = 0
        var i = mark - 1
        while i >= 0, src[i] != 0x20, src[i] != apostropheMark {
            length += 1
            i -= 1
        }
        return length >= shortestPossessed
    }
}
