/// The words designated organisations are named with, in the languages
/// their supporters, the press and hosting customers write them in, and the
/// English words the lists write instead (`TranslatedReadings`). Keys are
/// as `NameNormalizer.normalize` leaves a word: small letters, no accents,
/// Cyrillic as ICU and as English-style romanisation spell it.
extension EvasionForms {
    /// A word that makes a name worth translating: what a group is or
    /// stands for. Only these start a translation, so that a name of
    /// articles and given names (`Dan Del Rio`) is never read again.
    static let translatedAnchors: [Substring: String] = [
        // Spanish and Portuguese.
        "estado": "state", "islamico": "islamic", "islamica": "islamic", "partido": "party", "dios": "god", "deus": "god",
        "frente": "front", "ejercito": "army", "exercito": "army", "brigada": "brigade", "brigadas": "brigades",
        "movimiento": "movement", "movimento": "movement", "grupo": "group", "organizacion": "organization",
        "organizacao": "organization", "liberacion": "liberation", "libertacao": "liberation", "resistencia": "resistance",
        "martires": "martyrs", "yihad": "jihad", "combatientes": "fighters", "combatentes": "fighters", "fuerzas": "forces",
        "forcas": "forces", "armadas": "armed", "revolucionarias": "revolutionary", "revolucionarios": "revolutionary",
        "revolucionaria": "revolutionary", "revolucionario": "revolutionary", "sendero": "path", "luminoso": "shining",
        // French.
        "etat": "state", "islamique": "islamic", "parti": "party", "dieu": "god", "armee": "army", "mouvement": "movement",
        "groupe": "group", "djihad": "jihad", "combattants": "fighters", "revolutionnaire": "revolutionary",
        "revolutionnaires": "revolutionary",
        // German.
        "islamischer": "islamic", "islamische": "islamic", "islamisches": "islamic", "islamischen": "islamic", "staat": "state",
        "staates": "state", "partei": "party", "gottes": "of god", "gott": "god", "bewegung": "movement", "gruppe": "group",
        "befreiung": "liberation", "widerstand": "resistance", "martyrer": "martyrs", "kampfer": "fighters",
        "brigaden": "brigades",
        // Italian.
        "stato": "state", "partito": "party", "dio": "god", "esercito": "army", "gruppo": "group",
        "organizzazione": "organization", "liberazione": "liberation", "resistenza": "resistance", "martiri": "martyrs",
        "brigate": "brigades", "fronte": "front", "combattenti": "fighters",
        // Turkish.
        "devleti": "state", "devlet": "state", "partisi": "party", "grubu": "group", "hareketi": "movement", "cephesi": "front",
        "ordusu": "army", "orgutu": "organization", "tugaylari": "brigades",
        // Indonesian and Malay.
        "negara": "state", "partai": "party", "kelompok": "group", "gerakan": "movement", "tentara": "army",
        "organisasi": "organization", "pembebasan": "liberation",
        // Russian, as ICU and as English-style romanisation write it.
        "islamskoe": "islamic", "islamskoye": "islamic", "islamskogo": "islamic", "islamskaia": "islamic",
        "islamskaya": "islamic", "gosudarstvo": "state", "gosudarstva": "state", "gruppa": "group", "gruppy": "group",
        "dvizenie": "movement", "dvizhenie": "movement", "dvizheniye": "movement", "armia": "army", "armiya": "army",
        "partia": "party", "partiya": "party", "organizacia": "organization", "organizatsiya": "organization",
        "brigady": "brigades",
        // Dutch.
        "islamitische": "islamic", "islamitisch": "islamic", "partij": "party", "groep": "group", "beweging": "movement",
        "leger": "army", "bevrijding": "liberation", "verzet": "resistance", "strijders": "fighters", "organisatie": "organization",
        // Polish.
        "panstwo": "state", "panstwa": "state", "islamskie": "islamic", "islamskiego": "islamic", "grupa": "group",
        "grupy": "group", "ruch": "movement", "organizacja": "organization", "wyzwolenia": "liberation",
        // Swedish, Norwegian and Danish ("Guds parti", God's party).
        "islamiska": "islamic", "islamisk": "islamic", "islamske": "islamic", "islamiske": "islamic", "staten": "state",
        "stat": "state", "partiet": "party", "guds": "of god", "gruppen": "group", "rorelse": "movement", "rorelsen": "movement",
        "bevegelse": "movement", "bevaegelse": "movement",
        // Czech and Slovak.
        "islamsky": "islamic", "strana": "party", "bozi": "of god", "boha": "of god",
        "skupina": "group", "hnuti": "movement", "fronta": "front", "organizace": "organization",
        // Serbian, Croatian, Bosnian and Slovene (`islamske` is above), and Ukrainian as romanised.
        "islamska": "islamic", "drzava": "state", "drzave": "state", "derzava": "state",
        "derzhava": "state", "stranka": "party", "bozja": "of god", "pokret": "movement", "vojska": "army",
        // Romanian.
        "statul": "state", "partidul": "party", "dumnezeu": "god", "grupul": "group", "miscarea": "movement",
        // Hungarian ("Isten Pártja", God's party).
        "iszlam": "islamic", "allam": "state", "allama": "state", "partja": "party", "isten": "of god", "csoport": "group",
        "mozgalom": "movement", "hadsereg": "army", "szervezet": "organization",
        // Greek, as romanised.
        "islamiko": "islamic", "islamiki": "islamic", "kratos": "state", "komma": "party", "theou": "of god",
        "omada": "group", "kinima": "movement", "stratos": "army",
        // Hindi and Bengali: the word for a state, and English "state" as their letters spell it, romanised.
        "rajya": "state", "steta": "state",
        // English names a group by its people in the plural, where the lists keep one name: the Houthis.
        "houthis": "houthi group", "huthis": "houthi group",
    ]

