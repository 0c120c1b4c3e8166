import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3 "Evasion": each spelling of the issue 10 probe against a list
/// holding HAMAS (and Al-Aqsa TV's domain), with the method, reading and
/// score it must get — through the index and through the scan alike.
@Suite("Screening evasion")
struct EvasionTests {
    static let hamas = ListEntry(
        id: "hamas", name: "HAMAS", aliases: ["Islamic Resistance Movement", "Harakat al-Muqawama al-Islamiya"], type: .organization, listed: nil, delisted: nil,
        identifiers: [], programs: [], location: SourceLocation(file: "t", line: 1, column: 1))
    static let aqsa = ListEntry(
        id: "aqsa", name: "AL-AQSA TV", aliases: [], type: .organization, listed: nil, delisted: nil,
        identifiers: [(kind: "domain", values: ["aqsatv.ps"])], programs: [], location: SourceLocation(file: "t", line: 2, column: 1))
    static let list = CompiledList(id: "l", digest: "sha256:evasion", entries: [hamas, aqsa])
    static let asOf = Instant(secondsSinceEpoch: 1_500_000_000, isDateOnly: true)

    static func screen(names: [String] = [], domains: [String] = [], minScore: Double = 0.9, mode: Screener.Mode = .indexed) -> [ScreenMatch] {
        let spec = ScreenSpec(
            lists: ["l"], names: [], identifiers: [], minScore: minScore, below: nil, types: nil,
            location: SourceLocation(file: "t", line: 1, column: 1))
        return Screener(lists: [list], mode: mode).screen(
            names: names.map { Screener.Query(text: $0, field: "customer.name") },
            identifiers: domains.map { (kind: "domain", query: Screener.Query(text: $0, field: "site.domain")) },
            spec: spec, asOf: asOf, rule: "r")
    }

    struct Probe: Sendable, CustomTestStringConvertible {
        var name: String
        var method: ScreenMatch.Method
        var reading: NameReading?
        var score: Double
        var testDescription: String { name }
    }

    static let probes: [Probe] = [
        Probe(name: "Hamas", method: .exact, reading: nil, score: 1.0),
        Probe(name: "Наmas", method: .exact, reading: .skeleton, score: 1.0),  // Cyrillic Н, а
        Probe(name: "Ηamas", method: .exact, reading: .skeleton, score: 1.0),  // Greek Eta
        Probe(name: "ᎻᎪᎷᎪᏚ", method: .exact, reading: .skeleton, score: 1.0),  // Cherokee
        Probe(name: "ʜᴀᴍᴀꜱ", method: .exact, reading: nil, score: 1.0),  // small capitals: read as letters
        Probe(name: "H.A.M.A.S", method: .exact, reading: .joined, score: 1.0),
        Probe(name: "H A M A S", method: .exact, reading: .joined, score: 1.0),
        Probe(name: "Іslamic Resistance Movement", method: .alias, reading: nil, score: 1.0),  // Cyrillic І: Any-Latin reads it as I
        Probe(name: "Наrakat al-Muqawama al-Islamiya", method: .alias, reading: .skeleton, score: 1.0),  // Cyrillic Н: Any-Latin reads N
        Probe(name: "H4mas", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "H@m@s", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "H4mmas", method: .variant, reading: .digits, score: 0.9131),  // round(0.95 × JW(hammas, hamas) 0.9611)
        Probe(name: "حماس", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "חמאס", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "Hamas Media Office", method: .contained, reading: nil, score: 0.91),
        Probe(name: "Hamas Political Bureau", method: .contained, reading: nil, score: 0.91),
        Probe(name: "Media Office of the Islamic Resistance Movement", method: .contained, reading: nil, score: 0.91),
        // The second probe: letters in symbols without a decomposition, enclosing marks, stroked and hooked letters.
        Probe(name: "🅷🅰🅼🅰🆂", method: .exact, reading: nil, score: 1.0),  // negative squared
        Probe(name: "🅗🅐🅜🅐🅢", method: .exact, reading: nil, score: 1.0),  // negative circled
        Probe(name: "🇭🇦🇲🇦🇸", method: .exact, reading: nil, score: 1.0),  // regional indicators
        Probe(name: "H\u{20DD}a\u{20DD}m\u{20DD}a\u{20DD}s\u{20DD}", method: .exact, reading: nil, score: 1.0),  // enclosing circles
        Probe(name: "H\u{20E3}a\u{20E3}m\u{20E3}a\u{20E3}s\u{20E3}", method: .exact, reading: nil, score: 1.0),  // keycaps
        Probe(name: "Hⱥmⱥs", method: .exact, reading: nil, score: 1.0),
        Probe(name: "ĦȺMȺS", method: .exact, reading: nil, score: 1.0),
        Probe(name: "ɧąɱąʂ", method: .exact, reading: nil, score: 1.0),
        Probe(name: "ھماس", method: .fuzzy, reading: .consonants, score: 0.95),  // Urdu heh, which ICU drops
        // Fancy-text alphabets (`FancyLetters`): look-alikes UTS #39 does not map.
        Probe(name: "ᕼᗩᗰᗩᔕ", method: .exact, reading: .skeleton, score: 1.0),  // Canadian syllabics
        Probe(name: "ꃅꍏꂵꍏꌗ", method: .exact, reading: .skeleton, score: 1.0),  // Yi
        Probe(name: "卄卂爪卂丂", method: .exact, reading: .skeleton, score: 1.0),  // CJK
        Probe(name: "ђค๓คร", method: .exact, reading: .skeleton, score: 1.0),  // Thai and Cyrillic
        Probe(name: "HΛMΛS", method: .exact, reading: .skeleton, score: 1.0),  // Greek Lambda for A
        Probe(name: "HΔMΔS", method: .exact, reading: .skeleton, score: 1.0),  // Greek Delta for A
        Probe(name: "ɦǟʍǟֆ", method: .exact, reading: .skeleton, score: 1.0),  // IPA and Armenian
        Probe(name: "\u{202E}samaH", method: .exact, reading: nil, score: 1.0),  // a right-to-left override: shows as Hamas
        Probe(name: "\u{202E}Hamas", method: .exact, reading: nil, score: 1.0),  // shows as samaH, holds Hamas
        Probe(name: "|-|4|\\/|4$", method: .variant, reading: .digits, score: 0.95),  // letters drawn with strokes
        Probe(name: "#4m4$", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "H^m^s", method: .variant, reading: .digits, score: 0.95),
        // Extra words with a respelling, or run together with the name (handles, site names).
        Probe(name: "H4mas Media Office", method: .contained, reading: .digits, score: 0.91),
        Probe(name: "HamasOfficial", method: .contained, reading: nil, score: 0.91),
        Probe(name: "OfficialHamas", method: .contained, reading: nil, score: 0.91),
        Probe(name: "HamasChannel", method: .contained, reading: nil, score: 0.91),
        Probe(name: "HamasMedia Office", method: .contained, reading: nil, score: 0.91),
        // The third probe: letters doubled, or a digit put between them.
        Probe(name: "HHaammaass", method: .variant, reading: .repeats, score: 0.95),
        Probe(name: "Haammaass", method: .variant, reading: .repeats, score: 0.95),
        Probe(name: "HH44mm44ss", method: .variant, reading: .repeats, score: 0.95),
        Probe(name: "H1A1M1A1S", method: .variant, reading: .fillers, score: 0.95),
        Probe(name: "h0a0m0a0s0", method: .variant, reading: .fillers, score: 0.95),
        Probe(name: "HHaammaass Media Office", method: .contained, reading: .repeats, score: 0.91),
        Probe(name: "Гамас", method: .exact, reading: .romanised, score: 1.0),  // Ukrainian г is h
        Probe(name: "ГАМАС", method: .exact, reading: .romanised, score: 1.0),
        Probe(name: "sɐɯɐɥ", method: .exact, reading: .skeleton, score: 1.0),  // upside down, written backwards
        Probe(name: "ɥɐɯɐs", method: .exact, reading: .skeleton, score: 1.0),  // upside down, in its order
        Probe(name: "⠓⠁⠍⠁⠎", method: .exact, reading: nil, score: 1.0),  // Braille
        Probe(name: "Ha\u{1160}mas", method: .exact, reading: nil, score: 1.0),  // a Hangul filler inside the word
        Probe(name: "Hamas\u{3164}Media", method: .contained, reading: nil, score: 0.91),  // a Hangul filler as the space
    ]

