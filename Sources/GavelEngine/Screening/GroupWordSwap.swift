/// A listed organisation's name with its word for a kind of group left
/// out (`HOUTHI GROUP` → `houthi`), which a case's name holds with another
/// such word (`Houthi Movement`, `Wagner Network`, `Libyan Islamic Fighting
/// Movement`): the press and the groups themselves call one group a
/// group, a movement or an organisation in turn, and the lists keep one
/// of them; and likewise an outlet's name without its word for an outlet
/// (`AL MANAR TV` → `al manar`: `Al Manar Television`). Contained only
/// with words of the same kind, as the article reading is with words for
/// a group (`NameScorer.articleContained`), so that a person's surname
/// (`Вагнер`), a company (`Wagner Bakery`) or a group's name beside a word
/// for an outlet (`Wagner Media`) is not read as the listed one.
extension EvasionForms {
    /// `normalized` without its `groupWords`; nil when it has none, when
    /// what is left is one word (the little words apart) that describes a
    /// group rather than names it (`ISLAMIC ARMY`, `ARMY OF ISLAM`,
    /// `PALESTINIAN ORGANIZATION`), or when it has fewer than
    /// `shortestWithoutArticle` letters. Two such words together are a name
    /// (`LIBYAN ISLAMIC FIGHTING GROUP`).
    static func withoutGroupWords(_ normalized: String) -> String? {
        without(groupWords, in: normalized)
    }

    /// `normalized` without its `outletWords` (`AL MANAR TV` → `al manar`),
    /// as `withoutGroupWords` leaves out words for a group: held by a case
    /// name whose other words all name an outlet (`Al Manar Television`,
    /// `قناة المنار`, "the al-Manar channel").
    static func withoutOutletWords(_ normalized: String) -> String? {
        without(outletWords, in: normalized)
    }

    /// Words naming a group's media outlet, which the lists keep one of and
    /// the outlet's own pages another.
    static let outletWords: Set<Substring> = ["tv", "television", "channel", "radio", "satellite", "media", "news", "agency", "press"]

    private static func without(_ kind: Set<Substring>, in normalized: String) -> String? {
        let words = normalized.split(separator: " ")
        guard words.count >= 2 else { return nil }
        let rest = words.filter { !kind.contains($0) }
        guard rest.count < words.count else { return nil }
        let content = rest.filter { !littleWords.contains($0) }
        if content.count < 2, content.allSatisfy({ describingWords.contains($0) }) { return nil }
        let text = rest.joined(separator: " ")
        guard text.utf8.filter({ $0 != 0x20 }).count >= shortestWithoutArticle else { return nil }
        return text
    }

    /// Articles, prepositions and `and`, in English and as the lists
    /// romanise Arabic.
    static let littleWords: Set<Substring> = ["of", "the", "for", "and", "in", "al", "el"]

    /// Words that say what a group is, believes or where it is from: alone,
    /// they name no one group.
    static let describingWords: Set<Substring> = [
        "islamic", "islam", "islamiya", "muslim", "muslims", "arab", "arabic", "national", "popular", "people", "peoples",
        "revolutionary", "liberation", "democratic", "united", "international", "holy", "jihad", "jihadi", "mujahidin",
        "mujahideen", "martyrs", "resistance", "salafist", "salafi", "sunni", "shia", "free", "armed", "fighting", "fighters",
        "combatant", "communist", "socialist", "nationalist", "peacekeeping", "special", "security", "defense", "defence",
        "volunteer", "volunteers", "youth", "student", "students", "women", "workers", "new",
        "palestinian", "kurdish", "kurdistan", "afghan", "iraqi", "syrian", "lebanese", "libyan", "egyptian", "yemeni",
        "somali", "pakistani", "iranian", "turkish", "chechen", "uzbek", "moroccan", "algerian", "tunisian", "saudi",
        "jordanian", "sudanese", "nigerian", "indian", "indonesian", "russian", "american", "european", "african", "asian",
    ]

    /// The consonants of a listed organisation's name without its words for
    /// a group or an outlet (`stripped`: `withoutGroupWords`,
    /// `withoutOutletWords`), where that leaves one word or the article and
    /// one word (`NameScorer.consonantContainable`): what an Arabic or Hebrew
    /// case name read word by word holds (`قناة المنار` → `qn lmnr`).
    static func consonantsOfStripped(_ strippedForms: [String], type: ListEntry.EntryType) -> [String] {
        var out: [String] = []
        for stripped in strippedForms {
            if let form = consonants(normalized: stripped), NameScorer.consonantContainable(form, normalized: stripped, type: type),
                !out.contains(form)
            {
                out.append(form)
            }
        }
        return out
    }
}
