/// A Russian spelling of an Arabic name that reached the case in Latin
/// letters, transliterated letter by letter as Russian writes it
/// (`Dzhebkhat an-Nusra` from `Джебхат ан-Нусра`, `Dzhejsh-e-Mukhammad`):
/// `dzh`, which only such a transliteration writes, marks it. Read back
/// into Cyrillic, then as `russianSpellings` reads Russian (`Jabhat
/// al-Nusra`, `Jaish-e-Muhammad`).
extension EvasionForms {
    static func latinRussianSpellings(_ text: String) -> [String] {
        let lower = text.lowercased()
        guard lower.contains("dzh") else { return [] }
        var cyrillic = String.UnicodeScalarView()
        var rest = Substring(lower)
        next: while let first = rest.first {
            for (latin, letter) in latinToCyrillic where rest.hasPrefix(latin) {
                cyrillic.append(contentsOf: letter.unicodeScalars)
                rest = rest.dropFirst(latin.count)
                continue next
            }
            cyrillic.append(contentsOf: String(first).unicodeScalars)
            rest = rest.dropFirst()
        }
        return russianSpellings(String(cyrillic))
    }

    /// Longest first: the digraphs of Russian transliteration, then single letters.
    private static let latinToCyrillic: [(String, String)] = [
        ("shch", "щ"), ("dzh", "дж"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
        ("ya", "я"), ("yo", "ё"), ("ej", "ей"), ("ey", "ей"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
        ("e", "е"), ("z", "з"), ("i", "и"), ("j", "й"), ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
        ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("q", "к"),
        ("w", "в"), ("c", "к"),
    ]
}
