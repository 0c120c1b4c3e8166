/// The scores of the two evasion methods and of the abjad reading (SPEC §3,
/// "Evasion"; docs/screening.md explains the choice). Each is below 1.0, so
/// a rule with `min_score: 1.0` never acts on them, and each is at least
/// 0.90, so the shipped review band `[0.90, 1.0)` sees them.
package enum EvasionScores {
    /// Every token of a listed name appears in a longer query (`Hamas Media
    /// Office` ⊃ `hamas`). Fixed: how many words are added says nothing about
    /// whether the listed name is the one meant. Below the bundle's
    /// `min_score` (0.92) and in its review band: added words are a reason
    /// to look, not a spelling of the listed name.
    package static let contained = 0.91
    /// Every word of a listed name appears, equal or as a close spelling,
    /// in a longer query (`Hammas Media Office` ⊃ `hamas`:
    /// `RespeltContainment`). The bottom of the review band: a respelling
    /// and added words together are a weaker finding than either alone.
    package static let containedRespelt = 0.90
    /// The most a whole-text score (`fuzzy`, `variant`) may be when the case
    /// name adds words the listed name does not have (`TokenAlignment.cap`):
    /// the score of containment, which is the same finding.
    package static let extraWords = contained
    /// The most a whole-text score may be when a word of the case name
    /// replaces one of the listed name (`DAHER Ibrahim CASTRO` against
    /// `DAHER, Ibrahim Ali`): below the review band, since a different
    /// given or family name is a namesake, not a spelling.
    package static let substitutedWord = 0.89
    /// A variant reading (digits for letters, letters doubled or separated
    /// by a filler) scores its Jaro–Winkler score times this: `H4mas` →
    /// `hamas` = 0.95, and a misspelling on top costs its share.
    package static let variantFactor = 0.95
    /// The consonant reading of an Arabic or Hebrew name scores its
    /// Jaro–Winkler score times this (recorded as `fuzzy`): vowels are not
    /// written, so consonants agreeing is evidence, never identity.
    package static let consonantFactor = 0.95

    /// A listed name (form) takes part in containment only when it has two
    /// tokens or more, or one of at least this many scalars: short
    /// one-word names are acronyms (ISIS, ISIL, ETA, PKK) and first names,
    /// and a person called "Isis Anchalee" is not the Islamic State.
    package static let shortestContainedWord = 5
    /// A listed one-word name's consonants take part in containment with a
    /// case name's consonants word by word only when they are at least this
    /// many (`NameScorer.consonantsContained`): Vagner's `vgnr` names the
    /// group inside `مجموعة فاجنر`, HAMAS's `hms` inside `حركة حماس`, "the
    /// Hamas movement", as Arabic calls it. The case name is then one word
    /// and words naming a group (`EvasionForms.namesAGroup`), so a hotel or
    /// a street in Homs (`فندق حمص`, also `hms`) is not read so; two
    /// consonants name too little.
    package static let shortestContainedConsonants = 3

    /// The fewest consonants a listed name of several words has run
    /// together for a case's word to hold it (`NameScorer.runTogetherConsonants`):
    /// a word's own consonants meet a two-word name's by chance far more
    /// often than a whole name's (`AL QAEDA`'s `lqd` is left out).
    package static let shortestRunTogetherConsonants = 5
    /// A listed form this short (in scalars, spaces counted) meets a case's
    /// name only by equality, never by a Jaro–Winkler score: one or two
    /// letters are an acronym, and one letter more or less is another one
    /// (`HMS` against `HM`, 0.9111).
    package static let longestEqualityOnlyForm = 2
}
