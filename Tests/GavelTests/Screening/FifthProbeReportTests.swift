import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3 "Evasion": the name spellings the fifth probe (2026-12-06)
/// found evading — letters spelt out with `+` or `&`, a lone `|` for I,
/// `13` for B, a digit alone as a word, an assimilated Arabic article in the
/// case's name, Hebrew `ש` as sh, Russian spellings, Arabic, Persian and
/// Urdu names with words added — each against a list of
/// the names it tried, with the method, reading and score it must get
/// through the index and the scan alike; and the ordinary names those
/// readings must leave alone.
@Suite("Screening evasion: the fifth probe's name spellings")
struct FifthProbeReportTests {
    static let list = CompiledList(id: "p6", digest: "sha256:probe6", entries: [
        FourthProbeReportTests.entry("hamas", "HAMAS"),
        FourthProbeReportTests.entry("hizballah", "HEZBOLLAH", ["HIZBOLLAH"]),
        FourthProbeReportTests.entry("isil", "ISLAMIC STATE OF IRAQ AND THE LEVANT", ["ISIL", "ISIS", "DAESH"]),
        FourthProbeReportTests.entry("boko", "BOKO HARAM"),
        FourthProbeReportTests.entry("jem", "JAISH-E-MOHAMMED", ["JAISH-I-MOHAMMED"]),
        FourthProbeReportTests.entry("let", "LASHKAR-E-TAYYIBA", ["LASHKAR E-TAIBA"]),
        FourthProbeReportTests.entry("hts", "HAY'AT TAHRIR AL-SHAM", ["HAYAT TAHRIR AL-SHAM"]),
        FourthProbeReportTests.entry("nusra", "JABHAT AL-NUSRAH"),
        FourthProbeReportTests.entry("shabaab", "AL-SHABAAB", ["AL-SHABAB"]),
        FourthProbeReportTests.entry("haqqani", "HAQQANI"),
        FourthProbeReportTests.entry("qaida", "AL-QAIDA", ["AL QAEDA"]),
        FourthProbeReportTests.entry("ansar", "ANSAR ALLAH"),
        FourthProbeReportTests.entry("jamaat", "AL-GAMA'A AL-ISLAMIYYA", ["JAMAAT AL-ISLAMIYYA"]),
        FourthProbeReportTests.entry("aqsa", "AL-AQSA"),
        FourthProbeReportTests.entry("wagner", "WAGNER GROUP", ["Vagner"]),
        // What spelt-out initials and a lone digit could be mistaken for.
        FourthProbeReportTests.entry("hm", "HIZBUL MUJAHIDEEN", ["HM"]),
        FourthProbeReportTests.entry("abc", "ABC"),
    ])

    typealias Probe = EvasionTests.EntryProbe

