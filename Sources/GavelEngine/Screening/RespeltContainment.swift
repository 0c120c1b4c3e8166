/// Containment where the listed words are respelt: every word of a listed
/// name stands, as a close spelling, among more words of the case name
/// (`Hammas Media Office` holds HAMAS, `Hizbulla Radio` Hizballah,
/// `Bokko Haram Media` Boko Haram). Exact containment needs every listed
/// word written as listed, and Jaro–Winkler on the whole text is lowered
/// by the added words, so a misspelling and added words together evaded
/// both (`Hammas Media Office` scored 0.8526).
///
/// A listed word is respelt by a case word when both have the same
/// `wordClass` (first letter, then consonants) and, for words of
/// `shortestRespeltWord` scalars or more, a Jaro–Winkler score of at least
/// `closeSpelling`, ending in the same letter; shorter words must be equal. The class keeps `Hamad`
/// (`hmd`) from naming HAMAS (`hms`) inside a longer name, and the score
/// keeps `Homs` (`hms` too, 0.8050) from it. Scored
/// `EvasionScores.containedRespelt`, the bottom of the review band: a
/// respelt name among added words is a reason to look, less strong than
/// the listed words themselves.
///
/// The index posts containment under the words' classes
/// (`NameIndex.wordClassHash`), which equal words share, so one set of
/// postings finds exact and respelt containment alike.
package enum RespeltContainment {
    /// A listed word and a case word of at least this many scalars may be
    /// respellings of each other; shorter ones must be equal (`ali`/`aly`).
    package static let shortestRespeltWord = 4
    /// The least Jaro–Winkler score of a respelt word against the listed one.
    package static let closeSpelling = 0.90

    /// Whether `query` (a case form) has more words than `listed` (a listed
    /// form that takes part in containment) and holds each listed word,
    /// equal or respelt, one case word for each. The scorer tries exact
    /// containment (`NameScorer.contains`) first, so this finding is the
    /// respelt one.
    package static func holds(_ query: String, _ listed: String) -> Bool {
        holds(NameForm(query, .plain), NameForm(listed, .plain))
    }

    /// The same for two forms, with their `WordEnds` worked out once.
    static func holds(_ query: NameForm, _ listed: NameForm) -> Bool {
        let queryEnds = query.wordEnds, listedEnds = listed.wordEnds
        guard queryEnds.words > listedEnds.words, listedEnds.mask & ~queryEnds.mask == 0, NameScorer.containable(listed.text) else {
            return false
        }
        return holdsWordByWord(query.text, listed.text)
    }

    private static func holdsWordByWord(_ query: String, _ listed: String) -> Bool {
        let queryWords = query.split(separator: " ").map { Array($0.unicodeScalars.map(\.value)) }
        let listedWords = listed.split(separator: " ").map { Array($0.unicodeScalars.map(\.value)) }
        guard queryWords.count > listedWords.count, !listedWords.isEmpty else { return false }
        let queryClasses = queryWords.map(wordClass)
        // Which case words may stand for each listed word.
        var options: [[Int]] = []
        for word in listedWords {
            let wanted = wordClass(word)
            let found = queryWords.indices.filter {
                queryClasses[$0] == wanted && (queryWords[$0] == word || respells(queryWords[$0], word))
            }
            guard !found.isEmpty else { return false }
            options.append(found)
        }
        return eachTakesItsOwn(options, among: queryWords.count)
    }

    /// Whether every listed word can take a case word of its own among its
    /// options: a bipartite matching, grown one listed word at a time along
    /// augmenting paths (Kuhn). Polynomial in the words, where trying every
    /// assignment in turn took factorial time on a name of many equal
    /// words that one case word too few could not hold.
    static func eachTakesItsOwn(_ options: [[Int]], among caseWords: Int) -> Bool {
        var holder = [Int](repeating: -1, count: caseWords)
        func place(_ listedWord: Int, _ visited: inout [Bool]) -> Bool {
            for j in options[listedWord] where !visited[j] {
                visited[j] = true
                if holder[j] < 0 || place(holder[j], &visited) {
                    holder[j] = listedWord
                    return true
                }
            }
            return false
        }
        for listedWord in options.indices {
            var visited = [Bool](repeating: false, count: caseWords)
            if !place(listedWord, &visited) { return false }
        }
        return true
    }

    /// A text's words counted, and one bit per word for its first byte and
    /// the last byte of its last letter (`lastLetter`), mixed into 0 ..< 64:
    /// read from the bytes, with no string or array made. Words that stand
    /// for each other share their first scalar (their class begins with it)
    /// and their last letter, hence those bytes; so a listed form whose
    /// bits are not all the case form's is not held, and most pairs a case
    /// name meets end there. Splitting both names of every pair, as the
    /// scan scores every pair, cost a tenth of scoring it.
    struct WordEnds: Sendable {
        var mask: UInt64 = 0
        var words = 0

        init(_ text: String) {
            var first: UInt8?
            var last: UInt8 = 0, beforeLast: UInt8 = 0, length = 0
            func close() {
                guard let first else { return }
                let letter = last == 0x68 && length > 1 ? beforeLast : last
                mask |= 1 << (UInt64(first &* 31 &+ letter) & 63)
                words += 1
            }
            for byte in text.utf8 {
                if byte == 0x20 {
                    close()
                    first = nil
                    length = 0
                } else {
                    if first == nil { first = byte }
                    beforeLast = last
                    last = byte
                    length += 1
                }
            }
            close()
        }
    }

    /// Whether case word `a` is a respelling of listed word `b` (same class
    /// already known): a respelling changes letters within a word, not how
    /// it ends (a final h aside). An ending is grammar: `khalid` with the
    /// Arabic nisba ending is the family and company name `khalidi`, and
    /// `wagners` is a plural or a possessive.
    static func respells(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        guard a.count >= shortestRespeltWord, b.count >= shortestRespeltWord, lastLetter(a) == lastLetter(b) else { return false }
        let score = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in JaroWinkler.score(a, b) } }
        return score >= closeSpelling
    }

    /// A word's last scalar, or the one before a last `h`.
    private static func lastLetter(_ word: [UInt32]) -> UInt32? {
        word.count > 1 && word.last == 0x68 ? word[word.count - 2] : word.last
    }

    /// A word's first scalar, then its other scalars that are not Latin
    /// vowels with a run of one scalar written once, and without a last
    /// `h` after another letter (romanisations of Arabic write or leave out
    /// a final h: `hizballah`, `hizballa`). A run of `rn`, the skeleton of
    /// `m`, is written once too: the skeleton of a doubled m (`Наmmas` with
    /// Cyrillic Н, `harnrnas`) is a respelling of one (`harnas`). Equal
    /// words have equal classes.
    package static func wordClass(_ word: [UInt32]) -> [UInt32] {
        guard let first = word.first else { return [] }
        var out: [UInt32] = [first]
        var previous = first
        for scalar in word.dropFirst() where !TokenAlignment.isVowel(scalar) && scalar != previous {
            out.append(scalar)
            previous = scalar
            if out.count >= 4, out[out.count - 4 ..< out.count].elementsEqual([0x72, 0x6E, 0x72, 0x6E]) { out.removeLast(2) }
        }
        if out.count > 1, out.last == 0x68 { out.removeLast() }
        return out
    }
}
