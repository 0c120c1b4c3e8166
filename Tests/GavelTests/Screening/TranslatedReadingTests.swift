import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3 "Evasion": a listed group's name in another language (Spanish,
/// Portuguese, French, German, Italian, Dutch, the Scandinavian languages,
/// Polish, Czech, Slovak, Serbo-Croatian, Romanian, Hungarian, Greek,
/// Turkish, Indonesian, Russian, Ukrainian, Hindi, Bengali, Persian,
/// Hebrew, Chinese, Japanese) meets the English name the list holds as a `variant`
/// with reading `translated`, through the index and the scan alike; ordinary
/// names with those words stay below the review band.
@Suite("Screening evasion: names in another language")
struct TranslatedReadingTests {
    static let list = CompiledList(id: "tr", digest: "sha256:translated", entries: [
        FourthProbeReportTests.entry("is", "ISLAMIC STATE", ["ISLAMIC STATE OF IRAQ AND THE LEVANT"]),
        FourthProbeReportTests.entry("hizballah", "HIZBALLAH", ["PARTY OF GOD"]),
        FourthProbeReportTests.entry("wagner", "WAGNER GROUP"),
        FourthProbeReportTests.entry("qaida", "AL-QAIDA"),
        FourthProbeReportTests.entry("army", "ARMY OF ISLAM"),
        FourthProbeReportTests.entry("judea", "STATE OF JUDEA"),
        FourthProbeReportTests.entry("kashmir", "MOVEMENT FOR FREEDOM OF KASHMIR"),
        FourthProbeReportTests.entry("houthi", "HOUTHI GROUP"),
    ])

    typealias Probe = EvasionTests.EntryProbe