    @Test("each probe spelling meets HAMAS", arguments: probes)
    func probe(_ probe: Probe) {
        let indexed = Self.screen(names: [probe.name])
        let scanned = Self.screen(names: [probe.name], mode: .scan)
        #expect(indexed == scanned)
        let hit = indexed.first { $0.entry == "hamas" }
        #expect(hit?.method == probe.method, "\(String(describing: hit))")
        #expect(hit?.reading == probe.reading)
        #expect(hit?.score == probe.score)
    }

    /// The fourth probe's evasions (its report, section (a)), against a
    /// small list of the names it tried: each spelling with the entry it must
    /// meet, and the method, reading and score.
    static let fourthList = CompiledList(id: "p4", digest: "sha256:probe4", entries: [
        hamas,
        ListEntry(
            id: "boko", name: "BOKO HARAM", aliases: [], type: .organization, listed: nil, delisted: nil, identifiers: [], programs: [],
            location: SourceLocation(file: "t", line: 3, column: 1)),
        ListEntry(
            id: "wagner", name: "WAGNER GROUP", aliases: ["Vagner"], type: .organization, listed: nil, delisted: nil, identifiers: [],
            programs: [], location: SourceLocation(file: "t", line: 4, column: 1)),
        ListEntry(
            id: "isil", name: "ISLAMIC STATE OF IRAQ AND THE LEVANT", aliases: ["DAESH", "ISLAMIC STATE", "ISIL", "AL-QAIDA IN IRAQ"],
            type: .organization, listed: nil, delisted: nil, identifiers: [], programs: [], location: SourceLocation(file: "t", line: 5, column: 1)),
        ListEntry(
            id: "hizballah", name: "HIZBALLAH", aliases: [], type: .organization, listed: nil, delisted: nil, identifiers: [], programs: [],
            location: SourceLocation(file: "t", line: 6, column: 1)),
        ListEntry(
            id: "pkk", name: "KURDISTAN WORKERS' PARTY", aliases: ["PKK"], type: .organization, listed: nil, delisted: nil, identifiers: [],
            programs: [], location: SourceLocation(file: "t", line: 7, column: 1)),
        ListEntry(
            id: "qaida", name: "AL-QAIDA", aliases: [], type: .organization, listed: nil, delisted: nil, identifiers: [], programs: [],
            location: SourceLocation(file: "t", line: 8, column: 1)),
    ])

    static func screenFourth(_ name: String, minScore: Double = 0.9, mode: Screener.Mode = .indexed) -> [ScreenMatch] {
        screen(name, in: fourthList, minScore: minScore, mode: mode)
    }

