/// The on-disk form of a `NameIndex`: a header that says what it was built
/// from, the arrays as they lie in memory, and a checksum over all of it.
/// Anything that does not check out reads as nil, and the index is rebuilt.
///
///     magic "GAVELIDX", byte-order mark, format version,
///     list digest (length + UTF-8), names fingerprint, longest name,
///     the scalars' width (16 or 32 bits), twelve arrays (count + elements),
///     checksum of everything before it.
extension NameIndex {
    static let magic = Array("GAVELIDX".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304

    func bytes(listDigest: String, fingerprint: UInt64) -> [UInt8] {
        var out = ByteWriter()
        out.bytes.append(contentsOf: Self.magic)
        out.append(Self.byteOrderMark)
        out.append(Self.formatVersion)
        let digest = Array(listDigest.utf8)
        out.append(UInt64(digest.count))
        out.bytes.append(contentsOf: digest)
        out.append(fingerprint)
        out.append(UInt64(longest))
        out.append(nameEntries)
        out.append(scalarOffsets)
        switch scalars {
        case .narrow(let sorted, let ordered):
            out.append(UInt32(16))
            out.append(sorted)
            out.append(ordered)
        case .wide(let sorted, let ordered):
            out.append(UInt32(32))
            out.append(sorted)
            out.append(ordered)
        }
        out.append(signatures)
        out.append(irregularNames)
        out.append(table.keys)
        out.append(table.offsets)
        out.append(table.ids)
        out.append(bitmaps.keys)
        out.append(bitmaps.counts)
        out.append(bitmaps.words)
        out.append(Checksum.of(out.bytes[...]))
        return out.bytes
    }

    /// The index in `bytes`, if they hold one for this list digest and these
    /// names, intact, and consistent enough to be walked without a check.
    static func read(_ bytes: [UInt8], listDigest: String, fingerprint: UInt64) -> NameIndex? {
        guard bytes.count >= magic.count + 8 else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        var reader = ByteReader(bytes: bytes[...])
        guard reader.take(magic.count).map(Array.init) == magic,
            reader.scalar(UInt32.self) == byteOrderMark,
            reader.scalar(UInt32.self) == formatVersion
        else { return nil }
        var tail = ByteReader(bytes: bytes[(bytes.count - 8)...])
        guard tail.scalar(UInt64.self) == Checksum.of(body) else { return nil }
        guard let digestLength = reader.scalar(UInt64.self), digestLength < 1 << 16,
            let digest = reader.take(Int(digestLength)), Array(digest) == Array(listDigest.utf8),
            reader.scalar(UInt64.self) == fingerprint,
            let longest = reader.scalar(UInt64.self), longest < 1 << 32,
            let nameEntries = reader.array(UInt32.self), let scalarOffsets = reader.array(UInt32.self),
            let scalars = reader.scalarColumns(), let signatures = reader.array(UInt64.self),
            let irregularNames = reader.array(UInt32.self), let keys = reader.array(UInt32.self),
            let offsets = reader.array(UInt32.self), let ids = reader.array(UInt32.self),
            let bitmapKeys = reader.array(UInt64.self), let bitmapCounts = reader.array(UInt32.self),
            let bitmapWords = reader.array(UInt64.self),
            reader.position == body.endIndex
        else { return nil }
        let table = PostingTable(keys: keys, offsets: offsets, ids: ids)
        let bitmaps = OccurrenceBitmaps(
            keys: bitmapKeys, counts: bitmapCounts, words: bitmapWords, wordCount: OccurrenceBitmaps.wordCount(names: nameEntries.count))
        guard table.isWellFormed, bitmaps.isWellFormed(names: nameEntries.count), scalarOffsets.count == nameEntries.count + 1, scalarOffsets.first == 0,
            scalarOffsets.last.map({ Int($0) == scalars.count }) == true, signatures.count == nameEntries.count,
            zip(scalarOffsets, scalarOffsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            zip(irregularNames, irregularNames.dropFirst()).allSatisfy({ $0 < $1 }),
            ids.allSatisfy({ Int($0) < nameEntries.count })
        else { return nil }
        return NameIndex(
            nameEntries: nameEntries, scalarOffsets: scalarOffsets, scalars: scalars, signatures: signatures,
            irregularNames: irregularNames, longest: Int(longest), table: table, bitmaps: bitmaps)
    }

    /// What the index was built from, beyond the list's bytes: the
    /// indexed forms of the names (so a change to `NameNormalizer` or to
    /// the evasion readings is a stale cache too) and the entry each belongs to.
    static func fingerprint(_ entries: [ScreeningEntry]) -> UInt64 {
        var hasher = Checksum()
        // The forms are gathered on every core, then hashed in entry order.
        Concurrently.forEach(entries.count, { indexedTexts(entries[$0]) }) { _, entryTexts in
            hasher.add(0xFF)
            // Every indexed form, so that another ICU (other skeletons) is a stale cache too.
            for text in entryTexts {
                for byte in text.utf8 { hasher.add(byte) }
                hasher.add(0xFE)
            }
            return true
        }
        return hasher.value
    }
}

/// A 64-bit FNV-1a-style running hash over bytes, mixed eight at a time: it
/// catches truncation and bit flips in a cache file (it is no defence
/// against someone forging one; the cache directory is the user's own).
struct Checksum {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325
    private var word: UInt64 = 0
    private var filled = 0
    private var length: UInt64 = 0

    mutating func add(_ byte: UInt8) {
        word |= UInt64(byte) << (8 * UInt64(filled))
        filled += 1
        length &+= 1
        if filled == 8 {
            state = KeyMix.mix(state, word)
            word = 0
            filled = 0
        }
    }

    var value: UInt64 { KeyMix.mix(KeyMix.mix(state, word), length) }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = Checksum()
        var words = bytes.count / 8
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while words > 0 {
                hasher.state = KeyMix.mix(hasher.state, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
                words -= 1
            }
            hasher.length = UInt64(offset)
            for i in offset ..< raw.count { hasher.add(raw[i]) }
        }
        return hasher.value
    }
}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append<T: FixedWidthInteger>(_ values: [T]) {
        append(UInt64(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

private struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - position >= count else { return nil }
        defer { position += count }
        return bytes[position ..< position + count]
    }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let raw = take(MemoryLayout<T>.size) else { return nil }
        return T(littleEndian: raw.withUnsafeBytes { $0.loadUnaligned(as: T.self) })
    }

    /// The width, then both columns at that width, of equal length.
    mutating func scalarColumns() -> ScalarColumns? {
        switch scalar(UInt32.self) {
        case 16:
            guard let sorted = array(UInt16.self), let ordered = array(UInt16.self), sorted.count == ordered.count else { return nil }
            return .narrow(sorted: sorted, ordered: ordered)
        case 32:
            guard let sorted = array(UInt32.self), let ordered = array(UInt32.self), sorted.count == ordered.count else { return nil }
            return .wide(sorted: sorted, ordered: ordered)
        default:
            return nil
        }
    }

    mutating func array<T: FixedWidthInteger>(_: T.Type) -> [T]? {
        guard let count = scalar(UInt64.self), count <= UInt64(bytes.count / MemoryLayout<T>.size),
            let raw = take(Int(count) * MemoryLayout<T>.size)
        else { return nil }
        return [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            raw.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = Int(count)
        }
    }
}
