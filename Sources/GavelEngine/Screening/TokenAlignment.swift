/// Word-by-word comparison of two normalised names: which words of a case
/// name correspond to which words of a listed name, and what that says.
///
/// Jaro–Winkler on the whole text cannot tell a spelling from a namesake:
/// `DAHER Ibrahim CASTRO` is as close to `DAHER, Ibrahim Ali` as a typo is,
/// and `K. German Borisovich` is as far from `KHAN, German Borisovich` as a
/// stranger. Aligning the words answers both (docs/screening.md, "Words"):
///
/// - **aligned** (a method of its own): every word of the case name is a
///   word of the listed name, its initial, its first letters (a name cut
///   short), the word without some vowels, or a close spelling of it with
///   the same first letter; at most two listed words are left out (titles
///   aside), and at least half the case's words agree in `key`. Each kind
///   of shortening costs `kindCost` once, each close spelling 1 − its
///   Jaro–Winkler score, each left-out listed word `droppedWordCost`.
/// - **caps on the whole-text score** (`fuzzy`, `variant`): when the case
///   name has a word that corresponds to no listed word, the texts are not
///   spellings of one name. If the listed name also has a word left over,
///   a word was replaced (a different given name: `substitutedWord`, below
///   the review band); if not, words were added (`extraWords`, the score of
///   containment).
///
/// Titles (`Mr`, `Sheikh`, `Col`) and misspelt legal forms (`Limoted`) in
/// the case name are words that need no counterpart.
package enum TokenAlignment {
    /// A name taken apart into words (split at U+0020), with what the
    /// alignment asks of each word.
    package struct Words: Sendable, Equatable {
        /// The tokens, each a slice of one array (a name's words cost two allocations, not one each).
        let tokens: Tokens
        /// Per token: a title or a misspelt legal form, which needs no counterpart.
        let ignorable: [Bool]
        /// Per token: `key`.
        let keys: [UInt64]
        /// The tokens that need a counterpart.
        let wordCount: Int
        /// Bit (first scalar mod 64) of every token that needs a counterpart.
        let initials: UInt64
        /// Whether a token that needs a counterpart has two scalars or more.
        /// A case name of initials alone (`H M`, from `H&M`) aligns with no
        /// listed name: initials meeting initials and first letters say
        /// nothing of who is named (`H&M` met `Raed M. Hijazi` at 0.93).
        let spellsAWord: Bool

        /// `listed`: a listed name's words, where only a title needs no
        /// counterpart (its legal forms are already gone, SPEC §1.6).
        package init(_ text: String, listed: Bool = false) {
            self.init(scalars: text.unicodeScalars.lazy.map(\.value), listed: listed)
        }

        /// The same from the text's scalars (as the index keeps them).
        init<S: Sequence>(scalars: S, listed: Bool = false) where S.Element == UInt32 {
            var scratch = Scratch()
            scratch.load(scalars)
            self = scratch.words(listed: listed)
        }

        /// Every field as `Scratch.words(listed:)` works it out.
        fileprivate init(
            _ tokens: Tokens, ignorable: [Bool], keys: [UInt64], wordCount: Int, initials: UInt64, spellsAWord: Bool
        ) {
            self.tokens = tokens
            self.ignorable = ignorable
            self.keys = keys
            self.wordCount = wordCount
            self.initials = initials
            self.spellsAWord = spellsAWord
        }
    }

    /// A name's tokens: one array of scalars and where each token starts.
    struct Tokens: RandomAccessCollection, Sendable, Equatable {
        let scalars: [UInt32]
        /// Token i is `scalars[starts[i] ..< starts[i + 1]]`.
        let starts: [Int]
        var startIndex: Int { 0 }
        var endIndex: Int { starts.count - 1 }
        subscript(position: Int) -> ArraySlice<UInt32> { scalars[starts[position] ..< starts[position + 1]] }

        /// Token `position` within `buffer`, the scalars' buffer (`scalars.withUnsafeBufferPointer`).
        func token(_ position: Int, in buffer: UnsafeBufferPointer<UInt32>) -> UnsafeBufferPointer<UInt32> {
            UnsafeBufferPointer(rebasing: buffer[starts[position] ..< starts[position + 1]])
        }
    }

    // MARK: scores

    /// The most an alignment scores: below 1.0, so a rule that needs 1.0 never acts on it.
    package static let ceiling = 0.99
    /// What each kind of shortening (initial, cut short, vowels left out) costs, once however many words use it.
    package static let kindCost = 0.03
    /// What each listed word the case name leaves out costs.
    package static let droppedWordCost = 0.04
    /// At most this many listed words may be left out.
    package static let mostDroppedWords = 2
    /// Two words are close spellings at this Jaro–Winkler score or above.
    package static let closeSpelling = 0.80
    /// Listed names of more words are not aligned (their keys would be too many).
    package static let mostListedWords = 12

    /// The alignment's score of case name `query` against listed name
    /// `listed`, rounded; nil when the alignment does not hold (see the type).
    package static func alignedScore(_ query: Words, _ listed: Words) -> Double? {
        var alignment = Alignment()
        return alignedScore(query, listed, alignment: &alignment)
    }

    /// The same, matching in `alignment`'s buffers.
    static func alignedScore(_ query: Words, _ listed: Words, alignment: inout Alignment) -> Double? {
        guard query.spellsAWord, mayAlign(query, listed) else { return nil }
        match(query, listed, strict: true, into: &alignment)
        var keyMatched = 0
        for i in query.tokens.indices where !query.ignorable[i] {
            let j = alignment.partner[i]
            guard j >= 0 else { return nil }
            if query.keys[i] == listed.keys[j] { keyMatched += 1 }
        }
        guard keyMatched * 2 >= query.wordCount else { return nil }
        let dropped = alignment.unmatchedListed(listed)
        guard dropped <= mostDroppedWords else { return nil }
        var cost = Double(dropped) * droppedWordCost + alignment.spellingCost
        cost += Double(alignment.kinds.nonzeroBitCount) * kindCost
        let score = Screener.rounded(min(ceiling, 1.0 - cost))
        return score > 0 ? score : nil
    }

    /// `alignedScore` of case name `query` against a listed text given by
    /// its scalars, with the cheap necessary conditions tried first: the
    /// text's token count and initials (`mayAlign`), then, once its words
    /// are loaded into `scratch`, a counterpart for every word
    /// (`everyWordMayAlign`). The scorer and the index both align this way,
    /// so the index finds exactly what the scorer scores.
    static func alignedScore<S: Sequence>(_ query: Words, listed text: S, scratch: inout Scratch) -> Double?
    where S.Element: FixedWidthInteger {
        guard query.spellsAWord else { return nil }
        let outline = outline(scalars: text)
        guard mayAlign(query, listedTokens: outline.tokens, listedInitials: outline.initials) else { return nil }
        scratch.load(text)
        guard everyWordMayAlign(query, scratch) else { return nil }
        return alignedScore(query, scratch.words(listed: true), alignment: &scratch.alignment)
    }

    /// The same for a listed form, read by its UTF-8 bytes when it is ASCII (each byte a scalar).
    static func alignedScore(_ query: Words, listed form: NameForm, scratch: inout Scratch) -> Double? {
        form.isASCII
            ? alignedScore(query, listed: form.text.utf8, scratch: &scratch)
            : alignedScore(query, listed: form.text.unicodeScalars.lazy.map(\.value), scratch: &scratch)
    }

    /// Whether `alignedScore` can hold at all, from counts and first letters alone.
    static func mayAlign(_ query: Words, _ listed: Words) -> Bool {
        mayAlign(query, listedTokens: listed.tokens.count, listedInitials: listed.tokens.reduce(0) { $0 | initialBit($1) })
    }

    /// `mayAlign` from a listed text's token count and initials (`outline`), before its words are taken apart.
    static func mayAlign(_ query: Words, listedTokens: Int, listedInitials: UInt64) -> Bool {
        query.wordCount >= 2 && listedTokens >= 2 && listedTokens <= mostListedWords && query.initials & ~listedInitials == 0
    }

    /// Whether each word of the case name that needs a counterpart has a
    /// listed token that can stand for it under `alignedScore`'s rules (a
    /// necessary condition, tried before the listed name's words are taken
    /// apart). `listed` holds the listed text's scalars.
    static func everyWordMayAlign(_ query: Words, _ listed: Scratch) -> Bool {
        let tokens = listed.tokens
        return query.tokens.scalars.withUnsafeBufferPointer { q in
            tokens.scalars.withUnsafeBufferPointer { l in
                for i in query.tokens.indices where !query.ignorable[i] {
                    let a = query.tokens.token(i, in: q)
                    var found = false
                    for j in tokens.indices {
                        let b = tokens.token(j, in: l)
                        if b.first == a.first, explain(a, b, strict: true) != nil {
                            found = true
                            break
                        }
                    }
                    if !found { return false }
                }
                return true
            }
        }
    }

    /// A listed text's scalars and where its tokens start, in buffers kept between names.
    struct Scratch {
        var scalars: [UInt32] = []
        var starts: [Int] = []
        /// Per token of what was loaded, for `words(listed:)`.
        private var ignorable: [Bool] = []
        private var keys: [UInt64] = []
        /// `match`'s buffers.
        var alignment = Alignment()

        /// The words of the text loaded last, as `Words(_:listed:)` takes
        /// them apart (`listed`: only a title needs no counterpart), worked
        /// out in buffers kept between names: at 1,000,000 names a common
        /// name is compared word by word with tens of thousands of listed
        /// names, and the two arrays each allocated were most of the cost.
        /// Valid until the next `load`.
        mutating func words(listed: Bool) -> Words {
            ignorable.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            var count = 0
            var initials: UInt64 = 0
            var spellsAWord = false
            let scalars = self.scalars, starts = self.starts
            scalars.withUnsafeBufferPointer { all in
                TokenAlignment.packedTitles.withUnsafeBufferPointer { titles in
                    for t in 0 ..< starts.count - 1 {
                        let token = UnsafeBufferPointer(rebasing: all[starts[t] ..< starts[t + 1]])
                        let ignored = listed
                            ? TokenAlignment.isTitle(token, among: titles) : TokenAlignment.isIgnorable(token, titles: titles)
                        ignorable.append(ignored)
                        keys.append(TokenAlignment.key(token))
                        guard !ignored else { continue }
                        count += 1
                        initials |= TokenAlignment.initialBit(token)
                        if token.count >= 2 { spellsAWord = true }
                    }
                }
            }
            return Words(
                Tokens(scalars: scalars, starts: starts), ignorable: ignorable, keys: keys, wordCount: count, initials: initials,
                spellsAWord: spellsAWord)
        }

        /// What was loaded, as tokens (sharing the buffers until the next load).
        var tokens: Tokens { Tokens(scalars: scalars, starts: starts) }

        /// A listed form's text: by its UTF-8 bytes when it is ASCII (each byte a scalar), which reads faster.
        mutating func load(_ form: NameForm) {
            if form.isASCII { load(form.text.utf8) } else { load(form.text.unicodeScalars.lazy.map(\.value)) }
        }

        mutating func load<S: Sequence>(_ text: S) where S.Element: FixedWidthInteger {
            scalars.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            starts.append(0)
            for scalar in text {
                if scalar == 0x20 {
                    if scalars.count > starts[starts.count - 1] { starts.append(scalars.count) }
                } else {
                    scalars.append(UInt32(truncatingIfNeeded: scalar))
                }
            }
            if scalars.count > starts[starts.count - 1] { starts.append(scalars.count) }
        }
    }

    /// A text's token count and the bits of its tokens' first scalars, in one pass.
    static func outline<S: Sequence>(scalars: S) -> (tokens: Int, initials: UInt64) where S.Element: FixedWidthInteger {
        var tokens = 0
        var initials: UInt64 = 0
        var atStart = true
        for scalar in scalars {
            if scalar == 0x20 {
                atStart = true
            } else if atStart {
                tokens += 1
                initials |= 1 << UInt64(UInt32(truncatingIfNeeded: scalar) & 63)
                atStart = false
            }
        }
        return (tokens, initials)
    }

    /// Why the words cap a whole-text score, and at what.
    package enum Cap: String, Sendable {
        case wordReplaced = "a word replaced"
        case wordsAdded = "words added"

        package var score: Double { self == .wordReplaced ? EvasionScores.substitutedWord : EvasionScores.extraWords }
    }

    /// The cap on a whole-text score of `query` against `listed`: none when
    /// every word of the case name that needs one has a counterpart;
    /// `wordsAdded` when words were added; `wordReplaced` when a word was replaced.
    package static func cap(_ query: Words, _ listed: Words) -> Cap? {
        var alignment = Alignment()
        return cap(query, listed, alignment: &alignment)
    }

    /// The same, matching in `alignment`'s buffers.
    static func cap(_ query: Words, _ listed: Words, alignment: inout Alignment) -> Cap? {
        match(query, listed, strict: false, into: &alignment)
        let unexplained = query.tokens.indices.contains { !query.ignorable[$0] && alignment.partner[$0] < 0 }
        guard unexplained else { return nil }
        return alignment.unmatchedListed(listed) > 0 ? .wordReplaced : .wordsAdded
    }

    // MARK: matching

    /// The outcome of `match`, in buffers kept between calls (in `Scratch`):
    /// at 1,000,000 names a common name is aligned with tens of thousands of
    /// listed names, and the three arrays each call allocated were a third
    /// of its time.
    struct Alignment {
        /// Per case token: the listed token it corresponds to, or −1.
        fileprivate(set) var partner: [Int] = []
        /// Per listed token: whether a case token corresponds to it.
        fileprivate(set) var listedTaken: [Bool] = []
        /// Bits of the shortening kinds used.
        fileprivate(set) var kinds: UInt8 = 0
        /// Σ (1 − Jaro–Winkler) over close spellings.
        fileprivate(set) var spellingCost = 0.0
        /// Every way a case token may stand for a listed token, before the greedy choice.
        fileprivate var options: [Option] = []

        /// The listed tokens without a counterpart, titles aside.
        func unmatchedListed(_ listed: Words) -> Int {
            listed.tokens.indices.reduce(0) { $0 + (listedTaken[$1] || listed.ignorable[$1] ? 0 : 1) }
        }
    }

    /// One way a case token may stand for a listed token: with the next case
    /// token, for `joined`; with the next case token for the next listed
    /// one, for `spaceMoved`; for the `listedTokens` listed tokens from `j`
    /// on, for `runTogether`.
    fileprivate struct Option {
        var cost: Double
        var keyEqual: Bool
        var i: Int
        var j: Int
        var kind: Kind
        var listedTokens = 1
    }

    enum Kind: UInt8 { case equal, initial, cutShort, vowelsLeftOut, spelling, oneEdit, joined, runTogether, spaceMoved }

    struct Explanation {
        var kind: Kind
        var cost: Double
    }

    /// Matches case tokens to listed tokens one to one, cheapest
    /// explanation first (ties: key-equal first, then by position), greedily.
    /// `strict`: the explanations of `alignedScore`, which keep the first
    /// letter; otherwise also one edit anywhere, a close spelling with
    /// another first letter, and two case tokens that together make one
    /// listed token (`Muha mmad`).
    static func match(_ query: Words, _ listed: Words, strict: Bool, into alignment: inout Alignment) {
        alignment.options.removeAll(keepingCapacity: true)
        query.tokens.scalars.withUnsafeBufferPointer { q in
            listed.tokens.scalars.withUnsafeBufferPointer { l in
                for i in query.tokens.indices {
                    let a = query.tokens.token(i, in: q)
                    for j in listed.tokens.indices {
                        if let found = explain(a, listed.tokens.token(j, in: l), strict: strict) {
                            alignment.options.append(
                                Option(cost: found.cost, keyEqual: query.keys[i] == listed.keys[j], i: i, j: j, kind: found.kind))
                        }
                    }
                }
                guard !strict else { return }
                for i in query.tokens.indices.dropLast() {
                    let first = query.tokens.token(i, in: q), second = query.tokens.token(i + 1, in: q)
                    for j in listed.tokens.indices {
                        let b = listed.tokens.token(j, in: l)
                        if b.count == first.count + second.count, b.prefix(first.count).elementsEqual(first),
                            b.suffix(second.count).elementsEqual(second)
                        {
                            alignment.options.append(Option(cost: 0, keyEqual: false, i: i, j: j, kind: .joined))
                        }
                    }
                }
                // Two case tokens that are two listed tokens with the space between them moved
                // (`liberationo f`, `lashka ri`): the same letters in the same order.
                for i in query.tokens.indices.dropLast() {
                    let first = query.tokens.token(i, in: q), second = query.tokens.token(i + 1, in: q)
                    for j in listed.tokens.indices.dropLast() {
                        let b = listed.tokens.token(j, in: l), c = listed.tokens.token(j + 1, in: l)
                        guard first.count != b.count, first.count + second.count == b.count + c.count else { continue }
                        let letters = { (index: Int) -> UInt32 in index < b.count ? b[index] : c[index - b.count] }
                        if (0 ..< first.count).allSatisfy({ first[$0] == letters($0) }),
                            (0 ..< second.count).allSatisfy({ second[$0] == letters(first.count + $0) })
                        {
                            alignment.options.append(Option(cost: 1.0 - closeSpelling, keyEqual: false, i: i, j: j, kind: .spaceMoved))
                        }
                    }
                }
                // And one case token that is two listed tokens or more run together, in their order
                // (`NewIrishRepublicanArmy`, `BokoHaram`): the spaces were left out, not a word replaced.
                for i in query.tokens.indices {
                    let a = query.tokens.token(i, in: q)
                    for j in listed.tokens.indices.dropLast() {
                        var at = 0, next = j
                        while next < listed.tokens.count {
                            let b = listed.tokens.token(next, in: l)
                            guard at + b.count <= a.count, a[at ..< at + b.count].elementsEqual(b) else { break }
                            at += b.count
                            next += 1
                            if at == a.count { break }
                        }
                        if at == a.count, next - j >= 2 {
                            alignment.options.append(Option(cost: 0, keyEqual: false, i: i, j: j, kind: .runTogether, listedTokens: next - j))
                        }
                    }
                }
            }
        }
        alignment.options.sort { x, y in
            if x.cost != y.cost { return x.cost < y.cost }
            if x.keyEqual != y.keyEqual { return x.keyEqual }
            return (x.i, x.j, x.kind.rawValue) < (y.i, y.j, y.kind.rawValue)
        }
        alignment.partner.removeAll(keepingCapacity: true)
        for _ in query.tokens.indices { alignment.partner.append(-1) }
        alignment.listedTaken.removeAll(keepingCapacity: true)
        for _ in listed.tokens.indices { alignment.listedTaken.append(false) }
        alignment.kinds = 0
        alignment.spellingCost = 0
        for option in alignment.options where !alignment.listedTaken[option.j] && alignment.partner[option.i] < 0 {
            if option.kind == .joined {
                guard alignment.partner[option.i + 1] < 0 else { continue }
                alignment.partner[option.i + 1] = option.j
            }
            if option.kind == .spaceMoved {
                guard alignment.partner[option.i + 1] < 0, !alignment.listedTaken[option.j + 1] else { continue }
                alignment.partner[option.i + 1] = option.j + 1
                alignment.listedTaken[option.j + 1] = true
            }
            if option.kind == .runTogether {
                let others = option.j + 1 ..< option.j + option.listedTokens
                guard !others.contains(where: { alignment.listedTaken[$0] }) else { continue }
                for other in others { alignment.listedTaken[other] = true }
            }
            alignment.partner[option.i] = option.j
            alignment.listedTaken[option.j] = true
            switch option.kind {
            case .initial, .cutShort, .vowelsLeftOut: alignment.kinds |= 1 << option.kind.rawValue
            case .spelling: alignment.spellingCost += option.cost
            default: break
            }
        }
    }

    /// How case token `a` stands for listed token `b`, the cheapest way; nil when it does not.
    static func explain(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, strict: Bool) -> Explanation? {
        if a.elementsEqual(b) { return Explanation(kind: .equal, cost: 0) }
        guard let fa = a.first, let fb = b.first else { return nil }
        var best: Explanation?
        func offer(_ kind: Kind, _ cost: Double) {
            if best.map({ cost < $0.cost }) ?? true { best = Explanation(kind: kind, cost: cost) }
        }
        if fa == fb {
            if (a.count == 1 && b.count >= 2) || (b.count == 1 && a.count >= 2) { return Explanation(kind: .initial, cost: kindCost) }
            if a.count >= 2, a.count < b.count {
                if b.starts(with: a) { offer(.cutShort, kindCost) } else if leavesOutVowels(a, of: b) { offer(.vowelsLeftOut, kindCost) }
            }
        }
        // A close spelling with another first letter counts only when not strict: then it is not scored at all.
        if fa == fb || !strict, JaroWinkler.upperBound(a.count, b.count) + 1e-9 >= closeSpelling {
            let spelling = JaroWinkler.score(a, b)
            if spelling >= closeSpelling { offer(.spelling, 1.0 - spelling) }
        }
        // A one-letter word is a two-letter one with a letter dropped too (`Army f Islam`, `Jund l Aqsa`).
        if !strict, best == nil, a.count + b.count >= 3, withinOneEdit(a, b) { offer(.oneEdit, 1.0 - closeSpelling) }
        return best
    }

    /// Whether `a` is `b` with some vowels after the first letter left out.
    static func leavesOutVowels(_ a: UnsafeBufferPointer<UInt32>, of b: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = 1
        for scalar in b.dropFirst() {
            if i < a.count, a[i] == scalar {
                i += 1
            } else if !isVowel(scalar) {
                return false
            }
        }
        return i == a.count
    }

    /// Whether one insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
    static func withinOneEdit(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in withinOneEdit(a, b) } }
    }

    static func withinOneEdit(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var at = 0
        while at < short.count, short[at] == long[at] { at += 1 }
        if at == short.count { return true }
        if short.count == long.count {
            if short[(at + 1)...].elementsEqual(long[(at + 1)...]) { return true }
            return at + 1 < short.count && short[at] == long[at + 1] && short[at + 1] == long[at]
                && short[(at + 2)...].elementsEqual(long[(at + 2)...])
        }
        return short[at...].elementsEqual(long[(at + 1)...])
    }

    static func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true  // a e i o u y
        default: return false
        }
    }

    /// A token's first scalar, then its other scalars that are not vowels,
    /// a run of one scalar written once (`mdst` for `modesta`, `mdsta`,
    /// `moddesta`): equal for a word and the word without some vowels.
    static func key(_ token: [UInt32]) -> UInt64 { key(token[...]) }

    static func key<C: Collection<UInt32>>(_ token: C) -> UInt64 {
        guard let first = token.first else { return 0 }
        var state = KeyMix.mix(6, UInt64(first))
        var previous = first
        for scalar in token.dropFirst() where !isVowel(scalar) && scalar != previous {
            state = KeyMix.mix(state, UInt64(scalar))
            previous = scalar
        }
        return state
    }

    static func initialBit<C: Collection<UInt32>>(_ token: C) -> UInt64 {
        guard let first = token.first else { return 0 }
        return 1 << UInt64(first & 63)
    }

    // MARK: words that need no counterpart

    /// Honorifics, religious titles and military ranks, normalised. Whole
    /// words that also name companies (`general`, `major`) are left out:
    /// `Acme General Trading` is not `Acme Trading` with a title. Also
    /// `socalled`, the lists' qualifier of an entity no state recognises
    /// (the EU's and UK's `so-called 'Luhansk People's Republic'`), as the
    /// joined reading writes it.
    static let titles: [[UInt32]] = (
        [
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "hon", "rev",
            "sheikh", "shaikh", "sheik", "shaykh", "sayyid", "sayed", "sayyed", "syed", "haji", "hajji", "hadji", "alhaj",
            "alhajj", "mullah", "mulla", "maulana", "maulvi", "mawlawi", "imam", "ustadh", "ustad",
            // Spellings of the same titles in South Asian romanisations (the ninth probe: `Molvi Masood Azhar`).
            "molvi", "moulvi", "maulavi", "moulana", "mawlana", "hazrat", "hazret", "mufti",
            "gen", "col", "colonel", "maj", "capt", "lt", "cmdr", "adm", "brig", "sgt", "eng",
            "socalled",
        ] as [String]).map { $0.unicodeScalars.map(\.value) }

    /// A title, or within one edit of a long legal-form word (`limoted`,
    /// `compnay`, `gnbh`): the listed name lost its legal form to
    /// normalisation (SPEC §1.6), a misspelt one in a case name survives it.
    /// Short legal forms are left out: one edit from `corp` or `sarl` is
    /// `core` or `carl`, words of names.
    static func isIgnorable(_ token: [UInt32]) -> Bool {
        token.withUnsafeBufferPointer { token in packedTitles.withUnsafeBufferPointer { isIgnorable(token, titles: $0) } }
    }

    /// The same, with `packedTitles`' buffer.
    static func isIgnorable(_ token: UnsafeBufferPointer<UInt32>, titles: UnsafeBufferPointer<UInt64>) -> Bool {
        if isTitle(token, among: titles) { return true }
        guard token.count >= 2 else { return false }
        return longLegalForms.contains { word in word.withUnsafeBufferPointer { withinOneEdit(token, $0) } }
    }

    /// Whether the token is one of `titles`, given as `packedTitles`' buffer:
    /// packed into a number and looked up in a sorted array (every listed
    /// token is asked, at every candidate).
    static func isTitle<C: Collection<UInt32>>(_ token: C, among titles: UnsafeBufferPointer<UInt64>) -> Bool {
        guard let packed = packed(token) else { return false }
        var low = 0, high = titles.count
        while low < high {
            let middle = (low + high) / 2
            if titles[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low < titles.count && titles[low] == packed
    }

    /// Up to eight ASCII scalars as one number (nil for other tokens, which no title is).
    private static func packed<C: Collection<UInt32>>(_ token: C) -> UInt64? {
        guard token.count <= 8 else { return nil }
        var value: UInt64 = 0
        for scalar in token {
            guard scalar < 0x80 else { return nil }
            value = value << 8 | UInt64(scalar)
        }
        return value
    }

    fileprivate static let packedTitles: [UInt64] = titles.compactMap { packed($0[...]) }.sorted()

    private static let longLegalForms: [[UInt32]] = LegalForms.words.filter { $0.utf8.count >= 5 || $0 == "gmbh" }
        .map { $0.unicodeScalars.map(\.value) }

    // MARK: index keys

    /// The keys a listed name is posted under for `alignedScore`: for every
    /// two of its tokens b ≠ b′, (key(b), first scalar of b′); and, when it
    /// has three tokens or more, {key(b), key(b′)} (`keyPair`).
    static func postingKeys(_ listed: Words) -> [UInt64] {
        guard listed.tokens.count >= 2, listed.tokens.count <= mostListedWords else { return [] }
        var keys: [UInt64] = []
        for i in listed.tokens.indices {
            for j in listed.tokens.indices where j != i {
                let key = pairKey(listed.keys[i], listed.tokens[j].first ?? 0)
                if !keys.contains(key) { keys.append(key) }
                if listed.tokens.count >= 3, i < j {
                    let both = keyPair(listed.keys[i], listed.keys[j])
                    if !keys.contains(both) { keys.append(both) }
                }
            }
        }
        return keys
    }

    /// For a case name of T ≥ 3 words that need a counterpart: key pairs
    /// one of which every listed name it aligns with is posted under. See
    /// `NameIndex.collectAligned`. The words are dealt into ⌈T/2⌉ − 1
    /// groups in turn, and every two words of a group give a pair: any
    /// ⌈T/2⌉ of the words then include two of one group.
    static func keyPairLookups(_ query: Words) -> [UInt64] {
        let words = query.tokens.indices.filter { !query.ignorable[$0] }
        guard words.count >= 3 else { return [] }
        let groups = (words.count + 1) / 2 - 1
        var out: [UInt64] = []
        for group in 0 ..< groups {
            let members = stride(from: group, to: words.count, by: groups).map { words[$0] }
            for (n, i) in members.enumerated() {
                for j in members[(n + 1)...] {
                    let key = keyPair(query.keys[i], query.keys[j])
                    if !out.contains(key) { out.append(key) }
                }
            }
        }
        return out
    }

    /// Two tokens' keys, in either order.
    static func keyPair(_ a: UInt64, _ b: UInt64) -> UInt64 {
        KeyMix.mix(KeyMix.mix(8, min(a, b)), max(a, b))
    }

    /// Per case token that needs a counterpart: the keys (key(a), first
    /// scalar of a′) for every other such token a′. See `NameIndex.collectAligned`.
    ///
    /// The other tokens' distinct first scalars are gathered once: asking
    /// each pair whether its key was already kept made a name of a thousand
    /// words (U+FDFA, one character, is eighteen letters in four words)
    /// cubic, seconds for one case.
    static func lookupKeys(_ query: Words) -> [[UInt64]] {
        guard query.wordCount >= 2 else { return [] }
        var initials: [UInt32] = []
        var counts: [UInt32: Int] = [:]
        for j in query.tokens.indices where !query.ignorable[j] {
            let initial = query.tokens[j].first ?? 0
            if counts[initial] == nil { initials.append(initial) }
            counts[initial, default: 0] += 1
        }
        var out: [[UInt64]] = []
        for i in query.tokens.indices where !query.ignorable[i] {
            let own = query.tokens[i].first ?? 0
            var keys: [UInt64] = []
            for initial in initials where initial != own || counts[initial, default: 0] > 1 {
                let key = pairKey(query.keys[i], initial)
                if !keys.contains(key) { keys.append(key) }
            }
            out.append(keys)
        }
        return out
    }

    static func pairKey(_ key: UInt64, _ initial: UInt32) -> UInt64 {
        KeyMix.mix(KeyMix.mix(7, key), UInt64(initial))
    }
}