    static let probes: [Probe] = [
        Probe(name: "Estado Islámico", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Estado Islâmico", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "État islamique", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "l'État islamique", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Islamischer Staat", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "İslam Devleti", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Negara Islam", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Исламское государство", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "伊斯兰国", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "伊斯蘭國", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "イスラム国", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Partido de Dios", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Partei Gottes", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Партия Бога", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "真主党", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Gruppe Wagner", entry: "wagner", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Группа Вагнера", entry: "wagner", method: .variant, reading: .translated, score: 0.9049),
        Probe(name: "瓦格纳集团", entry: "wagner", method: .variant, reading: .translated, score: 0.9011),
        Probe(name: "基地组织", entry: "qaida", method: .variant, reading: .translated, score: 0.95),
        // With the articles and prepositions of the long name, and with more words: contained.
        Probe(name: "Estado Islámico de Irak y el Levante", entry: "is", method: .variant, reading: .translated, score: 0.9289),
        Probe(name: "Estado Islámico Noticias", entry: "is", method: .contained, reading: .translated, score: 0.91),
        // Arabic names that translate the group's name: as it calls itself, as Arabic media do, the Houthis.
        Probe(name: "الدولة الإسلامية", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "الدولةُ الاسلاميه", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "تنظيم الدولة", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "الحوثيون", entry: "houthi", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Houthis", entry: "houthi", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "The Houthis", entry: "houthi", method: .contained, reading: .translated, score: 0.91),
        Probe(name: "إذاعة الدولة الإسلامية", entry: "is", method: .contained, reading: .translated, score: 0.91),
        // Dutch, Polish, Swedish, Norwegian, Czech, Serbo-Croatian, Ukrainian, Romanian, Hungarian, Greek.
        Probe(name: "Islamitische Staat", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Partij van God", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Państwo Islamskie", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Islamiska staten", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Den islamske stat", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Guds parti", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Islámský stát", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Strana Boží", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Islamska država", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Ісламська держава", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Партія Бога", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Partidul lui Dumnezeu", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Iszlám Állam", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Isten Pártja", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Wagner-csoport", entry: "wagner", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Ισλαμικό Κράτος", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Κόμμα του Θεού", entry: "hizballah", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "Państwo Islamskie w Iraku i Syrii", entry: "is", method: .contained, reading: .translated, score: 0.91),
        // Hindi and Bengali (their word for a state, and English "Islamic State" in their letters), Persian, Hebrew.
        Probe(name: "इस्लामी राज्य", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "इस्लामिक स्टेट", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "ইসলামিক স্টেট", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "دولت اسلامی", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "המדינה האסלאמית", entry: "is", method: .variant, reading: .translated, score: 0.95),
        // Korean, and Japanese with a name's -er written as a long a.
        Probe(name: "이슬람 국가", entry: "is", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "와그너 그룹", entry: "wagner", method: .variant, reading: .translated, score: 0.95),
        Probe(name: "ワグナー・グループ", entry: "wagner", method: .aligned, reading: .romanised, score: 0.97),
    ]

    @Test("each translation meets its entry", arguments: probes)
    func probe(_ probe: Probe) {
        EvasionTests.expectMeetsItsEntry(probe, in: Self.list)
    }

    @Test(
        "ordinary names with those words stay below the review band",
        arguments: [
            "Grupo Bimbo", "Partido Popular", "Estado de México", "Mouvement Démocrate", "Armée du Salut", "Bewegung Freie Schweiz",
            "Gruppo Mondadori", "Stato di Israele", "Partito Democratico", "Cumhuriyet Halk Partisi", "Gerakan Pemuda Ansor",
            "Kelompok Kompas Gramedia", "Negara Brunei Darussalam", "Армия Спасения", "华为集团", "阿里巴巴集团", "世界卫生组织",
            "Gott Mit Uns", "Dio Brando", "Iglesia de Dios", "Rafiqul Islam", "Dan Del Rio", "وزارة الدولة للشؤون الإسلامية",
            "الدولة العثمانية", "بنك الدولة",
            // The languages added on 2026-12-06.
            "Partij van de Arbeid", "Leger des Heils", "Staat der Nederlanden", "Prawo i Sprawiedliwość", "Grupa Azoty",
            "Ruch Chorzów", "Państwo Polskie", "Sveriges Riksbank", "Staten och Kapitalet", "Den Danske Bank", "Guds Kirke",
            "Strana zelených", "Skupina ČEZ", "Hnutí ANO", "Magyar Állam", "Isten Háza", "Mol Csoport", "Ομάδα Τέχνης",
            "Grupul Renault", "Statul Român", "Partidul Social Democrat", "Srpska Napredna Stranka", "Pokret Slobode",
            "Islamska zajednica", "राज्य सरकार", "इस्लामी बैंक", "دولت ایران", "بانک اسلامی", "جمهوری اسلامی ایران",
            "המדינה היהודית", "מדינת ישראל", "Stat Medical Services", "Boha Tour",
            "삼성 그룹", "현대 그룹", "롯데 그룹", "보스턴 컨설팅 그룹", "이슬람 문화 센터", "ソニーグループ", "トヨタグループ",
            "ワーナー・ブラザース", "サッカー",
        ])
    func ordinaryName(_ name: String) {
        let indexed = EvasionTests.screenedBothWays(name, in: Self.list)
        #expect(indexed.isEmpty, "\(indexed.map { "\($0.entry) \($0.method) \($0.score)" })")
    }

    @Test("the reading word by word")
    func readings() {
        #expect(EvasionForms.translatedWords("estado islamico de irak y el levante") == "state islamic of iraq and levant")
        #expect(EvasionForms.translatedWords("l etat islamique") == "state islamic")
        #expect(EvasionForms.translatedWords("partei gottes") == "party of god")
        // Only beside a word naming what a group is: a surname Islam, a given name Dan, articles alone stay.
        #expect(EvasionForms.translatedWords("rafiqul islam") == nil)
        #expect(EvasionForms.translatedWords("dan del rio") == nil)
        #expect(EvasionForms.translatedWords("islamic state") == nil)
        #expect(EvasionForms.translatedEastAsian("瓦格纳集团") == ["wagena group"])
        #expect(EvasionForms.translatedEastAsian("真主党") == ["party of god"])
        #expect(EvasionForms.translatedEastAsian("哈马斯").isEmpty)
        #expect(EvasionForms.translatedEastAsian("ワグナー・グループ").contains("wagner group"))
        #expect(EvasionForms.translatedEastAsian("바그너 그룹").contains("vagner group"))
        // A foreign name's -er: katakana's long a, Hangul's final eo; Hangul's b for a v.
        #expect(EvasionForms.katakanaSpellings("ワグナー").contains("wagner"))
        #expect(EvasionForms.katakanaFinalEr("サッカー・クラブ") == "サッケル・クラブ")
        #expect(EvasionForms.katakanaFinalEr("ワグネル") == nil)
        #expect(EvasionForms.hangulSpellings("바그너") == ["bagner", "vagner"])
        #expect(EvasionForms.hangulSpellings("하마스") == ["hamas"])
        #expect(EvasionForms.translatedArabic("الدولة الإسلامية في العراق") == "islamic state fy al raq")
        #expect(EvasionForms.foldedArabic("الدولةُ الإسلاميّة") == "الدوله الاسلاميه")
        #expect(EvasionForms.translatedArabic("الدولة العثمانية") == nil)
        #expect(NameForms.query("Gruppe Wagner").variants.contains { $0.text == "group wagner" && $0.reading == .translated })
    }
}
