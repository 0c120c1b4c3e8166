import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3 "Evasion": the spellings the fourth probe's report listed and
/// its first round of fixes left (Wagner in Arabic and Hebrew script,
/// Hebrew al-Qaida, Boko Haram and PKK, the Arabic article left out,
/// endings after an apostrophe, Cyrillic `ь` for b, Greek capitals), each
/// against a list of the names it tried, with the method,
/// reading and score it must get through the index and the scan alike; and
/// the ordinary names those readings must leave alone.
@Suite("Screening evasion: the rest of the fourth probe's report")
struct FourthProbeReportTests {
    static func entry(_ id: String, _ name: String, _ aliases: [String] = [], type: ListEntry.EntryType = .organization) -> ListEntry {
        ListEntry(
            id: id, name: name, aliases: aliases, type: type, listed: nil, delisted: nil, identifiers: [], programs: [],
            location: SourceLocation(file: "t", line: 1, column: 1))
    }

    static let list = CompiledList(id: "p5", digest: "sha256:probe5", entries: [
        entry("hamas", "HAMAS"),
        entry("boko", "BOKO HARAM"),
        entry("wagner", "WAGNER GROUP", ["Vagner", "PMC Wagner"]),
        entry("hizballah", "HIZBALLAH"),
        entry("pkk", "KURDISTAN WORKERS' PARTY", ["PKK"]),
        entry("qaida", "AL-QA'IDA", ["AL QAEDA", "AL-QAIDA"]),
        entry("shabaab", "AL-SHABAAB"),
        entry("isil", "ISLAMIC STATE OF IRAQ AND THE LEVANT", ["ISIL", "ISIS", "DAESH"]),
        // What the probe's readings could be mistaken for: ordinary words without their article, a person's
        // surname, the entities the endings met as an initial or a legal form.
        entry("aqsa", "AL-AQSA"),
        entry("hadid", "AL-HADID"),
        entry("shabab", "AL-SHABAB"),
        entry("salah", "AL-SALAH"),
        entry("jihad", "AL-JIHAD"),
        entry("masri", "AL-MASRI, Abu Hafs", type: .individual),
        entry("saidullah", "Saidullah HAMAS", type: .individual),
        entry("zanga", "ZANGA S.A.S."),
        // What a respelling or a word of an Arabic or Hebrew name could meet: Khalid, George, Bank Leumi, David.
        entry("khalidi", "KHALIDI COMPANY"),
        entry("gurg", "Gurg", type: .individual),
        entry("melli", "BANK MELLI"),
        entry("dukko", "DUKKO, Hassan", type: .individual),
    ])

    static func screen(_ name: String, minScore: Double = 0.9, mode: Screener.Mode = .indexed) -> [ScreenMatch] {
        EvasionTests.screen(name, in: list, minScore: minScore, mode: mode)
    }

    typealias Probe = EvasionTests.EntryProbe

