/// The `article` reading (`NameReading.article`): a listed name without
/// its leading Arabic article, made once per listed name.
extension EvasionForms {
    /// The fewest letters (spaces not counted) a name left without its
    /// article must keep. Four-letter ones are ordinary words and names
    /// (`aqsa`, `wafa`, `qods`, `nisa`): `Aqsa` is a given name.
    static let shortestWithoutArticle = 5

    /// The plain reading of a listed name without its first word when that
    /// is the Arabic article: `al` or `el`, or the article assimilated to
    /// the sun letter the next word begins with (`ad dawla`, `an nusra`,
    /// `ash shabaab`, `az zubair`); nil when it has none, or when what is
    /// left has fewer than `shortestWithoutArticle` letters.
    ///
    /// The lists write the article (`AL QAEDA`, `AL-QA'IDA`) and English
    /// often leaves it out (`Qaeda`, `Qaida Organization`). Without it the
    /// name is often an ordinary word (`jihad`, `shabab` "youth", `tawhid`,
    /// `hadid` "iron"), so it is scored as a `variant` (0.95 × Jaro–Winkler,
    /// review, never a block), and contained only with words naming a kind
    /// of group (`groupWords`).
    static func withoutArticle(_ normalized: String) -> String? {
        guard let space = normalized.utf8.firstIndex(of: 0x20) else { return nil }
        let first = normalized[..<space]
        let rest = normalized[normalized.utf8.index(after: space)...]
        let isArticle: Bool
        switch first {
        case "al", "el": isArticle = true
        case "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az": isArticle = rest.hasPrefix(first.dropFirst())
        default: isArticle = false
        }
        guard isArticle, rest.utf8.filter({ $0 != 0x20 }).count >= shortestWithoutArticle else { return nil }
        return String(rest)
    }

    /// Words naming a kind of group, which a name left without its article
    /// may be contained with (`Qaida Organization`, `Qaeda Network`): the
    /// article reading is the group's name only where the case's name says
    /// it names a group. With other words it is an ordinary word or a
    /// namesake (`Zaha Hadid Architects`, `Shabab Al Ahli Club`, `Salah
    /// Trading`), which containment at 0.91 would send to review.
    static let groupWords: Set<Substring> = [
        "organization", "organisation", "group", "movement", "network", "front", "brigade", "brigades", "battalion",
        "battalions", "army",
    ]
}
