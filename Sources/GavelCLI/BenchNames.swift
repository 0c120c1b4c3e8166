/// Generated designation-list names for the screening benchmark: persons and
/// organisations in the proportions of the OFAC SDN list, mostly Latin with
/// some Cyrillic, Arabic and Han script, aliases that are spelling variants,
/// and the skew of real lists (a few given names are very common).
/// Deterministic for a seed.
struct BenchNames {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

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
    /// Skewed towards the front of `items` (roughly Zipf): common names are common.
    mutating func pickSkewed<T>(_ items: [T]) -> T { items[min(items.count - 1, below(items.count) * below(items.count) / items.count)] }

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
            var parts = [pickSkewed(Self.given)]
            if chance(35) { parts.append(chance(50) ? pickSkewed(Self.given) : invented()) }
            parts.append(chance(60) ? pickSkewed(Self.family) : invented())
            return parts.joined(separator: " ")
        }
        var parts = (0 ..< 1 + below(3)).map { _ in chance(50) ? pick(Self.organisationWords) : invented() }
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