    /// One name screened against every entry of `list` as a customer's name.
    static func screen(_ name: String, in list: CompiledList, minScore: Double = 0.9, mode: Screener.Mode = .indexed) -> [ScreenMatch] {
        let spec = ScreenSpec(
            lists: [list.id], names: [], identifiers: [], minScore: minScore, below: nil, types: nil,
            location: SourceLocation(file: "t", line: 1, column: 1))
        return Screener(lists: [list], mode: mode).screen(
            names: [Screener.Query(text: name, field: "customer.name")], identifiers: [], spec: spec, asOf: asOf, rule: "r")
    }

    struct EntryProbe: Sendable, CustomTestStringConvertible {
        var name: String
        var entry: String
        var method: ScreenMatch.Method
        var reading: NameReading?
        var score: Double
        var testDescription: String { name }
    }

    static let fourthProbes: [EntryProbe] = [
        // Cyrillic small м, whose UTS #39 prototype is the turned ʍ, not m.
        EntryProbe(name: "\u{41D}\u{430}\u{43C}\u{430}\u{455}", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),  // Намаѕ
        EntryProbe(name: "Намаs", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Воko Нarам", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),
        // Capitals of Latin Extended-B whose small letters are look-alikes.
        EntryProbe(name: "\u{1B2}agner", entry: "wagner", method: .alias, reading: .skeleton, score: 1.0),  // Ʋagner
        EntryProbe(name: "\u{18A}aesh", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),  // Ɗaesh
        EntryProbe(name: "ƊAESH", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "\u{181}oko Haram", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),  // Ɓoko Haram
        EntryProbe(name: "ƁOƘO ĦARAM", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Al-QaiƊa", entry: "qaida", method: .exact, reading: .skeleton, score: 1.0),
        // Turned, hooked and symbol letters generators use.
        EntryProbe(name: "ǶAMAS", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ƉÆSH", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ǀslamic State", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ǀSǀL", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "PĸK", entry: "pkk", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "PƘK", entry: "pkk", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ƤKK", entry: "pkk", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Ɯagner Group", entry: "wagner", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "H∀M∀S", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "HⱯMⱯS", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Hꓯmꓯs", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ɅL QɅIDɅ", entry: "qaida", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ᗪᗩᗴᔕᕼ", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "DAᗴSH", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ᗷᝪᏦᝪ ᕼᗩᖇᗩᗰ", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Hɒmɒs", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Hꭤmas", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Wagneɾ Group", entry: "wagner", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Wagneʁ Group", entry: "wagner", method: .exact, reading: .skeleton, score: 1.0),
        // Letters of other scripts drawn as a dash or dot, between single Latin letters.
        EntryProbe(name: "H\u{30FC}A\u{30FC}M\u{30FC}A\u{30FC}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{3161}A\u{3161}M\u{3161}A\u{3161}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{318D}A\u{318D}M\u{318D}A\u{318D}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{A67F}A\u{A67F}M\u{A67F}A\u{A67F}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{4E00}A\u{4E00}M\u{4E00}A\u{4E00}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{1427}A\u{1427}M\u{1427}A\u{1427}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{A78F}A\u{A78F}M\u{A78F}A\u{A78F}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "H\u{7FA}A\u{7FA}M\u{7FA}A\u{7FA}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "P\u{30FC}K\u{30FC}K", entry: "pkk", method: .alias, reading: .joined, score: 1.0),
        // Look-alikes spelt apart with an M, which the skeleton writes `rn`.
        EntryProbe(name: "Н.А.М.А.Ѕ", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Н А М А Ѕ", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "Ꮋ Ꭺ Ꮇ Ꭺ Ꮪ", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        // `!` and `|` for i and l; Arabizi 7 (ح) and 3 (ع).
        EntryProbe(name: "H!zba!!ah", entry: "hizballah", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "Hizba||ah", entry: "hizballah", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "!slamic $tate", entry: "isil", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "7amas", entry: "hamas", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "7AMAS", entry: "hamas", method: .variant, reading: .digits, score: 0.95),
        // The fifth probe (2026-12-06): `€` for e, a bar before a symbol, `|3` for b.
        EntryProbe(name: "D@€$H", entry: "isil", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "Hizba||@h", entry: "hizballah", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "|3oko |-|aram", entry: "boko", method: .variant, reading: .digits, score: 0.95),
        // Turkish ş as sh.
        EntryProbe(name: "DEAŞ", entry: "isil", method: .fuzzy, reading: .romanised, score: 0.94),
    ]

    @Test("each fourth-probe spelling meets its entry", arguments: fourthProbes)
    func fourthProbe(_ probe: EntryProbe) {
        Self.expectMeetsItsEntry(probe)
    }

    /// The probe's entry is the best hit in `list`, by the probe's method, reading and score, and index and scan agree.
    /// `name` screened against `list` through the index, expected to be
    /// the scan's answer too.
    static func screenedBothWays(_ name: String, in list: CompiledList) -> [ScreenMatch] {
        let indexed = screen(name, in: list)
        #expect(indexed == screen(name, in: list, mode: .scan))
        return indexed
    }

    static func expectMeetsItsEntry(_ probe: EntryProbe, in list: CompiledList = fourthList) {
        let indexed = screenedBothWays(probe.name, in: list)
        let best = indexed.max { $0.score < $1.score }
        #expect(best?.entry == probe.entry, "\(String(describing: best))")
        let hit = indexed.first { $0.entry == probe.entry }
        #expect(hit?.method == probe.method, "\(String(describing: hit))")
        #expect(hit?.reading == probe.reading)
        #expect(hit?.score == probe.score)
    }

    /// What the fourth probe's report still listed as evading after the
    /// first round of fixes (its section (a), items 4, 5, 8, 11, 12, 15, 16).
    static let remainingProbes: [EntryProbe] = [
        // A look-alike with a digit: the digit reading of the skeleton reading.
        EntryProbe(name: "\u{41D}4\u{41C}\u{410}5", entry: "hamas", method: .variant, reading: .digits, score: 0.95),  // Н4МА5
        EntryProbe(name: "ß0k0 H4r4m", entry: "boko", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "D4ƎSH", entry: "isil", method: .variant, reading: .digits, score: 0.95),
        // Every word spelt out: the whole run equals the listed name's letters.
        EntryProbe(name: "B O K O H A R A M", entry: "boko", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "B.O.K.O. H.A.R.A.M.", entry: "boko", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "W.A.G.N.E.R G.R.O.U.P", entry: "wagner", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "A.L-Q.A.I.D.A", entry: "qaida", method: .exact, reading: .joined, score: 1.0),
        EntryProbe(name: "В.О.К.О Н.А.R.А.М", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),  // Cyrillic В О К Н А М
        // Faux Cyrillic among Latin letters.
        EntryProbe(name: "HДMДS", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ШAGИEЯ GЯФЦP", entry: "wagner", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "DДЄSH", entry: "isil", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ДL-QДIDД", entry: "qaida", method: .exact, reading: .skeleton, score: 1.0),
        // Arabic tatweel between single letters.
        EntryProbe(name: "H\u{640}A\u{640}M\u{640}A\u{640}S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        // ß and Þ as B and P, Greek final ς as s.
        EntryProbe(name: "ßoko Haram", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ßOKO HARAM", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),
        EntryProbe(name: "ÞKK", entry: "pkk", method: .alias, reading: .skeleton, score: 1.0),
        EntryProbe(name: "\u{397}\u{3B1}\u{3BC}\u{3B1}\u{3C2}", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),  // Ηαμας
        // /-\ for A, 1< for K.
        EntryProbe(name: "H/-\\M/-\\S", entry: "hamas", method: .variant, reading: .digits, score: 0.95),
        EntryProbe(name: "P1<1<", entry: "pkk", method: .variant, reading: .digits, score: 0.95),
    ]

    @Test("each spelling the fourth probe's report still listed meets its entry", arguments: remainingProbes)
    func remainingProbe(_ probe: EntryProbe) {
        Self.expectMeetsItsEntry(probe)
    }

    @Test("letters read as look-alikes only in context leave ordinary names alone")
    func contextualLetters() {
        // Russian written in Cyrillic alone, German ß after a vowel, Icelandic Þ before a vowel, ς inside a Greek word.
        for name in ["Дмитрий Шишкин", "ДМИТРИЙ ШИШКИН", "Weiß", "Straße", "Þórir Jónsson", "Þráinn", "ςa"] {
            #expect(FancyLetters.readInContext(name) == nil, "\(name)")
        }
        #expect(!EvasionForms.skeleton("Дмитрий Шишкин").hasPrefix("a"))
        #expect(FancyLetters.readInContext("HДMДS") == "HaMaS")
        #expect(FancyLetters.readInContext("Ηαμας") == "Ηαμαs")
        // A whole run only: a word run together, or a run beside other words, is no spelling out.
        #expect(NameForms.query("BokoHaram").wholeRun == nil)
        #expect(NameForms.query("B.O.K.O. Haram").wholeRun == nil)
        #expect(NameForms.query("H&M").wholeRun == nil)
        #expect(!NameScorer.equalsWithoutSpaces("bokoharam", "bokoharam"))  // one word: a run-together name
        #expect(NameScorer.equalsWithoutSpaces("boko haram", "bokoharam"))
        for name in ["Дмитрий Шишкин", "Weiß GmbH", "Þórir Jónsson", "1<2 Consulting", "A/-\\B Trading", "B O K O Bakery"] {
            let hits = Self.screenFourth(name, minScore: 0.9)
            #expect(hits.isEmpty, "\(name): \(hits.map { "\($0.entry) \($0.method) \($0.score)" })")
        }
    }

    @Test("Arabizi's 3 for ع brings Daa3ish to the review band")
    func arabiziAyn() {
        let hit = Self.screenFourth("Daa3ish").first { $0.entry == "isil" }
        #expect(hit?.method == .variant, "\(String(describing: hit))")
        #expect((hit?.score ?? 0) >= 0.9)
        #expect(EvasionForms.digitReadings("7amas").contains("hamas"))
        #expect(EvasionForms.digitReadings("h4mas") == ["hamas"])  // no 7 or 3: no third reading
    }

    @Test("a word-final ه read as the ta marbuta it stands for, in a second consonant reading")
    func finalHeh() {
        let informal = "حركه المقاومه الاسلاميه", formal = "حركة المقاومة الإسلامية"
        let scores = [informal, formal].map { name in
            Self.screen(names: [name], minScore: 0.5).first { $0.entry == "hamas" }?.score ?? 0
        }
        #expect(scores[0] == scores[1], "\(scores)")
        #expect(scores[0] >= 0.93)
        #expect(Self.screen(names: [informal], minScore: 0.5) == Self.screen(names: [informal], minScore: 0.5, mode: .scan))
        // The heh of Allah is a letter: the first reading keeps it.
        #expect(NameForms.query("حزب الله").consonants.first?.text == "hzblh")
        #expect(EvasionForms.withoutFinalHeh("حركه") == "حرك")
        #expect(EvasionForms.withoutFinalHeh("ه") == "ه")
    }

    @Test("the fourth probe's readings leave ordinary spellings alone")
    func fourthProbeLeavesAlone() {
        #expect(EvasionForms.symbolsAsLetters("Yahoo!") == "Yahoo!")
        #expect(EvasionForms.symbolsAsLetters("Hamas | Media") == "Hamas | Media")
        #expect(EvasionForms.symbolsAsLetters("H!zba!!ah") == "Hizballah")
        #expect(EvasionForms.symbolsAsLetters("@n$@r@||@h") == "ansarallah")
        #expect(EvasionForms.symbolsAsLetters("Price €5 | Shop") == "Price e5 | Shop")
        #expect(ScriptFolding.lettersApart("ラーメン") == "ラーメン")
        #expect(ScriptFolding.lettersApart("一二三") == "一二三")
        #expect(ScriptFolding.lettersApart("AB一C") == "AB一C")  // AB is no single letter
        #expect(NameNormalizer.normalize("H\u{30FC}A\u{30FC}M\u{30FC}A\u{30FC}S") == "h a m a s")
        #expect(EvasionForms.joinedLetters("h a rn a s", oneLetterWords: EvasionForms.skeletonLetters) == "harnas")
        #expect(EvasionForms.joinedLetters("h a rn a s") == "ha rn")
        for name in ["Yahoo!", "Wow! Media", "Françoise Dupont", "Максим Иванов", "Çelik Şahin", "B52 Club", "ラーメン一番", "Straße 7"] {
            let hits = Self.screenFourth(name, minScore: 0.9)
            #expect(hits.isEmpty, "\(name): \(hits.map { "\($0.entry) \($0.method) \($0.score)" })")
        }
    }

    @Test("the new methods stay below 1.0: a rule at min_score 1.0 never acts on them")
    func belowExact() {
        for name in ["H4mas", "حماس", "חמאס", "Hamas Media Office"] {
            #expect(Self.screen(names: [name], minScore: 1.0).isEmpty, "\(name)")
        }
    }

    @Test("names that must not meet HAMAS", arguments: ["Harnas", "Hammam Spa", "Isis Anchalee", "Hamasaki", "Homs Media"])
    func nonMatches(_ name: String) {
        // ASCII names are not read through skeletons (Harnas is a name, not a spoof),
        // and containment (scored 0.91) needs every listed word as a whole word.
        // Hamasaki is a near miss at 0.925: only its containment is tested.
        let threshold = name == "Hamasaki" ? 0.93 : EvasionScores.contained
        #expect(Self.screen(names: [name], minScore: threshold).filter { $0.entry == "hamas" }.isEmpty)
    }

    @Test("containment leaves out short one-word names (acronyms, first names)")
    func shortWords() {
        #expect(!NameScorer.contains("isis anchalee", "isis"))
        #expect(NameScorer.contains("hamas media office", "hamas"))
        #expect(NameScorer.contains("al qaida media al", "al qaida"))
        #expect(!NameScorer.contains("al media office", "al al"))  // a multiset: `al` twice
        #expect(!NameScorer.contains("hamas", "hamas"))  // not longer
    }

    /// ASCII texts take the byte path; it must answer as the character
    /// path does for every pair, whether the answer is yes or no.
    @Test("containment by bytes agrees with containment by characters", arguments: [1, 2, 3] as [UInt64])
    func byteContainment(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let entries = NameGenerator.entries(count: 80, random: &random)
        var texts = entries.flatMap { [$0.name] + $0.aliases }.map(NameNormalizer.normalize)
        texts += ["al al", "al media office", "hamas", "hamas media office", "a  b", " hamas ", "hamas hamas media"]
        var yes = 0, asked = 0
        for _ in 0 ..< 600 {
            guard let listed = random.element(of: texts), var query = random.element(of: texts) else { continue }
            // Half the queries hold the listed name's words among others, in some order.
            if random.chance(50) {
                var words = listed.split(separator: " ").map(String.init) + query.split(separator: " ").map(String.init)
                words.shuffle(using: &random)
                query = words.joined(separator: random.chance(20) ? "  " : " ")
            }
            guard query.utf8.count > listed.utf8.count, NameScorer.containable(listed),
                let byBytes = NameScorer.asciiContains(query, listed)
            else { continue }
            #expect(byBytes == NameScorer.containsByCharacters(query, listed), "`\(query)` ⊇ `\(listed)`")
            asked += 1
            if byBytes { yes += 1 }
        }
        #expect(yes > asked / 5 && yes < asked, "\(yes) of \(asked) contained: both answers must be tried")
        #expect(NameScorer.asciiContains("ḥamas media", "hamas") == nil)
        // Longer by a space only: the same words, so not a containing name.
        #expect(NameScorer.asciiContains("al  qaida", "al qaida") == false)
        #expect(NameScorer.asciiContains("al qaida al", "al al") == true)
    }

    struct DomainProbe: Sendable, CustomTestStringConvertible {
        var value: String
        var method: ScreenMatch.Method
        var score: Double
        var suffix: String?
        var testDescription: String { value }
    }

    static let domainProbes: [DomainProbe] = [
        DomainProbe(value: "aqsatv.ps", method: .identifier, score: 1.0, suffix: nil),
        DomainProbe(value: "live.aqsatv.ps", method: .identifier, score: 1.0, suffix: "aqsatv.ps"),
        DomainProbe(value: "https://a.b.live.AQSATV.ps./x", method: .identifier, score: 1.0, suffix: "aqsatv.ps"),
        DomainProbe(value: "https://%61qsatv.ps/live", method: .identifier, score: 1.0, suffix: nil),
        DomainProbe(value: "ａｑｓａｔｖ．ｐｓ", method: .identifier, score: 1.0, suffix: nil),  // UTS #46: full-width
        DomainProbe(value: "аqsatv.ps", method: .variant, score: 0.95, suffix: nil),  // Cyrillic а
        DomainProbe(value: "xn--qsatv-3ve.ps", method: .variant, score: 0.95, suffix: nil),  // the same, as Punycode
        DomainProbe(value: "live.аqsatv.ps", method: .variant, score: 0.95, suffix: "aqsatv.ps"),
        DomainProbe(value: "áqsatv.ps", method: .variant, score: 0.95, suffix: nil),  // an accent: UTS #39 keeps it
        DomainProbe(value: "ạqsatv.ps", method: .variant, score: 0.95, suffix: nil),
        DomainProbe(value: "a\u{301}qsatv.ps", method: .variant, score: 0.95, suffix: nil),  // a combining acute
    ]

    @Test("each probe domain meets aqsatv.ps", arguments: domainProbes)
    func domain(_ probe: DomainProbe) {
        let indexed = Self.screen(domains: [probe.value])
        #expect(indexed == Self.screen(domains: [probe.value], mode: .scan))
        let hit = indexed.first { $0.entry == "aqsa" }
        #expect(hit?.method == probe.method, "\(String(describing: hit))")
        #expect(hit?.score == probe.score)
        #expect(hit?.matchedSuffix == probe.suffix)
    }

    /// The second probe's spellings of a listed host: defanged, a scheme
    /// without its slashes, encoded twice, a path encoded, a control or an
    /// invisible scalar inside, a userinfo longer than a name is screened on.
    static let secondDomainProbes = [
        "aqsatv[.]ps", "aqsatv(.)ps", "aqsatv{.}ps", "aqsatv[dot]ps", "hxxps[:]//aqsatv[.]ps/live", "hxxp://aqsatv.ps",
        "http:aqsatv.ps", "https:/aqsatv.ps", "https:///aqsatv.ps", "HTTPS:\\\\aqsatv.ps", "%2561qsatv.ps", "aqsatv.ps%2Flive",
        "aqsatv.ps%00", "aq\u{200D}satv.ps", "\u{202E}aqsatv.ps\u{202C}", "aqsatv.ps:443",
        "https://" + String(repeating: "a", count: 4_200) + "@aqsatv.ps/",
    ]

    @Test("each second-probe spelling of aqsatv.ps meets it as itself", arguments: secondDomainProbes)
    func secondDomain(_ value: String) {
        Self.expectMeetsAqsaAsItself(value)
    }

    /// `value` meets aqsatv.ps as the host itself (not a parent, not a look-alike), and index and scan agree.
    static func expectMeetsAqsaAsItself(_ value: String) {
        let indexed = screen(domains: [value])
        #expect(indexed == screen(domains: [value], mode: .scan))
        let hit = indexed.first { $0.entry == "aqsa" }
        #expect(hit?.method == .identifier, "\(value): \(String(describing: hit))")
        #expect(hit?.score == 1.0)
        #expect(hit?.matchedSuffix == nil, "\(value)")
    }

    @Test("domains that must not meet aqsatv.ps", arguments: [
        "ps", "xaqsatv.ps", "rnaqsatv.ps", "http:evil.example/aqsatv.ps", "evil.example/[.]aqsatv.ps",
        "aqsatv.ps%40evil.example",
    ])
    func domainNonMatches(_ value: String) {
        #expect(Self.screen(domains: [value]).isEmpty)
    }

    /// The second probe's false positives: `H&M` read `hm` (an alias of
    /// Hizbul Mujahideen) was blocked, `李佳` read through a skeleton of its
    /// transliteration met `J. I.`, `EMMA` took part in containment through
    /// its skeleton `ernrna`, a vessel's and a person's one word were
    /// contained in longer names, initials aligned with initials.
    static let namesakes = CompiledList(id: "n", digest: "sha256:namesakes", entries: [
        ListEntry(
            id: "hm", name: "HIZBUL MUJAHIDEEN", aliases: ["HM", "SL"], type: .organization, listed: nil, delisted: nil,
            identifiers: [], programs: [], location: SourceLocation(file: "t", line: 1, column: 1)),
        ListEntry(
            id: "hijazi", name: "Raed M. Hijazi", aliases: ["DOCKRAT, J. I."], type: .individual, listed: nil, delisted: nil,
            identifiers: [], programs: [], location: SourceLocation(file: "t", line: 2, column: 1)),
        ListEntry(
            id: "emma", name: "EMMA", aliases: ["MULLER"], type: .individual, listed: nil, delisted: nil, identifiers: [], programs: [],
            location: SourceLocation(file: "t", line: 3, column: 1)),
        ListEntry(
            id: "conrad", name: "CONRAD", aliases: [], type: .vessel, listed: nil, delisted: nil, identifiers: [], programs: [],
            location: SourceLocation(file: "t", line: 4, column: 1)),
    ])

    static func screenNamesakes(_ name: String, minScore: Double, mode: Screener.Mode = .indexed) -> [ScreenMatch] {
        let spec = ScreenSpec(
            lists: ["n"], names: [], identifiers: [], minScore: minScore, below: nil, types: nil,
            location: SourceLocation(file: "t", line: 1, column: 1))
        return Screener(lists: [namesakes], mode: mode).screen(
            names: [Screener.Query(text: name, field: "customer.name")], identifiers: [], spec: spec, asOf: asOf, rule: "r")
    }

    @Test("namesakes of the second probe meet no entry", arguments: [
        "H&M", "H & M", "S&L", "S + L", "H＆M", "李佳", "Lǐ Jiā", "Hà Lê", "Szabó Vivien Emma", "Emma Müller",
        "Conrad Hilton", "J I",
    ])
    func namesake(_ name: String) {
        let indexed = Self.screenNamesakes(name, minScore: 0.9)
        #expect(indexed == Self.screenNamesakes(name, minScore: 0.9, mode: .scan))
        #expect(indexed.isEmpty, "\(indexed.map { "\($0.entry) \($0.method) \($0.score)" })")
    }

    @Test("initials joined without a conjunction still meet the acronym", arguments: ["H.M.", "H M", "S.L"])
    func acronym(_ name: String) {
        let hit = Self.screenNamesakes(name, minScore: 1.0).first
        #expect(hit?.entry == "hm")
        #expect(hit?.method == .alias)
        #expect(hit?.reading == .joined)
    }

    @Test("only a look-alike beyond ASCII gives a name a skeleton reading")
    func lookAlikes() {
        for name in ["李佳", "Müller", "Hà Lê", "Szabó Vivien", "Øystein", "Hamas"] {
            #expect(!EvasionForms.hasLookAlike(name), "\(name)")
            #expect(NameForms.query(name).skeleton.isEmpty, "\(name)")
        }
        for name in ["Наmas", "Ηamas", "ᎻᎪᎷᎪᏚ", "Іslamic", "卄卂爪卂丂", "HΛMΛS"] {
            #expect(EvasionForms.hasLookAlike(name), "\(name)")
            #expect(!NameForms.query(name).skeleton.isEmpty, "\(name)")
        }
    }

    @Test("words run together with a name are split off for containment", arguments: [
        ("hamasofficial", "hamas official"), ("officialhamas", "official hamas"), ("officialhamasmedia", "official hamas media"),
        ("alaqsatv", "alaqsa tv"), ("hamas media", nil), ("olive", nil), ("thetv", nil), ("ḥamasmedia", nil),
        ("hamasbewegung", "hamas bewegung"), ("hamasbrigades", "hamas brigades"), ("wagnergruppe", "wagner gruppe"),
        ("seafront", nil), ("ingroup", nil), ("hamaskataib", "hamas kataib"), ("hamaskataeb", "hamas kataeb"),
        ("harakathamas", "harakat hamas"), ("harakat", nil), ("kataib", nil),
    ] as [(String, String?)])
    func runTogether(_ normalized: String, _ split: String?) {
        #expect(EvasionForms.runTogetherSplit(normalized) == split)
    }

    @Test("which listed names take part in containment")
    func containmentEntrants() {
        #expect(NameScorer.entersContainment("hamas", type: .organization))
        #expect(NameScorer.entersContainment("hamas", type: .other))
        #expect(!NameScorer.entersContainment("isis", type: .organization))  // too short
        #expect(!NameScorer.entersContainment("muller", type: .individual))
        #expect(!NameScorer.entersContainment("conrad", type: .vessel))
        #expect(NameScorer.entersContainment("raed hijazi", type: .individual))  // two words
        #expect(!NameScorer.entersContainment("", type: .organization))
    }

    @Test("the forms of a name", arguments: [
        ("H.A.M.A.S", "h a m a s", "hamas"), ("ACME S.A.", "acme s a", "acme"), ("John F. Kennedy", "john f kennedy", nil),
    ] as [(String, String, String?)])
    func joined(_ text: String, _ plain: String, _ joined: String?) {
        #expect(NameNormalizer.normalize(text) == plain)
        #expect(EvasionForms.joinedLetters(plain) == joined)
    }

    /// `joinedLetters` returns early when the bytes show no one-scalar word:
    /// that must never miss a word `split(separator: " ")` would find.
    @Test("the byte check for a one-scalar word never misses one", arguments: [1, 2, 3] as [UInt64])
    func oneScalarWord(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // ASCII, two-, three- and four-byte scalars, combining marks (which `split` keeps with a space before them), spaces.
        let pieces = ["a", "b", "é", "ж", "ب", "王", "𝔸", "\u{301}", "\u{64E}", " ", " ", "  "]
        var found = 0
        for _ in 0 ..< 3_000 {
            let text = (0 ..< random.int(in: 1 ... 8)).map { _ in random.element(of: pieces) ?? "" }.joined()
            let bySplit = text.split(separator: " ").contains { $0.unicodeScalars.count == 1 }
            if bySplit {
                found += 1
                #expect(EvasionForms.hasOneScalarWord(text), "`\(text.debugDescription)` has a one-scalar word")
            }
        }
        #expect(found > 300)
        #expect(!EvasionForms.hasOneScalarWord("hamas media office"))
        #expect(EvasionForms.hasOneScalarWord("john f kennedy"))
        #expect(EvasionForms.hasOneScalarWord("王"))
        #expect(!EvasionForms.hasOneScalarWord(""))
    }

    @Test("skeletons meet across scripts and cases")
    func skeletons() {
        #expect(EvasionForms.skeleton("HAMAS") == EvasionForms.skeleton("Наmas"))
        #expect(EvasionForms.skeleton("HAMAS") == EvasionForms.skeleton("hamas"))
        #expect(EvasionForms.skeleton("ISIS") == EvasionForms.skeleton("іsis"))  // Cyrillic і, small
        #expect(EvasionForms.skeleton("ISIS") == EvasionForms.skeleton("ІSIS"))  // Cyrillic І, capital
        #expect(EvasionForms.skeleton("Вагнер") != "")
    }

    @Test("digit and consonant readings")
    func readings() {
        #expect(EvasionForms.digitReadings("h4mas") == ["hamas"])
        #expect(EvasionForms.digitReadings("a1 qaida") == ["ai qaida", "al qaida"])
        #expect(EvasionForms.digitReadings("room 101") == [])  // a number stays a number
        #expect(EvasionForms.consonants(normalized: "hamas") == "hms")
        #expect(EvasionForms.consonants(normalized: "hizballah") == "hzblh")
        #expect(EvasionForms.consonants(normalized: "ya") == nil)
    }

    @Test("other romanisations: Ukrainian г as h, Greek as modern Greek reads")
    func romanisations() {
        #expect(EvasionForms.otherRomanisations("Гезболла") == ["Хезболла"])
        #expect(EvasionForms.otherRomanisations("Hamas").isEmpty)
        #expect(EvasionForms.otherRomanisations("Вадим").isEmpty)  // no г: ICU's reading is the only one
        let greek = NameForms.query("Βάγκνερ")
        #expect(greek.latin.contains { $0.text == "vagner" && $0.reading == .romanised })
        #expect(NameForms.query("Χιζμπολάχ").latin.contains { $0.text == "hizbolah" })
        // Scholarly transliteration: š as sh, the elided article as `al`; decomposed input alike.
        let dmg = "ad-Dawla al-Islāmiyya fī l-ʿIrāq wa-š-Šām"
        #expect(NameForms.query(dmg).latin.contains { $0.text == "ad dawla al islamiyya fi al iraq wa sh sham" && $0.reading == .romanised })
        #expect(NameForms.query(dmg.decomposedStringWithCanonicalMapping).latin.contains { $0.text == "ad dawla al islamiyya fi al iraq wa sh sham" })
    }

    @Test("repeats and fillers: only where a writer added letters")
    func repeatsAndFillers() {
        #expect(EvasionForms.withoutRepeats("hhaammaass") == "hamas")
        #expect(EvasionForms.withoutRepeats("haammaass media office") == "hamas media ofice")
        #expect(EvasionForms.withoutRepeats("mohammed hassan abdullah") == nil)  // one doubled letter a word: a spelling
        #expect(EvasionForms.withoutRepeats("hammmas") == "hamas")  // a letter tripled loses two
        #expect(EvasionForms.withoutFillers("h1a1m1a1s") == "hamas")
        #expect(EvasionForms.withoutFillers("h0a0m0a0s0 media") == "hamas media")
        #expect(EvasionForms.withoutFillers("a1b") == nil)  // a part number, not letters apart
        #expect(EvasionForms.withoutFillers("h1a2m1a1s") == nil)  // not one filler
        #expect(EvasionForms.withoutFillers("b2b2b") == "bbb")
        #expect(EvasionForms.withoutFillers("room 101") == nil)
    }

    @Test("identifier normalisation: percent-decoding and UTS #46")
    func identifiers() {
        #expect(IdentifierNormalizer.normalize("https://%61qsatv.ps/live", kind: "domain") == "aqsatv.ps")
        #expect(IdentifierNormalizer.normalize("ＡＱＳＡＴＶ。ＰＳ", kind: "domain") == "aqsatv.ps")
        #expect(IdentifierNormalizer.normalize("Bücher.example", kind: "domain") == "xn--bcher-kva.example")
        #expect(IdentifierNormalizer.normalize("https://%E2%80%8Bx%ZZ.example", kind: "domain") != "")
        #expect(IdentifierMatcher.suffixes("a.b.c.d") == ["a.b.c.d", "b.c.d", "c.d"])
    }

    @Test(
        "a host copied with its wrapping, an outer scheme or its dots written otherwise is still the host",
        arguments: [
            "\"aqsatv.ps\"", "[aqsatv.ps]", "<https://aqsatv.ps>", "[Al-Aqsa](https://aqsatv.ps)", "“aqsatv.ps”",
            "view-source:https://aqsatv.ps/", "blob:https://aqsatv.ps/1234", "aqsatv .ps", "aqsatv. ps", "aqsatv dot ps",
            "aqsatv DOT ps", "aqsatv[d0t]ps", "aqsatv<.>ps", "aqsatv\\.ps", "aqsatv·ps", "aqsatv‧ps", "aqsatv∙ps", "\"<aqsatv.ps>\"",
        ])
    func unwrappedHosts(_ value: String) {
        #expect(IdentifierNormalizer.normalize(value, kind: "domain") == "aqsatv.ps")
    }

    @Test("what only looks wrapped keeps its meaning: an IPv6 literal, Catalan's l·l, a port")
    func notUnwrapped() {
        #expect(IdentifierNormalizer.normalize("[2001:db8::1]", kind: "domain") == "[2001:db8::1]")
        #expect(IdentifierNormalizer.normalize("col·legi.cat", kind: "domain") != "col.legi.cat")
        #expect(IdentifierNormalizer.normalize("https://aqsatv.ps:8443/x", kind: "domain") == "aqsatv.ps")
        #expect(IdentifierNormalizer.normalize("evil.example/aqsatv.ps", kind: "domain") == "evil.example")
    }
}
