import Testing

@testable import GavelEngine

/// Word-by-word comparison (`TokenAlignment`): the aligned score, the caps on
/// the whole-text score, and the words that need no counterpart. The names
/// are normalised forms, as the scorer sees them.
@Suite("Token alignment")
struct TokenAlignmentTests {
    struct Aligned: Sendable, CustomStringConvertible {
        let query: String
        let listed: String
        let score: Double?
        var description: String { "\(query) ~ \(listed)" }
    }

    static let aligned: [Aligned] = [
        // A listed word left out: 1 − 0.04.
        Aligned(query: "reyes luis", listed: "reyes enriquez luis", score: 0.96),
        // Two left out is the most: 1 − 0.08; three are too many.
        Aligned(query: "reyes luis", listed: "reyes enriquez gomez luis", score: 0.92),
        Aligned(query: "reyes luis", listed: "reyes enriquez gomez ruiz luis", score: nil),
        // An initial, a name cut short, vowels left out: 0.03 per kind, once however many words use it.
        Aligned(query: "k german borisovich", listed: "khan german borisovich", score: 0.97),
        Aligned(query: "kanokov arsen bashi", listed: "kanokov arsen bashirovich", score: 0.97),
        Aligned(query: "lvrv mra alksndrvna", listed: "lavrova maria aleksandrovna", score: 0.97),
        // Fewer than half the words agreeing in key (here one of three) is too little.
        Aligned(query: "k g borisovich", listed: "khan german borisovich", score: nil),
        // Kinds add up, and a close spelling costs 1 − its Jaro–Winkler score.
        Aligned(query: "khan german v bor", listed: "khan german viktor borisovich", score: 0.94),
        Aligned(query: "zambada modesta", listed: "zambada niebla modesta", score: 0.96),
        // A title in either name needs no counterpart; the ceiling is 0.99.
        Aligned(query: "mr fatemi farhad", listed: "fatemi farhad", score: 0.99),
        Aligned(query: "ismail ahmed", listed: "sheik ahmed ismail yassin", score: 0.96),
        // A word with no counterpart: no alignment.
        Aligned(query: "daher ibrahim castro", listed: "daher ibrahim ali", score: nil),
        Aligned(query: "kalinowski myint", listed: "kalinowski siarhei aliaksiejevich", score: nil),
        // One word is not enough to align on, nor is half the words agreeing only by initials.
        Aligned(query: "reach", listed: "reach shipping lines", score: nil),
        Aligned(query: "k g", listed: "khan german", score: nil),
        // A close spelling must keep the first letter.
        Aligned(query: "chi yupeng", listed: "khi yupeng zhao", score: nil),
    ]

    @Test("aligned scores", arguments: aligned)
    func alignedScores(_ example: Aligned) {
        let score = TokenAlignment.alignedScore(TokenAlignment.Words(example.query), TokenAlignment.Words(example.listed, listed: true))
        #expect(score == example.score)
    }

    struct Capped: Sendable, CustomStringConvertible {
        let query: String
        let listed: String
        let cap: Double
        var description: String { "\(query) ~ \(listed)" }
    }

    static let caps: [Capped] = [
        // A word replaced: below the review band.
        Capped(query: "daher ibrahim castro", listed: "daher ibrahim ali", cap: EvasionScores.substitutedWord),
        Capped(query: "islamic emirate of afghanistan", listed: "islamic emirate of the caucasus", cap: EvasionScores.substitutedWord),
        // Words added: the score of containment.
        Capped(query: "patrushev nikolai beurklian", listed: "patrushev nikolai", cap: EvasionScores.extraWords),
        // Every word accounted for: no cap. Typos and one-letter slips anywhere, a word split in two,
        // a title, a misspelt legal form, and listed words left out.
        Capped(query: "oo mua tun", listed: "oo mya tun", cap: 1.0),
        Capped(query: "aki muhammad", listed: "ali muhammad", cap: 1.0),
        Capped(query: "qasir muha mmad", listed: "qasir muhammad", cap: 1.0),
        Capped(query: "sheikh al saraji hashim", listed: "al saraji hashim", cap: 1.0),
        Capped(query: "sage energy hk limoted", listed: "sage energy hk", cap: 1.0),
        Capped(query: "reyes luis", listed: "reyes enriquez luis", cap: 1.0),
        Capped(query: "vagner", listed: "wagner", cap: 1.0),
    ]

    @Test("caps on the whole-text score", arguments: caps)
    func capsOnWholeText(_ example: Capped) {
        let cap = TokenAlignment.cap(TokenAlignment.Words(example.query), TokenAlignment.Words(example.listed, listed: true))
        #expect((cap?.score ?? 1.0) == example.cap)
    }

    @Test("words that need no counterpart", arguments: [
        ("mr", true), ("sheikh", true), ("col", true), ("limoted", true), ("gnbh", true), ("compny", true), ("corporatoin", true),
        ("socalled", true), ("so", false), ("called", false),
        ("general", false), ("al", false), ("ali", false), ("media", false), ("co", false), ("x", false), ("core", false),
        ("carl", false), ("llk", false),
    ])
    func ignorable(_ word: String, _ expected: Bool) {
        #expect(TokenAlignment.isIgnorable(word.unicodeScalars.map(\.value)) == expected)
    }

