import Atomics

/// A listed name's normalised text and readings (`NameForms.listed`),
/// worked out the first time a screen needs them and kept from then on.
///
/// Why not at load: a bundle is loaded by every `gavel evaluate`, and with
/// the screening index read from the cache a run scores only the names its
/// cases' screens find. Building every name's readings up front was most
/// of loading a large list (a million names: 35 % of the time with the
/// index cached, and most of the memory), for names no case came near.
///
/// Readings are a pure function of the text, so two threads that race to
/// work them out build the same value; the first stored is the one kept.
/// A reading is never changed once stored.
final class ListedNameReadings: Sendable {
    final class Readings: Sendable {
        let normalized: String
        /// Unicode scalars in `normalized`.
        let length: Int
        let forms: NameForms

        init(text: String, normalized: String) {
            self.normalized = normalized
            length = normalized.unicodeScalars.count
            forms = NameForms.listed(text, normalized: normalized)
        }
    }

    private let text: String
    /// The normalised text when the caller gave it (tests and benchmarks
    /// that screen texts as already normalised), else worked out.
    private let given: String?
    private let made = ManagedAtomicLazyReference<Readings>()

    init(text: String, normalized: String?) {
        self.text = text
        given = normalized
    }

    /// Whether the readings have been made (for the tests that hold loading to making none).
    var isMade: Bool { made.load() != nil }

    var value: Readings {
        if let readings = made.load() { return readings }
        return made.storeIfNilThenLoad(Readings(text: text, normalized: given ?? NameNormalizer.normalize(text)))
    }
}
