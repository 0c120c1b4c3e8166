/// Generated designation-list names for the screening benchmark: persons and
/// organisations in the proportions of the OFAC SDN list, mostly Latin with
/// some Cyrillic, Arabic and Han script, aliases that are spelling variants,
/// and the skew of real lists (a few given names are very common).
/// Deterministic for a seed.
///
/// Words come from vocabularies that grow as names are drawn, as those of
/// real lists do. Drawing from fixed pools of 49 given and 44 family names
/// instead made the same few thousand full names recur ever more often: a
/// query's matches at θ 0.92 grew from 1.8 at 10,000 names to 118 at
/// 1,000,000. The vocabularies' two parameters were chosen by that figure
/// against real names: 10,000 and all 56,941 distinct names of the OFAC, EU,
/// UN and UK lists (2022) give 1.0 and 2.1 matches a query, these lists 1.1
/// and 2.3 (one run, side by side); a larger discount grew too little (0.8
/// and 0.9 at 0.6), a smaller strength far too much.
struct BenchNames {
    private var state: UInt64
    private var givenWords = GrowingVocabulary(first: BenchNames.given)
    private var familyWords = GrowingVocabulary(first: BenchNames.family)
    private var organisationVocabulary = GrowingVocabulary(first: BenchNames.organisationWords)

    init(seed: UInt64) { state = seed }

    /// A Pitman–Yor draw of words: a new word with probability
    /// (strength + discount·K) / (strength + n) after n draws of K distinct
    /// words (the listed ones first, then invented ones), otherwise a word
    /// already drawn, in proportion to how often it was. The number of
    /// distinct words then grows about as n^discount, and a few are common.
    struct GrowingVocabulary {
        static let discount = 0.3
        static let strength = 20.0
        let first: [String]
        var words: [String] = []
        var drawn: [Int32] = []

        init(first: [String]) { self.first = first }

        mutating func draw(_ names: inout BenchNames) -> String {
            let n = Double(drawn.count), k = Double(words.count)
            let fresh = Double(names.below(1 << 30)) / Double(1 << 30) < (Self.strength + Self.discount * k) / (Self.strength + n)
            let word: Int
            if fresh || drawn.isEmpty {
                word = words.count
                words.append(words.count < first.count ? first[words.count] : names.invented())
            } else {
                word = Int(drawn[names.below(drawn.count)])
            }
            drawn.append(Int32(truncatingIfNeeded: word))
            return words[word]
        }
    }

