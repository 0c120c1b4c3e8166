/// The indexed names' scalars, each name's run sorted (what the candidate
/// bound counts on) and in its own order (what the final Jaro–Winkler check
/// reads), at the same offsets. Sixteen bits a scalar when every indexed
/// scalar fits, as in nearly every list: at 1,000,000 names these two
/// columns are half the index.
///
/// Exactness: a narrow index holds no scalar above U+FFFF, and no surrogate
/// code point (a Swift string has none), so a query scalar above U+FFFF can
/// equal no indexed scalar. `narrowed` writes every such scalar as U+D800,
/// which equals no indexed scalar either: Jaro–Winkler and the common count
/// only ever compare a query scalar with a name's, so both come out as they
/// would on the full values.
enum ScalarColumns: Sendable, Equatable {
    case narrow(sorted: [UInt16], ordered: [UInt16])
    case wide(sorted: [UInt32], ordered: [UInt32])

    /// Stands for every query scalar a narrow index cannot hold.
    static let unrepresentable: UInt16 = 0xD800

    init(sorted: [UInt32], ordered: [UInt32]) {
        if sorted.allSatisfy({ $0 <= 0xFFFF }) {
            self = .narrow(sorted: sorted.map { UInt16(truncatingIfNeeded: $0) }, ordered: ordered.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            self = .wide(sorted: sorted, ordered: ordered)
        }
    }

    var count: Int {
        switch self {
        case .narrow(let sorted, _): return sorted.count
        case .wide(let sorted, _): return sorted.count
        }
    }

    /// Bytes held by both columns.
    var byteCount: Int {
        switch self {
        case .narrow(let sorted, let ordered): return (sorted.count + ordered.count) * 2
        case .wide(let sorted, let ordered): return (sorted.count + ordered.count) * 4
        }
    }

    /// A query's scalars as a narrow index compares them.
    static func narrowed(_ scalars: [UInt32]) -> [UInt16] {
        scalars.map { $0 <= 0xFFFF ? UInt16(truncatingIfNeeded: $0) : unrepresentable }
    }
}
