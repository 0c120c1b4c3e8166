import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// The on-disk index: reused when sound, rebuilt when stale or damaged,
/// never a reason for evaluation to fail.
@Suite("Screening index cache")
struct ScreeningIndexCacheTests {
    static func list(digest: String = "sha256:abc123", seed: UInt64 = 9) -> CompiledList {
        var random = SeededRandom(seed: seed)
        return CompiledList(id: "generated", digest: digest, entries: NameGenerator.entries(count: 80, random: &random))
    }

    /// An empty folder, removed with the returned value (keep it bound while the folder is used):
    /// each run used to leave its folders behind in the system's temporary directory.
    static func temporaryDirectory() throws -> TemporaryBundle {
        let folder = try TemporaryBundle([:])
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        return folder
    }

    static func sameIndex(_ a: CompiledList, _ b: CompiledList) throws -> Bool {
        let x = try #require(a.index?.names), y = try #require(b.index?.names)
        return x.ownerStarts == y.ownerStarts && x.owners == y.owners && x.scalarOffsets == y.scalarOffsets && x.scalars == y.scalars
            && x.longest == y.longest && x.table.keys == y.table.keys && x.table.offsets == y.table.offsets
            && x.table.ids == y.table.ids && x.bitmaps == y.bitmaps
    }

    @Test("built once, then read back identical")
    func builtThenRead() throws {
        let folder = try Self.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        let (first, built) = cache.indexed(Self.list())
        #expect(built == .built(written: true))
        let (second, read) = cache.indexed(Self.list())
        #expect(read == .read)
        #expect(try Self.sameIndex(first, second))
    }

    @Test("a file for other names or another list is rebuilt, not used")
    func staleIsRebuilt() throws {
        let folder = try Self.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        let list = Self.list()
        // Another list's index under this list's file name: the header's digest disagrees.
        let other = try #require(NameIndex.build(Self.list(seed: 10).entries))
        try Data(other.bytes(listDigest: "sha256:other", fingerprint: 1)).write(to: URL(fileURLWithPath: cache.path(for: list)))
        #expect(cache.indexed(list).1 == .built(written: true))
        // Same digest, other names (as after a change to normalisation): the fingerprint disagrees.
        try Data(other.bytes(listDigest: list.digest, fingerprint: NameIndex.fingerprint(Self.list(seed: 10).entries)))
            .write(to: URL(fileURLWithPath: cache.path(for: list)))
        let (rebuilt, outcome) = cache.indexed(list)
        #expect(outcome == .built(written: true))
        #expect(try Self.sameIndex(rebuilt, list.indexed()))
        #expect(cache.indexed(list).1 == .read)
    }

    @Test("a file whose names are owned by entries past the list's is rebuilt, not used")
    func ownersPastTheListAreRebuilt() throws {
        let folder = try Self.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        let list = Self.list()
        // A longer list's index, under this list's digest and fingerprint: sound for the longer list,
        // but its last names belong to entries this list does not have.
        var random = SeededRandom(seed: 10)
        let longer = CompiledList(id: "generated", digest: list.digest, entries: NameGenerator.entries(count: 200, random: &random))
        let other = try #require(NameIndex.build(longer.entries))
        #expect(other.owners.contains { Int($0) >= list.entries.count })
        let fingerprint = NameIndex.fingerprint(list.entries)
        try Data(other.bytes(listDigest: list.digest, fingerprint: fingerprint)).write(to: URL(fileURLWithPath: cache.path(for: list)))
        #expect(NameIndex.read(path: cache.path(for: list), listDigest: list.digest, fingerprint: fingerprint, entries: longer.entries.count) != nil)
        #expect(NameIndex.read(path: cache.path(for: list), listDigest: list.digest, fingerprint: fingerprint, entries: list.entries.count) == nil)
        let (rebuilt, outcome) = cache.indexed(list)
        #expect(outcome == .built(written: true))
        #expect(try Self.sameIndex(rebuilt, list.indexed()))
    }

    @Test("a file built by another Gavel or with another ICU is rebuilt, not used")
    func otherReadingsAreRebuilt() throws {
        let folder = try Self.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        let list = Self.list()
        // This list's own index, but made with readings this build may not make: what a rebuild of
        // Gavel, or another ICU, left behind. Its names are the same; only the readings identity differs.
        let stale = try #require(NameIndex.build(Self.list(seed: 10).entries))
        let otherIdentity = ReadingsIdentity.current ^ 1
        try Data(stale.bytes(listDigest: list.digest, fingerprint: NameIndex.fingerprint(list.entries, readings: otherIdentity)))
            .write(to: URL(fileURLWithPath: cache.path(for: list)))
        let (rebuilt, outcome) = cache.indexed(list)
        #expect(outcome == .built(written: true))
        #expect(try Self.sameIndex(rebuilt, list.indexed()))
        #expect(cache.indexed(list).1 == .read)
    }