    @Test("one edit: insertion, deletion, substitution, neighbours swapped; not two")
    func oneEdit() {
        func within(_ a: String, _ b: String) -> Bool {
            TokenAlignment.withinOneEdit(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
        }
        #expect(within("ali", "ali"))
        #expect(within("ali", "aki"))
        #expect(within("ali", "al"))
        #expect(within("al", "ali"))
        #expect(within("lmiited", "limited"))
        #expect(!within("lmiitde", "limited"))
        #expect(!within("ali", "ila"))
        #expect(!within("abc", "a"))
    }

    @Test("a word and the word without some vowels share a key; other words do not")
    func keys() {
        func key(_ word: String) -> UInt64 { TokenAlignment.key(word.unicodeScalars.map(\.value)) }
        #expect(key("modesta") == key("mdsta"))
        #expect(key("modesta") == key("moddesta"))
        #expect(key("aleksandrovna") == key("alksndrvna"))
        #expect(key("modesta") != key("odesta"))
        #expect(key("modesta") != key("mdstb"))
    }

    /// The index's proof (`NameIndex.collectAligned`) needs every alignment
    /// to have a key-equal word among any ⌊T/2⌋ + 1 of the case's words,
    /// and a listed name to be posted under (key, first scalar of another word).
    @Test("an aligned pair shares one of the looked-up keys with the listed name's postings", arguments: aligned.filter { $0.score != nil })
    func lookupsMeetPostings(_ example: Aligned) {
        let query = TokenAlignment.Words(example.query), listed = TokenAlignment.Words(example.listed, listed: true)
        let posted = Set(TokenAlignment.postingKeys(listed))
        let lookups = TokenAlignment.lookupKeys(query)
        let hits = lookups.filter { word in word.contains { posted.contains($0) } }.count
        #expect(hits * 2 >= query.wordCount, "\(hits) of \(query.wordCount) words meet a posting")
    }

    /// The second way the index finds aligned names (`NameIndex.collectAligned`):
    /// a case name of three words or more that aligns with a listed name
    /// looks up a key pair that name is posted under. Generated pairs: the
    /// listed words shuffled, some cut to an initial or stripped of vowels,
    /// a word dropped or one added.
    @Test("a case name of three words or more that aligns looks up one of the listed name's key pairs")
    func keyPairsMeetPostings() {
        var random = SeededRandom(seed: 31)
        var checked = 0
        for _ in 0 ..< 3_000 {
            let listedWords = (0 ..< random.int(in: 2 ... 7)).map { _ in NameGenerator.word(&random).lowercased() }
            var queryWords = listedWords.map { word -> String in
                switch random.int(in: 0 ... 5) {
                case 0: return String(word.prefix(1))
                case 1: return String(word.prefix(1)) + word.dropFirst().filter { !"aeiou".contains($0) }
                default: return word
                }
            }
            if random.chance(30), queryWords.count > 1 { queryWords.remove(at: random.int(in: 0 ... queryWords.count - 1)) }
            if random.chance(20) { queryWords.append(NameGenerator.word(&random).lowercased()) }
            queryWords.shuffle(using: &random)
            let query = TokenAlignment.Words(queryWords.joined(separator: " "))
            let listed = TokenAlignment.Words(listedWords.joined(separator: " "), listed: true)
            guard query.wordCount >= 3, TokenAlignment.alignedScore(query, listed) != nil else { continue }
            checked += 1
            let posted = Set(TokenAlignment.postingKeys(listed))
            #expect(TokenAlignment.keyPairLookups(query).contains { posted.contains($0) }, "\(queryWords) ~ \(listedWords)")
        }
        #expect(checked > 200, "only \(checked) aligned pairs of three words or more")
    }

    @Test("key pair lookups: ⌈T/2⌉ − 1 groups, every two words of a group, none below three words")
    func keyPairGroups() {
        func words(_ text: String) -> TokenAlignment.Words { TokenAlignment.Words(text) }
        #expect(TokenAlignment.keyPairLookups(words("omar hussain")).isEmpty)
        #expect(TokenAlignment.keyPairLookups(words("omar bakr jamal")).count == 3)
        #expect(TokenAlignment.keyPairLookups(words("omar bakr jamal karim")).count == 6)
        // Five words in two groups: {1, 3, 5} and {2, 4}.
        #expect(TokenAlignment.keyPairLookups(words("omar bakr jamal karim tariq")).count == 4)
        // Words of one key give one pair: hassan and hussain are both h-s-n.
        #expect(TokenAlignment.keyPairLookups(words("omar hassan hussain")).count == 2)
        // Keys ignore vowels, and the pair ignores order.
        #expect(TokenAlignment.keyPair(TokenAlignment.key([0x68, 0x73, 0x6E]), 7) == TokenAlignment.keyPair(7, TokenAlignment.key([0x68, 0x61, 0x73, 0x6E])))
    }
}
