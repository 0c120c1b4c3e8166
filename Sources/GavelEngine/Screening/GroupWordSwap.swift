/// A listed organisation's name with its word for a kind of group left
/// out (`HOUTHI GROUP` → `houthi`), which a case's name holds with another
/// such word (`Houthi Movement`, `Wagner Network`, `Libyan Islamic Fighting
/// Movement`): the press and the groups themselves call one group a
/// group, a movement or an organisation in turn, and the lists keep one
/// of them. Contained only with words naming a group, as the article
/// reading is (`NameScorer.articleContained`), so that a person's surname
/// (`Вагнер`) or a company (`Wagner Bakery`) is not read as the group.
extension EvasionForms {
    /// `normalized` without its `groupWords`; nil when it has none, when
    /// what is left is one word (the little words apart) that describes a
    /// group rather than names it (`ISLAMIC ARMY`, `ARMY OF ISLAM`,
    /// `PALESTINIAN ORGANIZATION`), or when it has fewer than
    /// `shortestWithoutArticle` letters. Two such words together are a name
    /// (`LIBYAN ISLAMIC FIGHTING GROUP`).
    static func withoutGroupWords(_ normalized: String) -> String? {
        let words = normalized.split(separator: " ")
        guard words.count >= 2 else { return nil }
        let rest = words.filter { !groupWords.contains($0) }
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
}
