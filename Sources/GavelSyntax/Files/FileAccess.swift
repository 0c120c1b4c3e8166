import Foundation

/// The only place Gavel touches the file system for input. Reads are size
/// bounded, and bundle reads are confined to the bundle's directory.
package enum FileAccess {
    package static func read(_ path: String, display: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        guard !isDirectory(path) else { return .failure(.unreadable(display)) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limit {
            return .failure(.fileTooLarge(size: size, limit: limit, at: SourceLocation(file: display, line: 1, column: 1)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable(display)) }
        defer { try? handle.close() }
        return read(handle, display: display, limit: limit, sizeHint: attributes?[.size] as? Int ?? 0)
    }

    /// An open descriptor (a pipe, standard input), bounded like any file.
    package static func read(descriptor: Int32, display: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        read(FileHandle(fileDescriptor: descriptor, closeOnDealloc: false), display: display, limit: limit)
    }

    /// At most `limit` bytes, read in chunks: the size a file system reports
    /// cannot be trusted (a FIFO, /dev/zero or a growing file report none).
    private static func read(_ handle: FileHandle, display: String, limit: Int, sizeHint: Int = 0) -> Result<[UInt8], Diagnostic> {
        var bytes: [UInt8] = []
        // The first chunk is the size the file system reports, later ones grow
        // geometrically; each is one byte past what the limit allows, which
        // tells "too large" from "exactly the limit" without overflowing at `Int.max`.
        var wanted = max(min(sizeHint, limit - 1), 0) + 1
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress else { return }
                while initialized < buffer.count {
                    let count = readSome(handle.fileDescriptor, into: base + initialized, count: buffer.count - initialized)
                    if count < 0 { failed = true }
                    if count <= 0 { return }
                    initialized += count
                }
            }
            if failed { return .failure(.unreadable(display)) }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if bytes.count > limit {
                return .failure(
                    .fileTooLarge(size: nil, limit: limit, at: SourceLocation(file: display, line: 1, column: 1)))
            }
            if chunk.count < wanted { return .success(bytes) }
            wanted = min(max(bytes.count, 1 << 16), limit - bytes.count) + 1
        }
    }

    /// One `read(2)`, retried when a signal interrupts it: the bytes read,
    /// 0 at the end of the input, -1 on an error.
    package static func readSome(_ descriptor: Int32, into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        while true {
            let read = Foundation.read(descriptor, buffer, count)
            if read < 0, errno == EINTR { continue }
            return read
        }
    }

    /// The real path of `path`, with symlinks resolved.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` (links followed) is a regular file: not a folder, a named pipe, a device or a socket.
    package static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file below `directory` whose name ends in one of
    /// `extensions`, as paths relative to it, sorted by byte order so the
    /// order never depends on the file system.
    package static func files(under directory: String, extensions: [String]) -> [String] {
        listing(under: directory, extensions: extensions).files
    }

    /// What a walk of a directory finds: the files to read, and what it
    /// will not follow, which the caller must report rather than pass over.
    package struct Listing: Sendable, Equatable {
        package var files: [String] = []
        /// Links to folders (the walk does not follow them: a folder linked
        /// from outside would be read as if it were inside), and entries with
        /// a wanted extension that are not regular files (a named pipe with
        /// no writer blocks whoever opens it; a device may never end).
        package var unfollowed: [String] = []
    }

    package static func listing(under directory: String, extensions: [String]) -> Listing {
        var listing = Listing()
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return listing }
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var link = stat()
            guard lstat(path, &link) == 0 else { continue }
            var target = stat()
            let resolved = stat(path, &target) == 0
            if link.st_mode & S_IFMT == S_IFLNK, resolved, target.st_mode & S_IFMT == S_IFDIR {
                listing.unfollowed.append(relative)
                continue
            }
            guard extensions.contains(where: { relative.hasSuffix($0) }) else { continue }
            if resolved, target.st_mode & S_IFMT == S_IFDIR { continue }
            // A dangling link is kept: reading it reports the missing file where it is named.
            if resolved, target.st_mode & S_IFMT != S_IFREG {
                listing.unfollowed.append(relative)
                continue
            }
            listing.files.append(relative)
        }
        let byBytes: (String, String) -> Bool = { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        listing.files.sort(by: byBytes)
        listing.unfollowed.sort(by: byBytes)
        return listing
    }

    /// The problem to report for an entry `listing` did not follow.
    /// A folder link is reported with `linkCode`, anything else as an unreadable file.
    package static func unfollowedProblem(_ relative: String, under directory: String, linkCode: DiagnosticCode) -> Diagnostic {
        let path = directory + "/" + relative
        let isFolder = isDirectory(path)
        return .error(
            isFolder ? linkCode : .unreadableFile,
            isFolder
                ? "`\(relative)` is a link to a folder, which is not followed: its files would be read as if they were here"
                : "`\(relative)` is not a regular file (a named pipe, a device or a socket), so it is not read",
            at: SourceLocation(file: path, line: 1, column: 1),
            help: isFolder ? "copy the folder here, or name it on the command line" : "replace it with a regular file")
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
