/// The `givenNames` reading (`NameReading.givenNames`): the Arabic and
/// Persian given names, and the words of a name's lineage, that lists and
/// customers romanise in many ways, each read as one spelling.
///
/// Arabic writes no short vowels, and each romanisation fills them in and
/// spells the consonants its own way: `محمد` is Muhammad on OFAC's list,
/// Mohammed on the UN's, Mohamed in Egypt, Mohamad in Lebanon, Mohd in
/// Malaysia. Jaro–Winkler reads `Mohamed SARUR` as 0.835 against
/// `Muhammad SARUR` and word by word as a distant spelling (0.80), so a
/// customer named as their passport spells them met no review. A name
/// holding a word of this table is also read with every such word
/// replaced by its first spelling (`mohamed sarur` → `muhammad sarur`),
/// and when both names have that reading the two are compared as
/// `variant` (0.95 times Jaro–Winkler): for review, never enough to act on
/// alone (SPEC §3). The index keeps the listed readings as a group of
/// their own, walked by a case's such reading alone.
///
/// Only spellings of one name are grouped: `Hasan` and `Husayn`, `Salih`
/// and `Salah`, `Nasr` and `Nasir` are other names and stay apart. The
/// article stays as written (`el` is no `al` here): with it, `Al-Shabab`,
/// a football club, met `El-Sababt`, another name, in the review band.
extension EvasionForms {
    /// Each spelling's first spelling, for the words the table holds.
    static let givenNameSpellings: [String: String] = {
        let groups: [[String]] = [
            ["muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad", "muhamed", "mohamud", "mohammod",
             "mahomed", "mouhamed", "mouhammad", "mohd", "mohamet", "muhamet"],
            ["ahmad", "ahmed", "ahmet", "akhmad", "akhmed", "achmad", "ahmat"],
            ["mahmud", "mahmoud", "mahmood", "mahmut", "makhmud"],
            ["mustafa", "mostafa", "moustafa", "mustapha", "mostapha", "moustapha", "mustafah"],
            ["husayn", "hussein", "hussain", "husain", "hosein", "hossein", "husein", "houssein", "huseyin", "hussien", "hossain"],
            ["hasan", "hassan"],
            ["umar", "omar", "omer", "umer", "oumar"],
            ["usama", "osama", "ousama", "oussama", "usamah", "osamah"],
            ["yusuf", "yousef", "youssef", "yousif", "yusif", "yousuf", "youssouf", "yusef", "yousof", "yussuf"],
            ["ibrahim", "ebrahim", "brahim", "ibraheem", "ibragim"],
            ["ismail", "ismael", "esmail", "ismayil", "ismaeel", "ismaail"],
            ["khalid", "khaled"],
            ["abdullah", "abdallah", "abdulla", "abdellah", "abdalla"],
            abdulSpellings,
            ["abu", "abou", "aboo"],
            ["bin", "ibn", "ben"],
            ["said", "saeed", "saied"],
            ["tariq", "tarek", "tareq", "tarik", "tarique"],
            ["walid", "waleed", "oualid"],
            ["yasin", "yassin", "yaseen", "yassine", "yacine"],
            ["faisal", "faysal", "feisal", "faycal"],
            ["sulayman", "suleiman", "sulaiman", "soliman", "sleiman", "suleyman", "suliman", "souleymane"],
            ["uthman", "othman", "osman", "usman", "outhman"],
            ["yahya", "yehia", "yahia", "yehya"],
            ["hamza", "hamzah", "hamzeh"],
            ["ayman", "aiman"],
            ["jamal", "gamal", "djamel", "jamel"],
            ["nasir", "nasser", "naser", "nassir"],
            ["zayd", "zaid", "zeid", "zayed"],
            ["qasim", "qassim", "qasem", "qassem", "kassem", "kasim", "kasem", "kassim"],
            ["karim", "kareem"],
            ["rashid", "rasheed", "rachid"],
            ["hamid", "hameed"],
            ["majid", "majeed"],
            ["amir", "ameer"],
            ["bashir", "basheer", "bachir"],
            ["nur", "noor", "nour"],
            ["aziz", "azeez"],
            ["rahman", "rehman", "rahmaan"],
            ["mansur", "mansour", "mansoor"],
            ["mahdi", "mehdi"],
            ["jafar", "jaafar", "jaffar", "djafar", "jafer"],
            ["anwar", "anouar"],
            ["hisham", "hicham", "hesham"],
            ["khalil", "khaleel"],
            ["habib", "habeeb"],
            ["adil", "adel"],
            ["ali", "aly"],
            ["salim", "saleem", "selim"],
            ["muhsin", "mohsen", "mohsin"],
        ]
        var table: [String: String] = [:]
        for group in groups {
            for spelling in group { table[spelling] = group[0] }
        }
        return table
    }()

    /// The article after `abd` ("servant of"), as the names write it with
    /// or without its assimilation (`Abd al-Rahman`, `Abd ar-Rahman`).
    private static let articlesAfterAbd: Set<Substring> = ["al", "el", "ul", "ar", "ur", "as", "us", "ad", "an", "at", "az", "ash"]
    /// `abd` and its article written as one word (`Abdul`, `Abdel`, `Abdur`).
    private static let abdulSpellings = ["abdul", "abdel", "abdal", "abdoul", "abdol", "abdur", "abdus", "abdou"]
    /// What `abd` and its article are written as run together with the next word (`Abdulrahman`, `Abdelaziz`,
    /// `Abderrahmane`): those spellings and `abder`, the longest first, so that `abdoul` is read before `abdou`.
    private static let abdWithArticle = (abdulSpellings + ["abder"]).sorted { $0.utf8.count > $1.utf8.count }

    /// The normalised name with each word the table holds spelt as its
    /// group's first spelling, and the names made with `abd` written one
    /// way (`Abd al-Rahman`, `Abdelrahman`, `Abdulrahman` → `abdul
    /// rahman`; `Abd Allah` → `abdullah`); nil when it holds no such word.
    /// (A name spelt so already, `Muhammad SARUR`, has the reading too: it
    /// is what the other side's reading is compared with.)
    static func givenNamesRead(_ normalized: String) -> String? {
        let words = normalized.split(separator: " ")
        var out: [Substring] = []
        out.reserveCapacity(words.count + 1)
        var held = false
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == "abd", i + 1 < words.count {
                let next = words[i + 1]
                if next == "allah" || next == "ullah" {
                    held = true
                    out.append("abdullah")
                    i += 2
                    continue
                }
                if articlesAfterAbd.contains(next) {
                    held = true
                    out.append("abdul")
                    i += 2
                    continue
                }
            }
            if word.utf8.count <= 12, let first = givenNameSpellings[String(word)] {
                held = true
                out.append(Substring(first))
            } else if let run = abdWithArticle.first(where: { word.hasPrefix($0) && word.utf8.count >= $0.utf8.count + 3 }) {
                held = true
                out.append("abdul")
                out.append(word.dropFirst(run.utf8.count))
            } else {
                out.append(word)
            }
            i += 1
        }
        return held ? out.joined(separator: " ") : nil
    }
}