    /// A word from one of the vocabularies, taken out while it draws so that
    /// its arrays are not copied.
    private mutating func draw(from vocabulary: WritableKeyPath<BenchNames, GrowingVocabulary>) -> String {
        var drawing = self[keyPath: vocabulary]
        self[keyPath: vocabulary] = GrowingVocabulary(first: [])
        defer { self[keyPath: vocabulary] = drawing }
        return drawing.draw(&self)
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let given = [
        "mohammed", "ali", "ahmed", "abdul", "hassan", "hussein", "omar", "ibrahim", "yusuf", "khalid", "mahmoud", "mustafa",
        "abdullah", "said", "salem", "nasser", "john", "james", "maria", "anna", "elena", "ivan", "sergei", "vladimir",
        "dmitri", "olga", "viktor", "li", "wei", "zhang", "kim", "jose", "juan", "carlos", "luis", "pedro", "fatima",
        "aisha", "amir", "reza", "hamid", "jamal", "tariq", "bashir", "faisal", "karim", "rashid", "samir", "walid",
    ]
    static let family = [
        "al rashid", "haqqani", "khan", "rahman", "hussain", "qureshi", "shah", "petrov", "ivanov", "smirnov", "kuznetsov",
        "popov", "sokolov", "novak", "garcia", "rodriguez", "martinez", "lopez", "gonzalez", "wang", "chen", "liu", "yang",
        "park", "lee", "nguyen", "tran", "ozturk", "yilmaz", "kaya", "demir", "al masri", "al zawahiri", "bin laden",
        "mansour", "haddad", "khoury", "nasrallah", "abbas", "suleiman", "hashemi", "tehrani", "karimi", "ahmadi",
    ]
    static let organisationWords = [
        "trading", "company", "international", "group", "holding", "shipping", "bank", "investment", "industries",
        "general", "national", "foundation", "charity", "islamic", "front", "brigade", "army", "movement", "export",
        "import", "petroleum", "oil", "gas", "steel", "aviation", "air", "maritime", "logistics", "services", "technology",
        "energy", "development", "commercial", "united", "eastern", "global", "star", "golden", "new", "union",
    ]
    static let syllables = [
        "ka", "ri", "ma", "an", "el", "to", "su", "na", "ba", "ya", "ze", "ro", "li", "ha", "mo", "de", "ni", "sha", "kha",
        "zar", "bek", "ov", "in", "ur", "al", "ek", "is", "or", "gu", "vi", "te", "lo", "pa", "ji", "qu", "wa", "xe",
    ]
    static let legalForms = ["llc", "ltd", "co", "sa", "gmbh", "inc", "jsc", "ooo"]
    static let cyrillic: [Character: String] = [
        "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "k": "к", "l": "л", "m": "м",
        "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "y": "ы", "j": "й",
        "c": "ц", "w": "в", "q": "к", "x": "кс", " ": " ",
    ]
    static let arabic: [Character: String] = [
        "a": "ا", "b": "ب", "t": "ت", "j": "ج", "h": "ح", "d": "د", "r": "ر", "z": "ز", "s": "س", "f": "ف", "q": "ق",
        "k": "ك", "l": "ل", "m": "م", "n": "ن", "w": "و", "y": "ي", "i": "ي", "u": "و", " ": " ",
    ]
    static let han = Array("王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈")

    mutating func invented() -> String {
        (0 ..< 2 + below(3)).map { _ in pick(Self.syllables) }.joined()
    }

    /// One name in Latin letters.
    mutating func latinName() -> String {
        if chance(60) {
            var parts = [draw(from: \.givenWords)]
            if chance(35) { parts.append(draw(from: \.givenWords)) }
            parts.append(draw(from: \.familyWords))
            return parts.joined(separator: " ")
        }
        var parts = (0 ..< 1 + below(3)).map { _ in draw(from: \.organisationVocabulary) }
        parts.insert(invented(), at: below(parts.count + 1))
        if chance(40) { parts.append(pick(Self.legalForms)) }
        return parts.joined(separator: " ")
    }

    /// A name as a list prints it: mostly Latin, some in other scripts.
    mutating func name() -> String {
        let latin = latinName()
        switch below(100) {
        case 0 ..< 6: return String(latin.compactMap { Self.cyrillic[$0] }.joined())
        case 6 ..< 10: return String(latin.compactMap { Self.arabic[$0] }.joined())
        case 10 ..< 12: return String((0 ..< 2 + below(3)).map { _ in pick(Self.han) })
        default: return below(4) == 0 ? latin.uppercased() : latin.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
    }

    /// A spelling variant: the kind of edit screening should see through.
    mutating func variant(of text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard scalars.count > 2 else { return text + "a" }
        let at = below(scalars.count - 1)
        switch below(5) {
        case 0: scalars.remove(at: at)
        case 1: scalars.insert(pick(Array("aeiouhy".unicodeScalars)), at: at)
        case 2: scalars.swapAt(at, at + 1)
        case 3: scalars[at] = pick(Array("aeiouksz".unicodeScalars))
        default:
            let tokens = text.split(separator: " ")
            if tokens.count > 1 { return (tokens.dropFirst() + [tokens[0]]).joined(separator: " ") }
            scalars.remove(at: at)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Entries holding `count` names in all (primary names and aliases).
    mutating func entries(names count: Int) -> [(name: String, aliases: [String])] {
        var out: [(name: String, aliases: [String])] = []
        var made = 0
        while made < count {
            let primary = name()
            let aliasCount = min(count - made - 1, [0, 0, 1, 1, 2, 3][below(6)])
            let aliases = (0 ..< max(0, aliasCount)).map { _ in chance(60) ? variant(of: primary) : name() }
            out.append((primary, aliases))
            made += 1 + aliases.count
        }
        return out
    }
}