    @Test("the identity names this executable and the system ICU")
    func readingsIdentity() throws {
        #expect(ReadingsIdentity.icuVersion.split(separator: ".").count >= 2)
        let executable = try #require(Bundle.main.executablePath)
        #expect(ReadingsIdentity.fileIdentity(executable) != nil)
        #expect(ReadingsIdentity.fileIdentity(executable + ".missing") == nil)
        // Another modification time of the same file is another identity.
        let folder = try Self.temporaryDirectory()
        let file = folder.path + "/probe"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let before = try #require(ReadingsIdentity.fileIdentity(file))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file)
        #expect(try #require(ReadingsIdentity.fileIdentity(file)) != before)
    }

    @Test("a file cut anywhere, or with a byte more, is refused; the whole file is read back")
    func everyCutIsRefused() throws {
        let folder = try Self.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        let list = Self.list()
        _ = cache.indexed(list)
        let path = cache.path(for: list)
        let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let fingerprint = NameIndex.fingerprint(list.entries)
        let read = try #require(NameIndex.read(path: path, listDigest: list.digest, fingerprint: fingerprint, entries: list.entries.count))
        let built = try #require(list.indexed().index?.names)
        #expect(read.bytes(listDigest: list.digest, fingerprint: fingerprint) == whole)
        #expect(built.bytes(listDigest: list.digest, fingerprint: fingerprint) == whole)
        let cut = folder.path + "/cut.index"
        // Every length up to a few hundred bytes (the header and the first counts), then a spread through the arrays.
        let lengths = Array(0 ..< min(400, whole.count)) + Array(stride(from: 400, to: whole.count, by: max(1, whole.count / 300)))
        for length in lengths {
            try Data(whole.prefix(length)).write(to: URL(fileURLWithPath: cut))
            #expect(NameIndex.read(path: cut, listDigest: list.digest, fingerprint: fingerprint, entries: list.entries.count) == nil, "cut at \(length)")
        }
        try Data(whole + [0]).write(to: URL(fileURLWithPath: cut))
        #expect(NameIndex.read(path: cut, listDigest: list.digest, fingerprint: fingerprint, entries: list.entries.count) == nil)
        #expect(NameIndex.read(path: folder.path, listDigest: list.digest, fingerprint: fingerprint, entries: list.entries.count) == nil)
    }

    @Test("a truncated or bit-flipped file is rebuilt, not used", arguments: [0, 1, 2, 3, 4, 5])
    func damagedIsRebuilt(damage: Int) throws {
        let folder = try Self.temporaryDirectory()
        let cache = ScreeningIndexCache(directory: folder.path)
        let list = Self.list()
        _ = cache.indexed(list)
        let url = URL(fileURLWithPath: cache.path(for: list))
        var bytes = [UInt8](try Data(contentsOf: url))
        switch damage {
        case 0: bytes.removeLast(bytes.count / 2)
        case 1: bytes.removeLast(1)
        case 2: bytes = []
        case 3: bytes[bytes.count / 2] ^= 0x10
        case 4: bytes[20] ^= 0x01  // inside the header
        default: bytes[bytes.count - 1] ^= 0x80  // the checksum itself
        }
        try Data(bytes).write(to: url)
        let (rebuilt, outcome) = cache.indexed(list)
        #expect(outcome == .built(written: true))
        #expect(try Self.sameIndex(rebuilt, list.indexed()))
    }

    @Test("an unwritable cache location still screens, from an index built in memory")
    func unwritableLocation() throws {
        let folder = try Self.temporaryDirectory()
        let blocker = folder.path + "/a-file"
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: blocker))
        let cache = ScreeningIndexCache(directory: blocker + "/cache")
        let list = Self.list()
        let (indexed, outcome) = cache.indexed(list)
        #expect(outcome == .built(written: false))
        #expect(try Self.sameIndex(indexed, list.indexed()))
    }

    @Test("the standard location follows GAVEL_CACHE_DIR, then XDG_CACHE_HOME, then HOME")
    func standardLocation() {
        #expect(ScreeningIndexCache.standard(environment: ["GAVEL_CACHE_DIR": "/c", "HOME": "/h"])?.directory == "/c")
        #expect(ScreeningIndexCache.standard(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.directory == "/x/gavel")
        #expect(ScreeningIndexCache.standard(environment: ["HOME": "/h"])?.directory == "/h/.cache/gavel")
        #expect(ScreeningIndexCache.standard(environment: [:]) == nil)
    }

    @Test("loading a bundle writes one index per list, then reads them back")
    func bundleThroughCache() throws {
        let folder = try Self.temporaryDirectory()
        let directory = folder.path
        let cache = ScreeningIndexCache(directory: directory)
        let first = try BundleLoader.load(directory: Repository.policies, screeningCache: cache).get()
        let written = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".index") }
        #expect(written.count == first.lists.count)
        let second = try BundleLoader.load(directory: Repository.policies, screeningCache: cache).get()
        for (a, b) in zip(first.lists, second.lists) { #expect(try Self.sameIndex(a, b)) }
    }
}
