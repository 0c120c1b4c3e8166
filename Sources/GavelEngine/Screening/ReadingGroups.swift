/// The groups of readings a listed form belongs to, and that a case's form
/// is compared with: `NameScorer` compares forms only within their group
/// (`NameForms`), so the index walks only the listed forms of the groups a
/// case form can meet. At 1,000,000 names a Latin case name walked every
/// listed name's consonants and skeleton too, most of the index.
struct ReadingGroups: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// Plain and joined forms, and a group's name without its article
    /// (compared with a case's Latin forms and their variants).
    static let latin = ReadingGroups(rawValue: 1)
    /// Confusable skeletons (compared with a case's skeleton and its variants).
    static let skeleton = ReadingGroups(rawValue: 2)
    /// Consonants (compared with a case's consonants and their respellings).
    static let consonants = ReadingGroups(rawValue: 4)
    /// Given names spelt one way (compared with a case's such reading only).
    static let givenNames = ReadingGroups(rawValue: 8)
    static let all: ReadingGroups = [.latin, .skeleton, .consonants, .givenNames]

    /// Within a length, names are numbered by their groups in this order,
    /// so that the names of the Latin group are one run of ids, and those of
    /// the skeleton group another (the consonants and the given names are
    /// two). A form of groups not listed here is ranked with the forms of
    /// all four, which every case form walks: it is never left out.
    static let order: [ReadingGroups] = [
        [.givenNames], [.latin, .givenNames], [.latin], [.latin, .consonants], .all, [.latin, .skeleton], [.skeleton],
        [.skeleton, .consonants], [.consonants],
    ]
    private static let allRank = order.firstIndex(of: .all) ?? 0

    /// Where a listed form of these groups is numbered (`order`).
    var rank: Int { Self.order.firstIndex(of: isEmpty ? .all : self) ?? Self.allRank }

    /// The ranks of the forms that share a group with a case form of these
    /// groups, as runs of consecutive ranks.
    var rankRuns: [Range<Int>] {
        var runs: [Range<Int>] = []
        for (rank, groups) in Self.order.enumerated() where !groups.isDisjoint(with: self) {
            if let last = runs.last, last.upperBound == rank {
                runs[runs.count - 1] = last.lowerBound ..< rank + 1
            } else {
                runs.append(rank ..< rank + 1)
            }
        }
        return runs
    }
}