    static let probes: [Probe] = [
        // 1. Wagner in Arabic and Hebrew script: ج and غ as g, ف as v, و and ו as v at the start of a word.
        Probe(name: "فاجنر", entry: "wagner", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "واغنر", entry: "wagner", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "واگنر", entry: "wagner", method: .fuzzy, reading: .consonants, score: 0.95),  // Persian گ
        Probe(name: "ואגנר", entry: "wagner", method: .fuzzy, reading: .consonants, score: 0.95),
        // "The Wagner group": Vagner's consonants are a word of the name's.
        Probe(name: "مجموعة فاجنر", entry: "wagner", method: .contained, reading: .consonants, score: 0.91),
        // Since 2026-12-06 met first through WAGNER GROUP without its word for a group (`wgnr`), before the alias Vagner.
        Probe(name: "קבוצת וגנר", entry: "wagner", method: .contained, reading: .groupless, score: 0.91),
        // "The Hamas movement", as Arabic names it: HAMAS's three consonants, a word of the name's.
        Probe(name: "حركة حماس", entry: "hamas", method: .contained, reading: .consonants, score: 0.91),
        // 2. Hebrew: a word-final ה left out, ק as k, ו after a letter a vowel.
        Probe(name: "אל קאעדה", entry: "qaida", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "אל-קאעדה", entry: "qaida", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "בוקו חראם", entry: "boko", method: .fuzzy, reading: .consonants, score: 0.95),
        // Arabic و after a letter read as a vowel too, in a guess of five consonants or more.
        Probe(name: "بوكو حرام", entry: "boko", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "פ.ק.ק", entry: "pkk", method: .alias, reading: .romanised, score: 1.0),
        // 3. The Arabic article left out: a variant of the listed name, contained only with a word naming a group.
        Probe(name: "Qaeda", entry: "qaida", method: .variant, reading: .article, score: 0.95),
        Probe(name: "Qaida", entry: "qaida", method: .variant, reading: .article, score: 0.95),
        Probe(name: "Qaida Organization", entry: "qaida", method: .contained, reading: .article, score: 0.91),
        Probe(name: "Shabaab Movement", entry: "shabaab", method: .contained, reading: .article, score: 0.91),
        // 4. Endings after an apostrophe: the English possessive, Turkish case endings.
        Probe(name: "Hamas’s", entry: "hamas", method: .exact, reading: nil, score: 1.0),
        Probe(name: "Hamas's", entry: "hamas", method: .exact, reading: nil, score: 1.0),
        Probe(name: "Hamas's Office", entry: "hamas", method: .contained, reading: nil, score: 0.91),
        Probe(name: "Al-Shabaab’s", entry: "shabaab", method: .exact, reading: nil, score: 1.0),
        Probe(name: "PKK'nın", entry: "pkk", method: .alias, reading: .suffix, score: 1.0),
        Probe(name: "Hamas'ın", entry: "hamas", method: .exact, reading: .suffix, score: 1.0),
        Probe(name: "DEAŞ'ın", entry: "isil", method: .fuzzy, reading: .suffix, score: 0.94),  // ş as sh too
        // 5. Cyrillic ь for b among Latin letters.
        Probe(name: "Hizьallah", entry: "hizballah", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "HIZЬALLAH", entry: "hizballah", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "Al-Shaьaab", entry: "shabaab", method: .exact, reading: .skeleton, score: 1.0),
        // 6. Greek capitals: Λ read as its own L as well as the A generators use it for.
        Probe(name: "ΗΙΖΒΑΛΛΑΗ", entry: "hizballah", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "HΛMΛS", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
    ]

    @Test("each spelling left from the fourth probe's report meets its entry", arguments: probes)
    func probe(_ probe: Probe) {
        EvasionTests.expectMeetsItsEntry(probe, in: Self.list)
    }

    @Test("the readings that meet a name without its article or with a respelt letter stay below 1.0")
    func belowExact() {
        for name in ["Qaeda", "Qaida Organization", "Jihad", "فاجنر", "مجموعة فاجنر", "בוקו חראם"] {
            #expect(Self.screen(name, minScore: 1.0).isEmpty, "\(name)")
        }
        // al-Jihad without its article is a given name: review, never a block.
        #expect(Self.screen("Jihad").first { $0.entry == "jihad" }?.score == 0.95)
    }

    @Test(
        "ordinary names these readings must leave alone",
        arguments: [
            // The article: four letters left are a word or a name; other words are not a group's; a person's surname.
            "Aqsa", "Zaha Hadid Architects", "Shabab Sports Club", "Salah Trading", "Jihad Trading", "Masri",
            // Apostrophes that are not endings, and Arabic ayn or hamza written as one.
            "O'Brien", "D'Souza", "Ma'ruf", "Shi'a", "Jama'at", "Isma'il", "People's Bank",
            // Arabic and Hebrew names: three consonants inside a longer name are not HAMAS (Homs hotel); a word of an
            // ordinary name is not a listed one (Khalid, Richard Wagner); a respelling counts only when equal, with
            // four consonants or more (George, Bank Leumi, David Cohen).
            "فندق حمص", "محمد علي", "جمال عبد الناصر", "فاطمة الزهراء", "يوسف", "דוד כהן", "משה לוי", "יעקב", "خالد الفيصل",
            "ريتشارد فاغنر", "ריכרד וגנר", "جورج", "בנק לאומי", "محمود عباس",
            // Russian with a soft sign, Greek with a lambda.
            "Мария Ильина", "Ильин Ltd", "ΑΛΕΞΑΝΔΡΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ",
        ])
    func ordinaryNames(_ name: String) {
        let indexed = Self.screen(name)
        #expect(indexed == Self.screen(name, mode: .scan))
        #expect(indexed.isEmpty, "\(name): \(indexed.map { "\($0.entry) \($0.method) \(String(describing: $0.reading)) \($0.score)" })")
    }

    @Test("an ending is read off a word of three letters or more, when it is an English or Turkish one")
    func apostropheSuffixes() {
        let cases: [(String, String?)] = [
            ("Hamas’s", "Hamas"), ("Hamas's Office", "Hamas Office"), ("Al-Shabaab’s", "Al-Shabaab"), ("PKK'nın", "PKK"),
            ("IŞİD'e", "IŞİD"), ("IS\u{327}I\u{307}D'e", "IS\u{327}I\u{307}D"), ("Hamasʼın", "Hamas"),
            ("PKK'NIN", "PKK"), ("PKK'lı", "PKK"), ("PKK'daki", "PKK"),
            ("O'Brien", nil), ("D'Souza", nil), ("Ma'ruf", nil), ("Qa'ida", nil), ("Hezb'allah", nil), ("Hamas'", nil),
            // Arabic ayn and hamza: no ending follows them, save a vowel that is one (read beside the plain `shi a`).
            ("Jama'at", nil), ("Isma'il", nil), ("Qur'an", nil), ("Shi'a", "Shi"),
        ]
        for (text, expected) in cases {
            #expect(EvasionForms.withoutApostropheSuffixes(text) == expected, "\(text)")
        }
        let forms = NameForms.query("IŞİD'e")
        #expect(forms.latin.contains { $0.text == "isid" && $0.reading == .suffix })
        #expect(forms.latin.contains { $0.text == "ishid" && $0.reading == .suffix })
        #expect(forms.latin.first?.text == "isid e")
    }

    @Test("the article is read off a listed name when what is left has five letters or more")
    func article() {
        let cases: [(String, String?)] = [
            ("al qaida", "qaida"), ("al qa ida", "qa ida"), ("el jihad", "jihad"), ("ash shabaab", "shabaab"),
            ("an nusra front", "nusra front"), ("ad dawla al islamiyya", "dawla al islamiyya"), ("al aqsa tv", "aqsa tv"),
            ("al aqsa", nil), ("an hamas", nil), ("alpha group", nil), ("al", nil), ("hamas", nil),
        ]
        for (normalized, expected) in cases {
            #expect(EvasionForms.withoutArticle(normalized) == expected, "\(normalized)")
        }
        #expect(NameForms.listed("AL-QA'IDA", normalized: "al qa ida").article.map(\.text) == ["qa ida"])
        #expect(NameForms.query("Al-Qaida").article.isEmpty)  // a listed reading only
    }

    @Test("Arabic and Hebrew consonants read as the lists spell foreign and Hebrew names")
    func consonantSpellings() {
        func consonants(_ name: String) -> [String] { NameForms.query(name).consonants.map(\.text) }
        func respelt(_ name: String) -> [String] { NameForms.query(name).consonantRespellings.map(\.text) }
        #expect(consonants("فاجنر") == ["fjnr"])
        #expect(respelt("فاجنر") == ["vgnr"])
        #expect(respelt("واغنر") == ["vgnr"])
        #expect(respelt("ואגנר") == ["vgnr"])
        #expect(respelt("בוקו חראם") == ["bkhrm"])
        #expect(consonants("אל קאעדה") == ["lqdh", "lqd"])
        #expect(respelt("אל קאעדה").isEmpty)  // `lkd`: three consonants are too few for a guess
        #expect(respelt("جورج") == ["gwrg"])  // Arabic و after a letter stays: not the Taliban alias Gurg's `grg`
        #expect(respelt("بوكو حرام").contains("bkhrm"))  // read as a vowel too, with five consonants
        #expect(!respelt("محمود").contains("mhmd"))  // not Mahmoud as Muhammad: four are too few for that guess
        #expect(NameForms.query("مجموعة فاجنر").consonantWords.map(\.text).contains("mgmw vgnr"))
        #expect(NameForms.query("فاجنر").consonantWords.isEmpty)  // one word: nothing to contain
        #expect(NameForms.query("خالد الفيصل").consonantWords.isEmpty)  // no word naming a group
        for name in ["مجموعة فاجنر", "קבוצת וגנר", "حركة حماس", "الحركة حماس", "הקבוצה וגנר"] {
            #expect(EvasionForms.namesAGroup(name), "\(name)")
        }
        for name in ["فاجنر", "خالد الفيصل", "ريتشارد فاغنر", "مجموعة", "مجموعة فاجنر الروسية"] {
            #expect(!EvasionForms.namesAGroup(name), "\(name)")
        }
        #expect(EvasionForms.asListsSpell("וו") == "v")
        #expect(EvasionForms.asListsSpell("محمود") == "محمود")  // Arabic و after a letter stays: Mahmoud is not Muhammad
        #expect(EvasionForms.withoutFinalHeh("קאעדה") == "קאעד")
        #expect(EvasionForms.withoutFinalHeh("ה") == "ה")
        // Three consonants take part in containment (`حركة حماس`), two do not.
        #expect(NameScorer.consonantContainable("hms", normalized: "hamas", type: .organization))
        #expect(!NameScorer.consonantContainable("hm", normalized: "hamma", type: .organization))
        #expect(NameScorer.consonantContainable("vgnr", normalized: "vagner", type: .organization))
        #expect(!NameScorer.consonantContainable("vgnr", normalized: "vagner", type: .individual))
    }

    @Test("ь is b only among Latin letters, Λ is read both ways, a quotation mark is no look-alike")
    func contextualLetters() {
        // No skeleton reading for `’` (whose `s` read so aligned with ZANGA S.A.S.).
        #expect(!EvasionForms.hasLookAlike("Al-Shabaab’s"))
        #expect(!Self.screen("Al-Shabaab’s").contains { $0.entry == "zanga" })
        #expect(FancyLetters.readInContext("Hizьallah") == "Hizballah")
        #expect(FancyLetters.readInContext("Мария Ильина") == nil)
        // Latin letters elsewhere (its faux-Cyrillic И is read), Cyrillic beside the soft sign: not b.
        #expect(FancyLetters.readInContext("Ильин Ltd").map { !$0.contains("b") } ?? true)
        #expect(FancyLetters.asOwnLetters("ΗΙΖΒΑΛΛΑΗ") == "ΗΙΖΒΑLLΑΗ")
        #expect(FancyLetters.asOwnLetters("Hamas") == nil)
        #expect(NameForms.query("ΗΙΖΒΑΛΛΑΗ").skeleton.map(\.text) == ["hizbaaaah", "hizbaiiah"])
    }
}