    /// Words translated only beside an anchor: articles (left out, as lists
    /// mostly leave them), prepositions, `and`, the word Islam itself
    /// (Turkish and Indonesian say "Islam State"; alone it is a surname),
    /// and the countries the listed groups are named after.
    static let translatedCompanions: [Substring: String] = [
        "el": "", "la": "", "los": "", "las": "", "le": "", "les": "", "l": "", "der": "", "die": "", "das": "", "den": "",
        "dem": "", "il": "", "lo": "", "gli": "", "o": "", "os": "", "as": "",
        "de": "of", "del": "of", "du": "of", "des": "of", "d": "of", "di": "of", "della": "of", "dei": "of", "degli": "of",
        "do": "of", "da": "of", "dos": "of", "von": "of", "vom": "of",
        "y": "and", "et": "and", "und": "and", "e": "and", "ve": "and", "dan": "and", "i": "and",
        "en": "in", "au": "in", "aux": "in", "im": "in", "nel": "in", "no": "in", "na": "in",
        "islam": "islamic", "boga": "of god", "ala": "allah", "alla": "allah",
        "irak": "iraq", "siria": "syria", "syrie": "syria", "syrien": "syria", "libano": "lebanon", "liban": "lebanon",
        "libanon": "lebanon", "palestina": "palestine", "palastina": "palestine", "levante": "levant", "libye": "libya",
        "libia": "libya", "libyen": "libya", "somalie": "somalia", "egipto": "egypt", "egypte": "egypt", "agypten": "egypt",
        "egitto": "egypt", "sam": "sham", "iraka": "iraq",
        // Dutch, Polish, Scandinavian, Romanian, Greek articles and particles; Hindi and Bengali "Islamic".
        "van": "of", "het": "", "w": "in", "og": "and", "och": "and", "lui": "of", "tou": "", "tis": "",
        "islami": "islamic", "islamika": "islamic", "isalamika": "islamic", "irakie": "iraq", "syrii": "syria",
    ]

