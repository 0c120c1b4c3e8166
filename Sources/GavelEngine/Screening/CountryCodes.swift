import Foundation

/// Country names and codes as the lists publish them, read as ISO 3166-1
/// alpha-2: OFAC writes "Germany", the EU "DE", the UN "Iran (Islamic
/// Republic of)". Comparing two countries means comparing their codes.
enum CountryCodes {
    /// The alpha-2 code for a name or code, nil when it names no one country
    /// ("undetermined", "former Soviet Union", a disputed region).
    static func code(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2 {
            let upper = trimmed.uppercased()
            if codes.contains(upper) { return upper }
            if upper == "UK" { return "GB" }
        }
        if let code = byName[key(trimmed)] { return code }
        // OFAC's index order, `Bahamas, The`, `Man, Isle of`: the part after the comma first.
        let parts = trimmed.split(separator: ",", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return byName[key(parts[1] + " " + parts[0])]
    }

    /// Case and diacritics folded, anything but letters and digits one space, a leading "the" dropped.
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        if words.first == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
