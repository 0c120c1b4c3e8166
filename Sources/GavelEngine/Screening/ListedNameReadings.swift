import Synchronization

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
///
/// The reference is held in an `Atomic` inside this object rather than in a
/// `ManagedAtomicLazyReference`, which is an object of its own: scoring an
/// entry found at 1,000,000 names reads each of its names' readings cold
/// from memory, and that was one more miss on the way to every one.
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
    /// Retained once when stored, released with this object.
    private let made = Atomic<Unmanaged<Readings>?>(nil)

    init(text: String, normalized: String?) {
        self.text = text
        given = normalized
    }

    /// Whether the readings have been made (for the tests that hold loading to making none).
    var isMade: Bool { made.load(ordering: .acquiring) != nil }

    var value: Readings {
        if let readings = made.load(ordering: .acquiring) { return readings.takeUnretainedValue() }
        let readings = Unmanaged.passRetained(Readings(text: text, normalized: given ?? NameNormalizer.normalize(text)))
        let (stored, first) = made.compareExchange(expected: nil, desired: readings, ordering: .acquiringAndReleasing)
        guard !stored, let first else { return readings.takeUnretainedValue() }
        // Another thread stored its (equal) readings first: those are the ones kept.
        readings.release()
        return first.takeUnretainedValue()
    }

    deinit { made.load(ordering: .acquiring)?.release() }
}