    /// Chinese (simplified and traditional), Japanese and Korean names and
    /// words for the listed groups, which run on without spaces: read as the lists'
    /// English words wherever they occur, longest first. A Chinese name
    /// that only spells a name's sounds (`哈马斯`) is read by
    /// `hanSyllablesJoined` instead.
    static let translatedHanPhrases: [(String, String)] = [
        ("伊斯兰国", "islamic state"), ("伊斯蘭國", "islamic state"), ("イスラム国", "islamic state"),
        ("基地组织", "al qaida"), ("基地組織", "al qaida"), ("真主党", "party of god"), ("真主黨", "party of god"),
        ("伊斯兰", "islamic"), ("伊斯蘭", "islamic"), ("圣战", "jihad"), ("聖戰", "jihad"), ("集团", "group"), ("集團", "group"),
        ("组织", "organization"), ("組織", "organization"), ("运动", "movement"), ("運動", "movement"), ("阵线", "front"),
        ("陣線", "front"), ("グループ", "group"),
        // Korean: Hangul is not Chinese, but its words for the listed groups are read the same way.
        ("이슬람 국가", "islamic state"), ("이슬람국가", "islamic state"), ("그룹", "group"), ("조직", "organization"),
        ("운동", "movement"),
    ]

    /// Arabic names of listed groups that translate rather than name them,
    /// so that neither the consonants nor the romanised letters meet the
    /// lists' English: the Islamic State as it calls itself (`الدولة
    /// الإسلامية`, "the Islamic State") and as Arabic media do (`تنظيم
    /// الدولة`, "the State organisation"), and the Houthis (`الحوثيون`, whose
    /// only listed English name is HOUTHI GROUP); and the groups below whose
    /// Arabic and Hebrew names translate their listed English ones. Keys as
    /// `foldedArabic` writes them: hamza seats, ta marbuta and alef maqsura
    /// folded, marks and tatweel left out.
    static let translatedArabicPhrases: [(String, String)] = [
        ("الدوله الاسلاميه", "islamic state"), ("تنظيم الدوله", "islamic state"), ("الحوثيون", "houthi group"),
        ("الحوثيين", "houthi group"),
        // Persian (its ye and keheh folded to Arabic's) and Hebrew: "the Islamic State".
        ("دولت اسلامي", "islamic state"), ("המדינה האסלאמית", "islamic state"), ("המדינה האיסלאמית", "islamic state"),
        ("מדינה אסלאמית", "islamic state"), ("מדינת האסלאם", "islamic state"),
        // Groups Arabic and Hebrew name by translating their names (the seventh probe, 2026-12-07), longest first:
        // the PFLP (and its General Command), Palestinian Islamic Jihad, the Qassam Brigades, the IRGC and its Qods Force.
        ("الجبهه الشعبيه لتحرير فلسطين القياده العامه", "popular front for the liberation of palestine general command"),
        ("الجبهه الشعبيه لتحرير فلسطين - القياده العامه", "popular front for the liberation of palestine general command"),
        ("الجبهه الشعبيه لتحرير فلسطين", "popular front for the liberation of palestine"),
        ("حركه الجهاد الاسلامي في فلسطين", "islamic jihad in palestine"), ("الجهاد الاسلامي في فلسطين", "islamic jihad in palestine"),
        ("كتائب عز الدين القسام", "izz al din al qassam brigades"), ("الحرس الثوري الاسلامي", "islamic revolutionary guard corps"),
        ("حرس الثوره الاسلاميه", "islamic revolutionary guard corps"), ("الحرس الثوري الايراني", "iran revolutionary guard corps"),
        ("الحرس الثوري", "revolutionary guard corps"), ("فيلق القدس", "qods force"),
        ("החזית העממית לשחרור פלסטין", "popular front for the liberation of palestine"),
        ("הג׳יהאד האסלאמי הפלסטיני", "palestinian islamic jihad"), ("הג'יהאד האסלאמי הפלסטיני", "palestinian islamic jihad"),
        ("הג׳יהאד האסלאמי", "islamic jihad"), ("הג'יהאד האסלאמי", "islamic jihad"), ("ג׳יהאד אסלאמי", "islamic jihad"),
        ("ג'יהאד אסלאמי", "islamic jihad"), ("גדודי עז א-דין אל-קסאם", "izz al din al qassam brigades"),
        ("גדודי עז אל-דין אל-קסאם", "izz al din al qassam brigades"), ("משמרות המהפכה", "revolutionary guards"),
        ("כוח קודס", "qods force"), ("כוח קדס", "qods force"), ("בחצי האי ערב", "in the arabian peninsula"),
        ("חצי האי ערב", "arabian peninsula"), ("אל-קאעידה", "al qaida"), ("אל קאעידה", "al qaida"), ("אלקאעידה", "al qaida"),
    ]
}