    static let probes: [Probe] = [
        // Letters spelt out with a conjunction between each: three or more are a word, not initials.
        Probe(name: "H+E+Z+B+O+L+L+A+H", entry: "hizballah", method: .exact, reading: .joined, score: 1.0),
        Probe(name: "D&A&E&S&H", entry: "isil", method: .alias, reading: .joined, score: 1.0),
        Probe(name: "H + A + M + A + S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        Probe(name: "H＆A＆M＆A＆S", entry: "hamas", method: .exact, reading: .joined, score: 1.0),
        // A lone bar for the capital I it draws; `13` for the b `|3` is.
        Probe(name: "|S|S", entry: "isil", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "|SIS", entry: "isil", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "13oko Haram", entry: "boko", method: .variant, reading: .digits, score: 0.95),
        // A digit alone between two words of a name spelt with hyphens.
        Probe(name: "Jaish-3-Mohammed", entry: "jem", method: .variant, reading: .digits, score: 0.95),
        Probe(name: "Jaish 1 Mohammed", entry: "jem", method: .variant, reading: .digits, score: 0.95),
        // The case's article assimilated to a sun letter, read as the lists write it.
        Probe(name: "Hay'at Tahrir ash-Sham", entry: "hts", method: .exact, reading: .romanised, score: 1.0),
        Probe(name: "Hayat Tahrir ash Sham", entry: "hts", method: .alias, reading: .romanised, score: 1.0),
        Probe(name: "Jabhat an-Nusrah", entry: "nusra", method: .exact, reading: .romanised, score: 1.0),
        // Hebrew ש as sh: al-Shabaab's consonants.
        Probe(name: "אל שבאב", entry: "shabaab", method: .fuzzy, reading: .consonants, score: 0.95),
        // An Arabic, Persian or Urdu name with more words: a listed name of two words in order, one word after
        // the article beside a word naming a group or outlet, and the Persian and Urdu words for a group.
        Probe(name: "إعلام بوكو حرام", entry: "boko", method: .contained, reading: .consonants, score: 0.91),
        Probe(name: "مكتب أنصار الله", entry: "ansar", method: .contained, reading: .consonants, score: 0.91),
        Probe(name: "جيش محمد تنظيم", entry: "jem", method: .contained, reading: .consonants, score: 0.91),
        Probe(name: "قناة الأقصى", entry: "aqsa", method: .contained, reading: .consonants, score: 0.91),
        Probe(name: "تنظيم الشباب", entry: "shabaab", method: .contained, reading: .consonants, score: 0.91),
        // Since 2026-12-06 met first through WAGNER GROUP without its word for a group (`wgnr`), before the alias Vagner.
        Probe(name: "گروه واگنر", entry: "wagner", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "گروه الشباب", entry: "shabaab", method: .contained, reading: .consonants, score: 0.91),
        // Russian as English-style romanisation writes it: к for the q it has no letter for, ей for ai, дж for j,
        // the article assimilated.
        Probe(name: "Хаккани", entry: "haqqani", method: .exact, reading: .romanised, score: 1.0),
        Probe(name: "Джейш-е-Мухаммад", entry: "jem", method: .fuzzy, reading: .romanised, score: 0.95),
        Probe(name: "Хайят Тахрир аш-Шам", entry: "hts", method: .fuzzy, reading: .romanised, score: 0.9905),
        // And `е` after a consonant as the short a, `аи` as the ae of a name with an ayn, in a name with those marks.
        Probe(name: "Джебхат ан-Нусра", entry: "nusra", method: .fuzzy, reading: .romanised, score: 0.9875),
        Probe(name: "Даиш", entry: "isil", method: .alias, reading: .romanised, score: 1.0),
        Probe(name: "Аль-Каида", entry: "qaida", method: .alias, reading: .romanised, score: 1.0),
        // The same, transliterated into Latin letters letter by letter (`dzh` marks it).
        Probe(name: "Dzhebkhat an-Nusra", entry: "nusra", method: .fuzzy, reading: .romanised, score: 0.9875),
        Probe(name: "Dzhejsh-e-Mukhammad", entry: "jem", method: .fuzzy, reading: .romanised, score: 0.95),
        // Katakana without the vowels it adds, r as l; Chinese syllables of a name joined.
        Probe(name: "ヒズボラ", entry: "hizballah", method: .fuzzy, reading: .romanised, score: 0.9556),
        Probe(name: "アル・シャバブ", entry: "shabaab", method: .alias, reading: .romanised, score: 1.0),
        Probe(name: "ハマス", entry: "hamas", method: .exact, reading: .romanised, score: 1.0),
        Probe(name: "哈马斯", entry: "hamas", method: .fuzzy, reading: .romanised, score: 0.9667),
        // Katakana and Hangul write the article run together with its word: set apart. Hangul without its added eu,
        // sy as sh, j as z.
        Probe(name: "アルカイダ", entry: "qaida", method: .fuzzy, reading: .romanised, score: 0.9417),
        Probe(name: "하마스", entry: "hamas", method: .exact, reading: .romanised, score: 1.0),
        Probe(name: "헤즈볼라", entry: "hizballah", method: .fuzzy, reading: .romanised, score: 0.9778),
        Probe(name: "알샤바브", entry: "shabaab", method: .alias, reading: .romanised, score: 1.0),
        Probe(name: "알카에다", entry: "qaida", method: .fuzzy, reading: .romanised, score: 0.9417),
    ]

    @Test("each name spelling of the fifth probe meets its entry", arguments: probes)
    func probe(_ probe: Probe) {
        EvasionTests.expectMeetsItsEntry(probe, in: Self.list)
    }

    @Test(
        "ordinary names these readings must leave alone",
        arguments: [
            // Two initials joined by a conjunction stay initials; letters apart from a word are not spelt out.
            "H&M", "H + M", "A&B", "AT&T", "Marks & Spencer", "R+T Solutions", "A&B&Co",
            // A number, a lone digit beside a number, a digit after a word only.
            "Route 13 Bakery", "Studio 3", "Unit 13 B", "Room 101",
            // A bar as punctuation; an English `as` or `an` before a word with its letter.
            "Hamid | Media", "as seen on TV", "an Nyheter", "Ash Sharma", "Ad Dawson", "Ash Shah", "Ed Davis",
            // Arabic, Persian and Urdu names of ordinary organisations: Nasrallah is not Ansar Allah (Arabic writes
            // the first vowel), Jamaat-e-Islami Pakistan is not al-Gama'a al-Islamiyya (the article is written), a
            // mosque is not an outlet, an ordinary word after the article with no word for a group or an outlet.
            "شركة نصر الله للمقاولات", "ناصر عبد الله", "جماعت اسلامی پاکستان", "مسجد الأقصى المبارك", "مدرسة الشباب",
            "بيت المال الإسلامي", "سازمان ملل متحد", "گروه موسیقی آریان", "قناة الجزيرة",
            // Russian, Hebrew, Japanese and Chinese names of people and companies.
            "Иван Петров", "Кира Шевченко", "Джон Смит", "Dzhon Smit", "Dzhokhar Dudaev", "שלמה כהן", "Сергей Королёв", "Газпром", "トヨタ自動車", "ソニー株式会社",
            "東京スカイツリー", "李佳", "王伟", "华为技术有限公司", "김민준", "삼성전자", "알렉스", "박서준", "현대자동차", "스즈키 이치로",
        ])
    func ordinaryName(_ name: String) {
        let indexed = EvasionTests.screenedBothWays(name, in: Self.list)
        #expect(indexed.isEmpty, "\(indexed.map { "\($0.entry) \($0.method) \($0.score)" })")
    }

    @Test("the readings behind them, form by form")
    func readings() {
        #expect(EvasionForms.latinForms("h e z b", raw: "H+E+Z+B").map(\.text) == ["h e z b", "hezb"])
        #expect(EvasionForms.latinForms("h m", raw: "H&M").map(\.text) == ["h m"])
        #expect(EvasionForms.digitReadings("jaish 3 mohammed").contains("jaish e mohammed"))
        #expect(EvasionForms.digitReadings("13oko haram").contains("boko haram"))
        #expect(EvasionForms.digitReadings("route 13 bakery").isEmpty)
        #expect(EvasionForms.symbolsAsLetters("|S|S", loneBar: "i") == "iSiS")
        #expect(EvasionForms.symbolsAsLetters("Hizba||ah", loneBar: "i") == "Hizballah")
        #expect(EvasionForms.articleUnassimilated("Hay'at Tahrir ash-Sham") == "Hay'at Tahrir al-Sham")
        #expect(EvasionForms.articleUnassimilated("ad-Dawla al-Islamiya") == "al-Dawla al-Islamiya")
        #expect(EvasionForms.articleUnassimilated("Adam Smith") == nil)
        #expect(EvasionForms.articleUnassimilated("Ash Sharma") == nil)  // a given name: no hyphen, a capital
        #expect(EvasionForms.articleUnassimilated("Jabhat an Nusra") == "Jabhat al-Nusra")
        #expect(EvasionForms.articleUnassimilated("Nash Shipping") == nil)  // inside a word
        #expect(NameForms.query("Джейш-е-Мухаммад").latin.contains { $0.text == "jeysh e muhammad" && $0.reading == .romanised })
        #expect(EvasionForms.russianSpellings("Хаккани") == ["Hakkani", "Haqqani"])
        #expect(EvasionForms.russianSpellings("Джейш") == ["Jeysh", "Jaish"])
        #expect(EvasionForms.russianSpellings("Алексей Шевченко") == ["Aleksey Shevchenko", "Aleqsai Shevchenqo"])
        #expect(EvasionForms.russianSpellings("Джебхат ан-Нусра") == ["Jebhat al-Nusra", "Jabhat al-Nusra"])
        #expect(EvasionForms.russianSpellings("Даиш") == ["Daish", "Daesh"])
        // No mark of an Arabic name: English-style only.
        #expect(EvasionForms.russianSpellings("Иван Петров") == ["Ivan Petrov"])
        #expect(EvasionForms.latinRussianSpellings("Dzhebkhat an-Nusra") == ["jebhat al-nusra", "jabhat al-nusra"])
        #expect(EvasionForms.latinRussianSpellings("Khalid Sheikh") == [])
        #expect(EvasionForms.russianSpellings("аш-Шам") == ["al-Sham"])
        #expect(EvasionForms.katakanaSpellings("ワグネル") == ["wagner", "wagnel"])
        #expect(EvasionForms.katakanaSpellings("ハマス") == ["hamas"])
        #expect(EvasionForms.hanSyllablesJoined("哈马斯") == "hamasi")
        #expect(EvasionForms.hanSyllablesJoined("李") == nil)
        #expect(EvasionForms.hangulSpellings("헤즈볼라") == ["hejbolla", "hezbolla", "hejvolla"])
        #expect(EvasionForms.hangulSpellings("알샤바브") == ["al shabab", "al shavav"])
        #expect(EvasionForms.articleApart("allegs alkaida") == "allegs al kaida")
    }
}
