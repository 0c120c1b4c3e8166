import Testing

@testable import GavelEngine

/// The signature check may only skip names that cannot share enough
/// scalars: its bound must never fall below the true common count.
@Suite("Scalar signatures")
struct ScalarSignatureTests {
    /// Latin letters, the space, digits, and scalars of other scripts that share the hashed buckets.
    static let alphabet: [UInt32] = Array(0x61 ... 0x7A) + [0x20, 0x20, 0x31, 0x37] + Array(0x430 ... 0x44F) + [0x627, 0x644, 0x645, 0x1F600]

    @Test("the bound is never below the scalars two names share", arguments: [UInt64(1), 2, 3, 4])
    func boundHolds(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var tight = 0
        for _ in 0 ..< 2_000 {
            // Small alphabets make many shared and repeated scalars (past the levels kept).
            let alphabet = Array(Self.alphabet.prefix(random.int(in: 3 ... Self.alphabet.count)))
            let query = (0 ..< random.int(in: 1 ... 40)).map { _ in alphabet[random.int(in: 0 ... alphabet.count - 1)] }
            let name = (0 ..< random.int(in: 1 ... 40)).map { _ in alphabet[random.int(in: 0 ... alphabet.count - 1)] }
            let common = query.sorted().withUnsafeBufferPointer { q in name.sorted().withUnsafeBufferPointer { ScreeningBounds.commonCount(q, $0) } }
            let bound = query.count - ScalarSignature.missing(ScalarSignature.levels(query), name: ScalarSignature.of(name))
            #expect(bound >= common, "query \(query) name \(name)")
            if bound < query.count { tight += 1 }
        }
        // A bound that never skips anything would pass the check above and prove nothing.
        #expect(tight > 200, "the signature ruled out scalars in only \(tight) of 2,000 pairs")
    }

    @Test("a scalar the name holds once counts once against a query that repeats it")
    func repeatsCount() {
        let query: [UInt32] = Array("aaab".unicodeScalars.map(\.value))
        let bound = { (name: String) in
            query.count - ScalarSignature.missing(ScalarSignature.levels(query), name: ScalarSignature.of(name.unicodeScalars.map(\.value)))
        }
        #expect(bound("ab") == 2)
        #expect(bound("b") == 1)
        #expect(bound("aab") == 4)
        #expect(bound("c") == 0)
    }

    @Test("each Latin letter, the space and the digits have buckets of their own")
    func latinBuckets() {
        let buckets = (0x61 ... 0x7A).map { ScalarSignature.bucket(UInt32($0)) } + [ScalarSignature.bucket(0x20), ScalarSignature.bucket(0x35)]
        #expect(Set(buckets).count == 28)
        #expect(buckets.allSatisfy { $0 < 28 })
        #expect(ScalarSignature.bucket(0x430) >= 28 && ScalarSignature.bucket(0x430) < 32)
    }
}
