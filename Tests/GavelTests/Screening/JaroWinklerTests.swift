import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("JaroWinkler")
struct JaroWinklerTests {
    @Test("reference values", arguments: [
        ("MARTHA", "MARHTA", 0.961111),
        ("DWAYNE", "DUANE", 0.84),
        ("DIXON", "DICKSONX", 0.813333),
        ("JELLYFISH", "SMELLYFISH", 0.896296),   // no common prefix: plain Jaro
        ("CRATE", "TRACE", 0.733333),
        ("hammas", "hamas", 0.961111),
        ("vagner", "wagner", 0.888889),
        ("ab", "abc", 0.911111),
        ("abcdefgh", "abcdefhg", 0.975),
        // Three out-of-order matches: halved with integer division, as in strcmp95.
        ("abcdef", "abcefd", 0.961111),
        ("ab", "ba", 0.0),                      // window is 0 for length 2
        ("abc", "xyz", 0.0),
        ("hamas", "hamas", 1.0),
        ("", "", 1.0),
        ("", "hamas", 0.0),
        ("hamas", "", 0.0),
        ("müller", "muller", 0.9),              // scalars, not bytes
        ("ḥamas", "hamas", 0.866667),
    ] as [(String, String, Double)])
    func similarity(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 1e-5)
        #expect(abs(JaroWinkler.similarity(b, a) - expected) < 1e-5)
    }

    @Test("boost needs Jaro above 0.7")
    func boostThreshold() {
        // Jaro("abcxyz", "abcpqr") = (3/6 + 3/6 + 1) / 3 ≈ 0.667: no prefix boost.
        #expect(abs(JaroWinkler.similarity("abcxyz", "abcpqr") - 2.0 / 3.0) < 1e-9)
        // Jaro("abcdxy", "abcdpq") = (4/6 + 4/6 + 1) / 3 ≈ 0.778: boosted by 4 × 0.1.
        let jaro = 7.0 / 9.0
        #expect(abs(JaroWinkler.similarity("abcdxy", "abcdpq") - (jaro + 0.4 * (1 - jaro))) < 1e-9)
    }

    @Test("prefix boost stops at 4 scalars")
    func prefixCap() {
        let jaro = (9.0 / 10 + 9.0 / 10 + 1) / 3
        #expect(abs(JaroWinkler.similarity("abcdefghij", "abcdefghik") - (jaro + 4 * 0.1 * (1 - jaro))) < 1e-9)
    }

    @Test("nameScore", arguments: [
        ("muhammad ali", "ali muhammad", 1.0),
        ("hamas", "hamas", 1.0),
        ("zambada niebla modesta", "modesta niebla zambada", 1.0),
        ("gruppa vagner", "vagner gruppa", 1.0),
        ("hammas", "hamas", 0.961111),
    ] as [(String, String, Double)])
    func nameScore(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.nameScore(a, b) - expected) < 1e-5)
        #expect(abs(JaroWinkler.nameScore(b, a) - expected) < 1e-5)
    }

    @Test("nameScore is the better of whole and sorted", arguments: [
        ("osama bin laden", "usama bin ladin"),
        ("ali muhammad", "muhammad aly"),
        ("vagner gruppa", "gruppa wagner"),
        ("ḥamas movement", "movement hamas"),
    ])
    func nameScoreIsMax(a: String, b: String) {
        let whole = JaroWinkler.similarity(a, b)
        let sorted = JaroWinkler.similarity(JaroWinkler.sortedTokens(a), JaroWinkler.sortedTokens(b))
        #expect(JaroWinkler.nameScore(a, b) == max(whole, sorted))
        #expect(JaroWinkler.nameScore(a, b) >= whole)
    }

    /// A case's forms bring their tokens sorted; the score must be the
    /// string function's to the bit, whatever the listed name holds.
    @Test("nameScore of a prepared case form is nameScore of its text", arguments: [1, 2, 3] as [UInt64])
    func preparedFormScoresAlike(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let entries = NameGenerator.entries(count: 60, random: &random)
        var texts = entries.flatMap { [$0.name] + $0.aliases }.map(NameNormalizer.normalize)
        texts += ["", "a", "hamas", "h a m a s", "ḥamas movement", "movement hamas", "вагнер групп", "групп вагнер", "a  b", "b a"]
        var prepared = 0
        for _ in 0 ..< 400 {
            guard let a = random.element(of: texts), let b = random.element(of: texts) else { continue }
            let form = NameForm(a, .plain).preparedForScoring()
            if form.sortedTokenBytes != nil { prepared += 1 }
            // Both as forms (the listed one unprepared, as entries hold them) and the listed one as a String.
            let listed = NameForm(b, .plain)
            #expect(JaroWinkler.nameScore(form, listed).bitPattern == JaroWinkler.nameScore(a, b).bitPattern, "`\(a)` against `\(b)`")
            #expect(JaroWinkler.nameScore(listed, form).bitPattern == JaroWinkler.nameScore(b, a).bitPattern, "`\(b)` against `\(a)`")
        }
        #expect(prepared > 50, "only \(prepared) forms had sorted tokens to reuse")
    }

    /// The mask path must score exactly as Winkler's flag loop: random
    /// texts over a small alphabet (so that pairs have matches and
    /// transpositions), with letters and digits whose low 6 bits collide
    /// (`p`/`0`, `q`/`1`), in bytes and in 16-bit scalars, up to 64 long.
    @Test("the mask scorer is the flag loop to the bit", arguments: [1, 2, 3, 4] as [UInt64])
    func masksMatchFlags(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let alphabet = Array("apq01 bmrs".utf8) + [0x70, 0x30]
        var compared = 0
        for _ in 0 ..< 2_000 {
            let la = random.int(in: 1 ... 64), lb = random.int(in: 1 ... 64)
            let a = (0 ..< la).map { _ in random.element(of: alphabet) ?? 0x61 }
            var b = (0 ..< lb).map { _ in random.element(of: alphabet) ?? 0x61 }
            // Half the pairs are near copies, so that high scores and prefixes occur.
            if random.chance(50) {
                b = a
                for _ in 0 ..< random.int(in: 0 ... 3) where b.count > 1 { b.swapAt(random.int(in: 0 ... b.count - 1), random.int(in: 0 ... b.count - 1)) }
            }
            let masks = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { JaroWinkler.scoreByMasks(pa, $0) } }
            let flags = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { JaroWinkler.scoreByFlags(pa, $0) } }
            #expect(masks.bitPattern == flags.bitPattern, "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self))")
            let wideA = a.map { UInt16($0) | 0x0400 }, wideB = b.map { UInt16($0) | 0x0400 }
            let wide = wideA.withUnsafeBufferPointer { pa in wideB.withUnsafeBufferPointer { JaroWinkler.scoreByMasks(pa, $0) } }
            #expect(wide.bitPattern == flags.bitPattern)
            if flags > 0.8 { compared += 1 }
        }
        #expect(compared > 300, "only \(compared) close pairs")
    }

    @Test("byte, scratch and string token sorting agree", arguments: ["b a c", "zeta alpha", "one", "", "  a  b ", "b a b a", "ḥ z a"])
    func sortedTokenBytes(input: String) {
        // Each against the String reference, which splits and sorts Substrings.
        let reference = JaroWinkler.sortedTokens(input)
        #expect(String(decoding: JaroWinkler.sortedTokenBytes(input), as: UTF8.self) == reference)
        #expect(String(decoding: JaroWinkler.withSortedTokenBytes(input) { Array($0) }, as: UTF8.self) == reference)
        #expect(QueryName.sortedTokens(input.unicodeScalars.map(\.value)) == reference.unicodeScalars.map(\.value))
    }
}
