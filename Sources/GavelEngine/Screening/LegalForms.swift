import GavelSyntax

/// The legal-form words SPEC §1.6 drops from names before comparison.
///
/// Matched against whole tokens only, after punctuation has become spaces, so
/// `S.A.` (tokens `s`, `a`) is kept while `SA` is dropped — the list is exact on
/// purpose; widening it changes which names match.
enum LegalForms {
    static let words: [String] = [
        "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "gmbh",
        "inc", "incorporated", "limited", "llc", "ltd", "oy", "plc", "sa",
        "sarl", "spa", "srl",
    ]

    // Byte form so the normaliser can test a token without building a String.
    private static let wordBytes: [[UInt8]] = words.map { Array($0.utf8) }
    private static let longest = wordBytes.map(\.count).max() ?? 0

    static func contains<C: Collection<UInt8>>(_ token: C) -> Bool {
        let n = token.count
        guard n >= 2, n <= longest else { return false }
        for word in wordBytes where word.count == n && word.elementsEqual(token) {
            return true
        }
        return false
    }
}
