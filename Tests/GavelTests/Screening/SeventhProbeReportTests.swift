import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3 "Evasion": what the seventh probe (2026-12-07: every listed
/// organisation of the FTO, UN and EU lists and the UK schedule, each
/// spelt some forty ways) found below the review band — names written
/// wholly in digits (`h1z84114h`, with `1` for both i and l, and words of
/// digits alone), a name of several words run together in one
/// (`NewIrishRepublicanArmy`), a space moved by one letter (`liberationo f
/// palestine`), a two-letter word with a letter dropped (`army f islam`),
/// and Hebrew that writes Arabic sounds with a geresh (`ג׳בהת`) or the
/// Arabic article as an alef before a hyphen (`תחריר א-שאם`); and, beside
/// it, mirror text (`ƨɒmɒH`), "currency" text (`H₳M₳S`) and the small
/// capital `ᴍ` among look-alikes (`ʜᴀᴍᴀѕ`), and Arabic and Hebrew names
/// that translate a listed group's (`الجبهة الشعبية لتحرير فلسطين`, the
/// PFLP; `כוח קודס`, the Qods Force) — each against the names it tried, through the index and the scan alike; and
/// the ordinary names those readings must leave alone.
@Suite("Screening evasion: the seventh probe's name spellings")
struct SeventhProbeReportTests {
    static let list = CompiledList(id: "p7", digest: "sha256:probe7", entries: [
        FourthProbeReportTests.entry("hizballah", "HIZBALLAH"),
        FourthProbeReportTests.entry("ltte", "LIBERATION TIGERS OF TAMIL EELAM"),
        FourthProbeReportTests.entry("ltteacronym", "LTTE"),
        FourthProbeReportTests.entry("asbat", "ASBAT AL-ANSAR"),
        FourthProbeReportTests.entry("isisb", "ISIS-BANGLADESH"),
        FourthProbeReportTests.entry("gamaa", "GAMA'A AL-ISLAMIYYA"),
        FourthProbeReportTests.entry("nira", "NEW IRISH REPUBLICAN ARMY"),
        FourthProbeReportTests.entry("aqap", "AL-QA'IDA IN THE ARABIAN PENINSULA", ["AL-QAIDA IN THE ARABIAN PENINSULA"]),
        FourthProbeReportTests.entry("pflp", "POPULAR FRONT FOR THE LIBERATION OF PALESTINE"),
        FourthProbeReportTests.entry("lej", "LASHKAR I JHANGVI"),
        FourthProbeReportTests.entry("aoi", "ARMY OF ISLAM"),
        FourthProbeReportTests.entry("jaa", "JUND AL AQSA"),
        FourthProbeReportTests.entry("nusra", "JABHAT AL-NUSRAH"),
        FourthProbeReportTests.entry("hts", "HAY'AT TAHRIR AL-SHAM", ["TAHRIR AL-SHAM"]),
        FourthProbeReportTests.entry("jem", "JAISH-I-MOHAMMED"),
        FourthProbeReportTests.entry("hamas", "HAMAS"),
        FourthProbeReportTests.entry("wagner", "WAGNER GROUP", ["Wagner"]),
        FourthProbeReportTests.entry("boko", "BOKO HARAM"),
        FourthProbeReportTests.entry("pflpgc", "POPULAR FRONT FOR THE LIBERATION OF PALESTINE - GENERAL COMMAND"),
        FourthProbeReportTests.entry("pij", "PALESTINE ISLAMIC JIHAD", ["ISLAMIC JIHAD IN PALESTINE", "PALESTINIAN ISLAMIC JIHAD"]),
        FourthProbeReportTests.entry("irgc", "ISLAMIC REVOLUTIONARY GUARD CORPS", ["IRAN'S REVOLUTIONARY GUARD CORPS", "IRAN'S REVOLUTIONARY GUARDS"]),
        FourthProbeReportTests.entry("qods", "ISLAMIC REVOLUTIONARY GUARD CORPS-QODS FORCE", ["QODS FORCE"]),
        FourthProbeReportTests.entry("qassam", "IZZ AL-DIN AL-QASSAM BRIGADES"),
        // What the readings could be mistaken for.
        FourthProbeReportTests.entry("ira", "IRISH REPUBLICAN ARMY"),
        FourthProbeReportTests.entry("jnim", "JAMA'AT NUSRAT AL-ISLAM WAL-MUSLIMIN"),
    ])

    typealias Probe = EvasionTests.EntryProbe

    static let probes: [Probe] = [
        // Every letter a digit, `1` for i and for l in one name: read through skeletons, where l is i.
        Probe(name: "h1z84114h", entry: "hizballah", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "H1ZB4LL4H", entry: "hizballah", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "1183r4710n 7193r5 0f 74m11 3314m", entry: "ltte", method: .variant, reading: .digits, score: 0.95),
        // A word of digits alone in a name whose other words mix digits and letters.
        Probe(name: "45847 41-4n54r", entry: "asbat", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "1515-84n914d35h", entry: "isisb", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "94m4'4 41-1514m1yy4", entry: "gamaa", method: .variant, reading: .digits, score: 0.95),
        // A name of several words run together, whole, in one word or two.
        Probe(name: "NewIrishRepublicanArmy", entry: "nira", method: .fuzzy, reading: nil, score: 0.972),
        Probe(name: "NewIrish RepublicanArmy", entry: "nira", method: .fuzzy, reading: nil, score: 0.9509),
        Probe(name: "Al-qa'idaInTheArabianPeninsula", entry: "aqap", method: .fuzzy, reading: nil, score: 0.9765),
        // A space moved by one letter; a two-letter word with a letter dropped.
        Probe(name: "popular front for the liberationo f palestine", entry: "pflp", method: .fuzzy, reading: nil, score: 0.9956),
        Probe(name: "lashka ri jhangvi", entry: "lej", method: .fuzzy, reading: nil, score: 0.9882),
        Probe(name: "army f islam", entry: "aoi", method: .fuzzy, reading: nil, score: 0.9846),
        Probe(name: "jund l aqsa", entry: "jaa", method: .fuzzy, reading: nil, score: 0.9288),
        // Hebrew: a letter with a geresh for an Arabic sound, an alef before a hyphen or maqaf for the article.
        Probe(name: "ג׳בהת א-נוסרה", entry: "nusra", method: .fuzzy, reading: .consonants, score: 0.931),
        Probe(name: "ג'בהת אל-נוסרה", entry: "nusra", method: .fuzzy, reading: .consonants, score: 0.931),
        Probe(name: "תחריר א-שאם", entry: "hts", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "הייאת תחריר א־שאם", entry: "hts", method: .fuzzy, reading: .consonants, score: 0.95),
        Probe(name: "ג׳יש מוחמד", entry: "jem", method: .fuzzy, reading: .consonants, score: 0.95),
        // Arabic and Hebrew names that translate a listed group's English name.
        Probe(name: "الجبهة الشعبية لتحرير فلسطين", entry: "pflp", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "الجبهة الشعبية لتحرير فلسطين - القيادة العامة", entry: "pflpgc", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "החזית העממית לשחרור פלסטין", entry: "pflp", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "حركة الجهاد الإسلامي في فلسطين", entry: "pij", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "הג׳יהאד האסלאמי הפלסטיני", entry: "pij", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "الحرس الثوري الإيراني", entry: "irgc", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "فيلق القدس", entry: "qods", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "כוח קודס", entry: "qods", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "كتائب عز الدين القسام", entry: "qassam", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "גדודי עז א-דין אל-קסאם", entry: "qassam", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "אל-קאעידה בחצי האי ערב", entry: "aqap", method: .variant, reading: .translated, score: 0.95),
        // Every letter doubled, the name's own double letters too: each run halved keeps them.
        Probe(name: "LLTTTTEE", entry: "ltteacronym", method: .variant, reading: .repeats, score: 0.95),
        Probe(name: "HHAAMMAASS", entry: "hamas", method: .variant, reading: .repeats, score: 0.95),
        // Mirror text, written backwards as generators write it, and in its own order.
        Probe(name: "ƨɒmɒH", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "Hɒmɒƨ", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "ɿɘnϱɒW", entry: "wagner", method: .alias, reading: .skeleton, score: 1.0),
        // "Currency" text: the currency signs for the letters they look like.
        Probe(name: "H₳M₳S", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "₩₳₲₦ɆⱤ ₲ⱤØɄ₱", entry: "wagner", method: .exact, reading: .skeleton, score: 1.0),
        Probe(name: "฿Ø₭Ø Ⱨ₳Ɽ₳₥", entry: "boko", method: .exact, reading: .skeleton, score: 1.0),
        // Small capitals with a Cyrillic letter: UTS #39 reads small capital ᴍ as the turned ʍ, as it does Cyrillic м.
        Probe(name: "ʜᴀᴍᴀѕ", entry: "hamas", method: .exact, reading: .skeleton, score: 1.0),
    ]

    @Test("each name spelling of the seventh probe meets its entry", arguments: probes)
    func probe(_ probe: Probe) {
        EvasionTests.expectMeetsItsEntry(probe, in: Self.list)
    }

    @Test(
        "ordinary names these readings must leave alone",
        arguments: [
            // Numbers beside words are numbers; a word of digits is read only beside a word mixing both.
            "Studio 54 Ltd", "Route 66 Diner", "Unit 731 Records", "1984 Books", "Club 18-30", "Area 51 Tours",
            // Words run together that are not a listed name's words in order; a listed name's words inside other words.
            "Irishrepublic Pub", "ArmyIslands Surplus", "New Irish Bakery", "Republican Army Surplus Store",
            // One-letter words that are no listed word with a letter dropped.
            "Jund L Bakery", "Popular Front Records", "Tamil F Eelam Foods",
            // Hebrew names with a geresh or an alef alone: people and companies.
            "ג׳ון סמית", "ג׳ורג׳ בוש", "צ׳רלי צ׳פלין", "ג׳נרל מוטורס", "א-ב הובלות", "ז׳אק שירק",
            // Russian names with the Cyrillic letters that mirror N and R; prices in a name.
            "Мария Иванова", "Ярослав Борисов", "₹ Mart", "Café €5", "₿ Exchange Ltd",
            // The glossary's words outside its phrases: Palestine Hospital, Al-Quds University, a manpower company, a front
            // of a building, the Revolution Square.
            "مستشفى فلسطين", "جامعة القدس", "כוח אדם בע״מ", "החזית הצפונית", "ميدان الثورة",
        ])
    func ordinaryName(_ name: String) {
        let indexed = EvasionTests.screenedBothWays(name, in: Self.list)
        #expect(indexed.isEmpty, "\(indexed.map { "\($0.entry) \($0.method) \($0.score)" })")
    }

    @Test("the readings behind them, form by form")
    func readings() {
        #expect(EvasionForms.digitReadings("45847 41 4n54r").contains("asbat ai ansar"))
        #expect(EvasionForms.digitReadings("1515 84n914d35h").contains("isis bangiadesh"))
        // No word mixes digits and letters: the numbers stay numbers.
        #expect(EvasionForms.digitReadings("studio 54 1984").isEmpty)
        #expect(EvasionForms.digitReadings("club 18 30").isEmpty)
        // `1` for i and l: one skeleton reading holds both.
        #expect(NameForms.query("h1z84114h").skeletonVariants.map(\.text).contains("hizbaiiah"))
        #expect(NameForms.query("Hizballah").skeletonVariants.isEmpty)
        #expect(EvasionForms.hebrewTranscriptionRead("ג׳בהת א-נוסרה") == "jבהת al-נוסרה")
        #expect(EvasionForms.hebrewTranscriptionRead("ח'אלד ת׳אבת ד׳ אע׳א") == "khאלד thאבת dh אghא")
        #expect(EvasionForms.hebrewTranscriptionRead("תחריר א־שאם") == "תחריר al־שאם")
        // An alef inside a word, or before a hyphen inside one, is a letter of the word.
        #expect(EvasionForms.hebrewTranscriptionRead("אבא-אמא") == "אבא-אמא")
        #expect(EvasionForms.hebrewTranscriptionRead("Jabhat al-Nusra") == "Jabhat al-Nusra")
        #expect(IdentifierNormalizer.userinfoHost(in: "http://aqsatv.ps@example.com") == "aqsatv.ps")
        #expect(IdentifierNormalizer.userinfoHost(in: "http://user:pw@aqsatv.ps/") == nil)
        #expect(EvasionTests.screen(domains: ["press@aqsatv.ps", "http://user:pw@aqsatv.ps/"]).allSatisfy { $0.method == .identifier })
        #expect(EvasionForms.halvedRepeats("aabbdduullllaahh") == "abdullah")
        #expect(EvasionForms.halvedRepeats("mmoohhaammmmaadd ttaahhiirr") == "mohammad tahir")
        // A run of odd length: not every letter was doubled.
        #expect(EvasionForms.halvedRepeats("hammas") == nil)
        #expect(EvasionForms.halvedRepeats("aabbc") == nil)
        #expect(FancyLetters.isMirrored("ƨɒmɒH"))
        #expect(FancyLetters.read("ƨɒmɒH") == "Hamas")
        #expect(FancyLetters.turnedInPlace("Hɒmɒƨ") == "Hamas")
        // Cyrillic И and Я alone do not make a name mirror text; nor does one mirrored letter among many.
        #expect(!FancyLetters.isMirrored("Мария Иванова"))
        #expect(!FancyLetters.isMirrored("Ярослав"))
        #expect(!FancyLetters.isMirrored("Hamaƨ Media Office"))
        #expect(FancyLetters.read("H₳M₳S") == "HaMaS")
    }

    @Test(
        "a listed host written as the user name before another host is a linked variant, for review",
        arguments: ["http://aqsatv.ps@example.com", "aqsatv.ps@example.com", "https://aqsatv.ps:x@example.com/live", "hxxp://aqsatv[.]ps@example.com"])
    func hostAsUserName(_ value: String) {
        let hits = EvasionTests.screen(domains: [value])
        #expect(hits.count == 1 && hits.allSatisfy { $0.reading == .linked && $0.method == .variant && $0.score == 0.95 }, "\(hits)")
        #expect(hits == EvasionTests.screen(domains: [value], mode: .scan))
    }

    @Test(
        "a user name that is no host under a public suffix, or a listed host after the @, is read as before",
        arguments: ["john.smith@gmail.com", "http://john.smith@example.com", "http://user:pw@example.com/", "first.last@example.org"])
    func ordinaryUserName(_ value: String) {
        #expect(EvasionTests.screen(domains: [value]).isEmpty)
        #expect(IdentifierNormalizer.userinfoHost(in: value) == nil)
    }

    @Test("what the words say of a whole-text score, the new explanations included")
    func caps() {
        func cap(_ query: String, _ listed: String) -> TokenAlignment.Cap? {
            TokenAlignment.cap(TokenAlignment.Words(query), TokenAlignment.Words(listed, listed: true))
        }
        #expect(cap("newirishrepublicanarmy", "new irish republican army") == nil)
        #expect(cap("newirish republicanarmy", "new irish republican army") == nil)
        #expect(cap("liberationo f palestine", "liberation of palestine") == nil)
        #expect(cap("lashka ri jhangvi", "lashkar i jhangvi") == nil)
        #expect(cap("army f islam", "army of islam") == nil)
        // Run together with letters of no listed word: still a word replaced or added.
        #expect(cap("newirishrepublicanarmyx", "new irish republican army") == .wordReplaced)
        #expect(cap("new irish republican army surplus", "new irish republican army") == .wordsAdded)
        // A one-letter word that is no listed word with a letter dropped.
        #expect(cap("army x islam", "army of islam") == .wordReplaced)
    }
}
