import Foundation
import GavelSyntax

/// The on-disk form of a `NameIndex`: a header that says what it was built
/// from, the arrays as they lie in memory, and a checksum over all of it.
/// Anything that does not check out reads as nil, and the index is rebuilt.
///
///     magic "GAVELIDX", byte-order mark, format version,
///     list digest (length + UTF-8), names fingerprint, longest name,
///     the scalars' width (16 or 32 bits), fourteen arrays (count + elements),
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
        out.append(ownerStarts)
        out.append(owners)
        out.append(nameGroups)
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

    /// The index in the file at `path`, if it holds one for this list digest
    /// and these names (`entries` of them), intact, and consistent enough to
    /// be walked without a check. Read straight into its arrays: a million names' index is 376 MB,
    /// which read whole and then copied into the arrays was held twice and
    /// copied once more. A file for another list or other names is refused
    /// after its header.
    static func read(path: String, listDigest: String, fingerprint: UInt64, entries: Int) -> NameIndex? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var reader = ByteReader(source: FileSource(descriptor: descriptor, remaining: Int(info.st_size)))
        return read(&reader, listDigest: listDigest, fingerprint: fingerprint, entries: entries)
    }

    private static func read(_ reader: inout ByteReader, listDigest: String, fingerprint: UInt64, entries: Int) -> NameIndex? {
        guard reader.take(magic.count) == magic,
            reader.scalar(UInt32.self) == byteOrderMark,
            reader.scalar(UInt32.self) == formatVersion,
            let digestLength = reader.scalar(UInt64.self), digestLength < 1 << 16,
            reader.take(Int(digestLength)) == Array(listDigest.utf8),
            reader.scalar(UInt64.self) == fingerprint,
            let longest = reader.scalar(UInt64.self), longest < 1 << 32,
            let ownerStarts = reader.array(UInt32.self), let owners = reader.array(UInt32.self), let nameGroups = reader.array(UInt8.self), let scalarOffsets = reader.array(UInt32.self),
            let scalars = reader.scalarColumns(), let signatures = reader.array(UInt64.self),
            let irregularNames = reader.array(UInt32.self), let keys = reader.array(UInt32.self),
            let offsets = reader.array(UInt32.self), let ids = reader.array(UInt32.self),
            let bitmapKeys = reader.array(UInt64.self), let bitmapCounts = reader.array(UInt32.self),
            let bitmapWords = reader.array(UInt64.self),
            reader.endsWithItsChecksum()
        else { return nil }
        // Every name has an owner: its owners' starts rise strictly, to the last owner. An owner past the
        // list's entries would be read out of bounds (the fingerprint says there is none; so does this).
        guard ownerStarts.first == 0, ownerStarts.last.map({ Int($0) == owners.count }) == true,
            zip(ownerStarts, ownerStarts.dropFirst()).allSatisfy({ $0 < $1 }), owners.allSatisfy({ Int($0) < entries })
        else { return nil }
        let nameCount = ownerStarts.count - 1
        let table = PostingTable(keys: keys, offsets: offsets, ids: ids)
        let bitmaps = OccurrenceBitmaps(
            keys: bitmapKeys, counts: bitmapCounts, words: bitmapWords, wordCount: OccurrenceBitmaps.wordCount(names: nameCount))
        guard table.isWellFormed, table.idsAscend, bitmaps.isWellFormed(names: nameCount), scalarOffsets.count == nameCount + 1, scalarOffsets.first == 0,
            nameGroups.count == nameCount,
            scalarOffsets.last.map({ Int($0) == scalars.count }) == true, signatures.count == nameCount,
            zip(scalarOffsets, scalarOffsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            zip(irregularNames, irregularNames.dropFirst()).allSatisfy({ $0 < $1 }),
            ids.allSatisfy({ Int($0) < nameCount })
        else { return nil }
        return NameIndex(
            ownerStarts: ownerStarts, owners: owners, nameGroups: nameGroups, scalarOffsets: scalarOffsets, scalars: scalars, signatures: signatures,
            irregularNames: irregularNames, longest: Int(longest), table: table, bitmaps: bitmaps)
    }

    /// What the index was built from, beyond the list's digest: each
    /// entry's names as listed, and what turns them into the indexed
    /// readings (`ReadingsIdentity`: another build of Gavel or another ICU
    /// is a stale cache). The readings themselves are not made for this:
    /// most of a large list's names are never needed in a run.
    static func fingerprint(_ entries: [ScreeningEntry], readings: UInt64 = ReadingsIdentity.current) -> UInt64 {
        var hasher = Checksum()
        hasher.add(word: readings)
        for entry in entries {
            hasher.add(0xFF)
            for name in entry.names {
                for byte in name.text.utf8 { hasher.add(byte) }
                hasher.add(name.isAlias ? 0xFD : 0xFE)
            }
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

    mutating func add(word value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// The text's bytes and a terminator no UTF-8 byte equals.
    mutating func add(text: String) {
        for byte in text.utf8 { add(byte) }
        add(0xFF)
    }

    var value: UInt64 { KeyMix.mix(KeyMix.mix(state, word), length) }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = Checksum()
        bytes.withUnsafeBytes { hasher.add(bytes: $0) }
        return hasher.value
    }

    /// The same as adding each byte in turn, a word at a time where it can.
    mutating func add(bytes raw: UnsafeRawBufferPointer) {
        var offset = 0
        while filled != 0, offset < raw.count {
            add(raw[offset])
            offset += 1
        }
        while raw.count - offset >= 8 {
            state = KeyMix.mix(state, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            length &+= 8
            offset += 8
        }
        while offset < raw.count {
            add(raw[offset])
            offset += 1
        }
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

/// An index file's bytes, read in order.
private struct FileSource {
    let descriptor: Int32
    /// What the file's size says is left; a file that shrinks under the reader fails the read instead.
    var remaining: Int

    /// Fills `buffer` with the next bytes; false when fewer remain or reading fails.
    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count <= remaining, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return buffer.isEmpty
        }
        var done = 0
        while done < buffer.count {
            let count = FileAccess.readSome(descriptor, into: base + done, count: buffer.count - done)
            if count <= 0 { return false }
            done += count
        }
        remaining -= buffer.count
        return true
    }
}

/// Reads an index file front to back, checksumming every byte it reads,
/// and sizes no array beyond the bytes that remain (a damaged count is
/// refused, not allocated).
private struct ByteReader {
    var source: FileSource
    private var checksum = Checksum()

    init(source: FileSource) { self.source = source }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= source.remaining else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            failed = !source.fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = failed ? 0 : count
        }
        if failed { return nil }
        bytes.withUnsafeBytes { checksum.add(bytes: $0) }
        return bytes
    }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
        var value = T.zero
        guard withUnsafeMutableBytes(of: &value, { source.fill($0) }) else { return nil }
        withUnsafeBytes(of: &value) { checksum.add(bytes: $0) }
        return T(littleEndian: value)
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

    /// A count, then that many elements, read into the array's own storage.
    mutating func array<T: FixedWidthInteger>(_: T.Type) -> [T]? {
        guard let count = scalar(UInt64.self), count <= UInt64(source.remaining / MemoryLayout<T>.size) else { return nil }
        var failed = false
        let values = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            failed = !source.fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = failed ? 0 : Int(count)
        }
        if failed { return nil }
        values.withUnsafeBytes { checksum.add(bytes: $0) }
        return values
    }

    /// Whether exactly the checksum of everything read is what is left.
    mutating func endsWithItsChecksum() -> Bool {
        guard source.remaining == 8 else { return false }
        var stored: UInt64 = 0
        guard withUnsafeMutableBytes(of: &stored, { source.fill($0) }) else { return false }
        return UInt64(littleEndian: stored) == checksum.value
    }
}
