import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// A listed organisation's name of several words, written without its
/// spaces, as one word of a longer case name: the fourth probe's `BokoHaramOfficial`
/// and `B.O.K.O.H.A.R.A.M. Media` were scored by Jaro–Winkler alone and
/// fell below the band.
@Suite("Containment of a name run together")
struct RunTogetherContainmentTests {
    static let probes: [EvasionTests.EntryProbe] = [
        .init(name: "BokoHaram Media", entry: "boko", method: .contained, reading: nil, score: 0.91),
        .init(name: "Nigeria BOKOHARAM", entry: "boko", method: .contained, reading: nil, score: 0.91),
        .init(name: "BokoHaramOfficial", entry: "boko", method: .contained, reading: nil, score: 0.91),
        .init(name: "B.O.K.O.H.A.R.A.M. Media", entry: "boko", method: .contained, reading: .joined, score: 0.91),
        .init(name: "WagnerGroup Press", entry: "wagner", method: .contained, reading: nil, score: 0.91),
        .init(name: "B0k0Haram Media", entry: "boko", method: .contained, reading: .digits, score: 0.91),
        // Arabic words for a group, in Latin letters, run on: "brigades" after the name, "movement" before it.
        .init(name: "BokoHaramKataib", entry: "boko", method: .contained, reading: nil, score: 0.91),
        .init(name: "HarakatBokoHaram", entry: "boko", method: .contained, reading: nil, score: 0.91),
    ]

    @Test("a listed organisation's words run together inside a longer name are contained", arguments: probes)
    func contained(_ probe: EvasionTests.EntryProbe) {
        EvasionTests.expectMeetsItsEntry(probe)
    }

    static let person = ListEntry(
        id: "hijazi", name: "RAED HIJAZI", aliases: [], type: .individual, listed: nil, delisted: nil, identifiers: [], programs: [],
        location: SourceLocation(file: "t", line: 1, column: 1))
    static let group = ListEntry(
        id: "boko", name: "BOKO HARAM", aliases: [], type: .organization, listed: nil, delisted: nil, identifiers: [], programs: [],
        location: SourceLocation(file: "t", line: 2, column: 1))

    static let list = CompiledList(id: "l", digest: "sha256:run-together", entries: [person, group])

    static func screen(_ name: String, mode: Screener.Mode) -> [ScreenMatch] {
        EvasionTests.screen(name, in: list, mode: mode)
    }

    @Test(
        "not contained: a person's name run together, the run alone, a run of other letters",
        arguments: ["RaedHijazi Media", "Bokoharam", "BokoHarams Media", "Boko Media Haram"])
    func notContained(_ name: String) {
        let indexed = Self.screen(name, mode: .indexed)
        #expect(indexed == Self.screen(name, mode: .scan))
        #expect(!indexed.contains { $0.method == .contained }, "\(name): \(indexed)")
    }
}
