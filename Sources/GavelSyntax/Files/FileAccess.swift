import Foundation

/// The only place Gavel touches the file system for input. Reads are size
/// bounded, and bundle reads are confined to the bundle's directory.
package enum FileAccess {
    package static func read(_ path: String, display: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        let unreadable = Diagnostic.error(
            .unreadableFile, "cannot read `\(display)`", at: nil, help: "check that the file exists and is readable")
        guard !isDirectory(path) else { return .failure(unreadable) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limit {
            return .failure(.fileTooLarge(size: size, limit: limit, at: SourceLocation(file: display, line: 1, column: 1)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(unreadable) }
        defer { try? handle.close() }
        return read(handle, display: display, limit: limit)
    }

    /// Standard input, bounded like any file.
    package static func readStandardInput(limit: Int) -> Result<[UInt8], Diagnostic> {
        read(FileHandle.standardInput, display: "<stdin>", limit: limit)
    }

    /// At most `limit` bytes, read in chunks: the size a file system reports
    /// cannot be trusted (a FIFO, /dev/zero or a growing file report none).
    private static func read(_ handle: FileHandle, display: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                // One byte past the limit tells "too large" from "exactly the limit"; no overflow at `Int.max`.
                chunk = try handle.read(upToCount: min(1 << 20, limit - bytes.count) + 1)
            } catch {
                return .failure(.error(.unreadableFile, "cannot read `\(display)`", at: nil, help: "check that the file exists and is readable"))
            }
            guard let chunk, !chunk.isEmpty else { return .success(bytes) }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                return .failure(
                    .fileTooLarge(size: nil, limit: limit, at: SourceLocation(file: display, line: 1, column: 1)))
            }
        }
    }

    /// The real path of `path`, with symlinks resolved.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file below `directory` whose name ends in one of
    /// `extensions`, as paths relative to it, sorted by byte order so the
    /// result never depends on the file system's listing order.
    package static func files(under directory: String, extensions: [String]) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard extensions.contains(where: { relative.hasSuffix($0) }) else { continue }
            if isDirectory(directory + "/" + relative) { continue }
            found.append(relative)
        }
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// `relative` joined to `base` if it stays inside `root` after resolving
    /// symlinks; nil for absolute paths, `..` escapes and links leading out.
    package static func confined(_ relative: String, base: String, root: String) -> String? {
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else { return nil }
        let joined = base + "/" + relative
        guard let real = realPath(joined), let realRoot = realPath(root) else { return nil }
        return real == realRoot || real.hasPrefix(realRoot + "/") ? joined : nil
    }
}
