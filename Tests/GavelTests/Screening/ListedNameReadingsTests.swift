import Dispatch
import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// A listed name's readings are made when a screen first needs them, from
/// whichever thread asks, and are exactly what making them at load made.
@Suite("Listed names' readings, made on first use")
struct ListedNameReadingsTests {
    static func names() -> [String] {
        var random = SeededRandom(seed: 31)
        return NameGenerator.entries(count: 150, random: &random).flatMap { [$0.name] + $0.aliases } + NameGenerator.scripts
    }

    @Test("the same normalised text, length and forms as made eagerly")
    func sameAsEager() {
        for text in Self.names() {
            let name = ScreeningEntry.Name(text: text, isAlias: false)
            #expect(!name.readingsMade)
            let normalized = NameNormalizer.normalize(text)
            let eager = NameForms.listed(text, normalized: normalized)
            #expect(name.normalized == normalized, "\(text)")
            #expect(name.length == normalized.unicodeScalars.count, "\(text)")
            #expect(name.forms.latin == eager.latin, "\(text)")
            #expect(name.forms.skeleton == eager.skeleton, "\(text)")
            #expect(name.forms.consonants == eager.consonants, "\(text)")
            #expect(name.forms.article == eager.article, "\(text)")
            #expect(name.readingsMade)
        }
    }

    @Test("threads racing for one name's readings all get the one value")
    func racingThreads() {
        for text in ["Hamas", "Вагнер", "محمد علي", "ᎻᎪᎷᎪᏚ"] {
            let readings = ListedNameReadings(text: text, normalized: nil)
            let seen = Seen(count: 64)
            DispatchQueue.concurrentPerform(iterations: 64) { seen.put($0, ObjectIdentifier(readings.value)) }
            #expect(Set(seen.all).count == 1, "\(text)")
            #expect(seen.all.first == ObjectIdentifier(readings.value))
        }
    }

    /// One text's names share one `ListedNameReadings`; texts that differ in
    /// any byte (a letter's case, an accent composed or not) do not.
    @Test("names of one text share their readings, names of other bytes do not")
    func sharedByText() {
        let location = SourceLocation(file: "l", line: 1, column: 1)
        func entry(_ id: Int, _ name: String, _ aliases: [String] = []) -> ListEntry {
            ListEntry(
                id: "e\(id)", name: name, aliases: aliases, type: .individual, listed: nil, delisted: nil, identifiers: [],
                programs: [], location: location)
        }
        let composed = "Caf\u{E9} Noir", decomposed = "Cafe\u{301} Noir"
        let list = CompiledList(
            id: "l", digest: "sha256:shared",
            entries: [
                entry(0, "Omar Qureshi", ["OMAR QURESHI", composed]), entry(1, "Omar Qureshi"), entry(2, "Hassan Ali", ["Omar Qureshi"]),
                entry(3, decomposed, [composed]),
            ])
        func readings(_ entry: Int, _ name: Int) -> ObjectIdentifier { ObjectIdentifier(list.entries[entry].names[name].made) }
        let omar = readings(0, 0)
        #expect(readings(1, 0) == omar && readings(2, 1) == omar)
        #expect(readings(0, 1) != omar && readings(2, 0) != omar)
        #expect(readings(0, 2) == readings(3, 1))
        #expect(readings(3, 0) != readings(3, 1))
        // Made once for one name, made for every name of its text; the names keep their own texts and roles.
        let fresh = CompiledList(id: "l", digest: "sha256:shared", entries: [entry(0, "Omar Qureshi"), entry(1, "Hassan Ali", ["Omar Qureshi"])])
        #expect(!fresh.entries[1].names[1].readingsMade)
        _ = fresh.entries[0].names[0].normalized
        #expect(fresh.entries[1].names[1].readingsMade && !fresh.entries[1].names[0].readingsMade)
        #expect(fresh.entries[1].names[1].isAlias && !fresh.entries[0].names[0].isAlias)
        #expect(list.entries[3].names.map(\.text) == [decomposed, composed])
    }

    @Test("a list loaded with its index cached makes no readings, and a screen makes only its candidates'")
    func onlyWhatScreensNeed() throws {
        let folder = try ScreeningIndexCacheTests.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        var random = SeededRandom(seed: 5)
        let entries = NameGenerator.entries(count: 400, random: &random)
        // The first load builds the index, which needs every name's readings.
        let (built, _) = cache.indexed(CompiledList(id: "generated", digest: "sha256:readings", entries: entries))
        #expect(built.entries.allSatisfy { $0.names.allSatisfy(\.readingsMade) })
        let (list, outcome) = cache.indexed(CompiledList(id: "generated", digest: "sha256:readings", entries: entries))
        #expect(outcome == .read)
        let names = list.entries.flatMap(\.names)
        #expect(names.allSatisfy { !$0.readingsMade })
        let matches = NameScreen(lists: [list], mode: .indexed).matches([entries[7].name], minScore: 0.92, asOf: Instant(secondsSinceEpoch: 0, isDateOnly: true))
        #expect(matches.contains { $0.entry == "e7" })
        let made = names.filter(\.readingsMade).count
        #expect(made > 0)
        #expect(made < names.count / 4)
    }
}

/// One slot per iteration, each written by one thread only.
private final class Seen: @unchecked Sendable {
    private var slots: [ObjectIdentifier?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func put(_ index: Int, _ value: ObjectIdentifier) { lock.withLock { slots[index] = value } }

    var all: [ObjectIdentifier] { lock.withLock { slots.compactMap { $0 } } }
}
