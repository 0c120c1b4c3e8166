import Foundation
import GavelSyntax

/// Where screening indexes are kept between runs, one file per list, named
/// by the list's digest and the index format: a large list is indexed once,
/// not on every `gavel evaluate`. A file that is stale (another list, other
/// names, another format) or damaged (truncated, flipped bits: checksummed)
/// is rebuilt and rewritten, never trusted. A cache that cannot be read or
/// written costs the build, never the evaluation.
package struct ScreeningIndexCache: Sendable {
    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// `$GAVEL_CACHE_DIR`, else `$XDG_CACHE_HOME/gavel`, else `~/.cache/gavel`:
    /// outside the bundle, which may be read-only and is under version control.
    package static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ScreeningIndexCache? {
        if let explicit = environment["GAVEL_CACHE_DIR"], !explicit.isEmpty { return ScreeningIndexCache(directory: explicit) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return ScreeningIndexCache(directory: xdg + "/gavel") }
        if let home = environment["HOME"], home.hasPrefix("/") { return ScreeningIndexCache(directory: home + "/.cache/gavel") }
        return nil
    }

    package enum Outcome: Sendable, Equatable {
        /// Read from the cache.
        case read
        /// Built; `written` says whether the cache now holds it.
        case built(written: Bool)
    }

    /// The file for a list: its digest and the format version in the name,
    /// so lists never overwrite each other's index.
    package func path(for list: CompiledList) -> String {
        let digest = list.digest.replacingOccurrences(of: "sha256:", with: "")
            .filter { $0.isLetter || $0.isNumber }
        return directory + "/screening-v\(NameIndex.formatVersion)-\(digest).index"
    }

    /// The list with its index, from the cache when it holds a sound one.
    package func indexed(_ list: CompiledList) -> (CompiledList, Outcome) {
        if list.index != nil { return (list, .read) }
        let path = path(for: list)
        let fingerprint = NameIndex.fingerprint(list.entries)
        var copy = list
        if let names = NameIndex.read(path: path, listDigest: list.digest, fingerprint: fingerprint, entries: list.entries.count) {
            copy.index = ScreeningIndex(names: names, entries: list.entries)
            return (copy, .read)
        }
        let names = NameIndex.build(list.entries)
        copy.index = ScreeningIndex(names: names, entries: list.entries)
        guard let names else { return (copy, .built(written: false)) }
        return (copy, .built(written: write(names.bytes(listDigest: list.digest, fingerprint: fingerprint), to: path)))
    }

    /// Writes beside the target and renames, so a reader never sees half a file.
    private func write(_ bytes: [UInt8], to path: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0 ... .max)).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
            if rename(temporary, path) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                return false
            }
            return true
        } catch {
            return false
        }
    }
}
