import CUnicodeSecurity
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a listed name's readings depend on besides its text: the code that
/// makes them and ICU's data. A screening index on disk was built from
/// readings, so it is stale when either changes.
///
/// The cache used to hash every name's readings to find out, which meant
/// making all of them on every load (`ListedNameReadings` now makes them
/// only when a screen needs them). It hashes this instead:
///
/// - the running executable (device, inode, size, modification time, to
///   the nanosecond): any rebuild of Gavel may be another normaliser, so it
///   is treated as one, and Foundation's transliterations come with the
///   toolchain the executable was built with;
/// - the version of the system ICU that makes confusable skeletons;
/// - the engine version.
///
/// A rebuild therefore costs one index build per list, never a stale index.
enum ReadingsIdentity {
    /// Worked out once per process; it cannot change while the process runs.
    static let current: UInt64 = {
        var hasher = Checksum()
        hasher.add(text: DecisionRecord.engineVersion)
        hasher.add(text: icuVersion)
        if let executable = Bundle.main.executablePath, let identity = fileIdentity(executable) {
            for value in identity { hasher.add(word: value) }
        } else {
            // Unknown executable: no cache built by one run is trusted by another.
            hasher.add(word: UInt64(getpid()))
            hasher.add(word: UInt64(Date().timeIntervalSince1970 * 1e9))
        }
        return hasher.value
    }()

    static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { out in
            if let base = out.baseAddress { gavel_icu_version(base) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Device, inode, size and modification time of a file, or nil.
    static func fileIdentity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return [
            UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino),
            UInt64(truncatingIfNeeded: info.st_size), UInt64(truncatingIfNeeded: modified.tv_sec),
            UInt64(truncatingIfNeeded: modified.tv_nsec),
        ]
    }
}
