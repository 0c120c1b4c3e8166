import Foundation

/// Where one side of `gavel diff` comes from: a bundle directory, or a git
/// revision of one (`HEAD~1:Policies`), read with `git archive` into a
/// temporary directory; nothing is ever checked out into the working tree.
struct DiffBundleSource {
    /// What the user wrote, for messages.
    let spec: String
    /// The directory the bundle loads from.
    let directory: String
    /// A temporary directory holding an archived revision, removed by `cleanUp()`.
    private let temporary: URL?

    enum Failure: Error {
        case message(String)
    }

    /// A directory that exists is a directory, even if its name has a colon;
    /// otherwise `REV:PATH` names a revision and a path from the repository root.
    static func resolve(_ spec: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> Result<DiffBundleSource, Failure> {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue {
            return .success(DiffBundleSource(spec: spec, directory: spec, temporary: nil))
        }
        guard let colon = spec.firstIndex(of: ":") else {
            return .failure(.message("`\(spec)` is neither a bundle directory nor a git revision like `HEAD~1:Policies`"))
        }
        let revision = String(spec[..<colon])
        var path = String(spec[spec.index(after: colon)...])
        while path.hasPrefix("/") { path.removeFirst() }
        guard !revision.isEmpty else { return .failure(.message("`\(spec)` names no git revision before the `:`")) }

        let top: String
        switch Self.git(["rev-parse", "--show-toplevel"], in: workingDirectory) {
        case .failure(let failure): return .failure(failure)
        case .success(let output): top = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Resolve the revision first, so an unknown one is named as such rather than as an archive error.
        if case .failure = Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top) {
            return .failure(.message("git has no revision `\(revision)` in \(top)"))
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-diff-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            return .failure(.message("cannot create a temporary directory for `\(spec)`: \(error.localizedDescription)"))
        }
        let tar = temporary.appendingPathComponent("bundle.tar").path
        var arguments = ["archive", "--format=tar", "-o", tar, revision]
        if !path.isEmpty { arguments += ["--", path] }
        if case .failure(let failure) = Self.git(arguments, in: top) {
            try? FileManager.default.removeItem(at: temporary)
            if case .message(let text) = failure, text.contains("did not match any files") {
                return .failure(.message("revision `\(revision)` has no `\(path)`"))
            }
            return .failure(failure)
        }
        let extracted = temporary.appendingPathComponent("tree")
        do {
            try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return .failure(.message("cannot create a temporary directory for `\(spec)`: \(error.localizedDescription)"))
        }
        if case .failure(let failure) = Self.run("/usr/bin/env", ["tar", "-xf", tar, "-C", extracted.path], in: top) {
            try? FileManager.default.removeItem(at: temporary)
            return .failure(failure)
        }
        let directory = path.isEmpty ? extracted.path : extracted.appendingPathComponent(path).path
        return .success(DiffBundleSource(spec: spec, directory: directory, temporary: temporary))
    }

    func cleanUp() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    private static func git(_ arguments: [String], in directory: String) -> Result<[UInt8], Failure> {
        run("/usr/bin/env", ["git"] + arguments, in: directory)
    }

    private static func run(_ executable: String, _ arguments: [String], in directory: String) -> Result<[UInt8], Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return .failure(.message("cannot run `\(arguments.first ?? executable)`: \(error.localizedDescription)"))
        }
        // Read both pipes before waiting, so a full pipe cannot stall the child.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(.message("`\(arguments.joined(separator: " "))` failed: \(text.isEmpty ? "exit \(process.terminationStatus)" : text)"))
        }
        return .success(Array(output))
    }
}
