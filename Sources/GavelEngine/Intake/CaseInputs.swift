import Foundation
import GavelSyntax

/// One case document as it comes in, before it is read: a YAML/JSON document
/// already composed, or a `.jsonl` line still as bytes (composed later, on
/// whichever thread decides it), or the problem that stands in its place.
package enum CaseInput: Sendable {
    case document(SourceNode, source: CaseSource)
    case line([UInt8], file: String, number: Int)
    case problem(Diagnostic)

    /// The bytes the case came from, as read; nil for a problem.
    package var source: CaseSource? {
        switch self {
        case .document(_, let source): return source
        case .line(let bytes, let file, let number): return CaseSource(bytes: bytes, format: .jsonLine, document: 0, file: file, line: number)
        case .problem: return nil
        }
    }

    /// The case this input holds, read and checked against the schema when
    /// there is one: what a batch decides.
    package func record(limits: LoadLimits, check: CaseSchemaCheck?) -> Result<CaseRecord, DiagnosticError> {
        switch self {
        case .document(let node, _): return CaseLoader.read(node, check: check)
        case .problem(let problem): return .failure(DiagnosticError(problem))
        case .line(let bytes, let file, let number):
            return bytes.withUnsafeBufferPointer { CaseLoader.readLine($0, file: file, lineNumber: number, limits: limits, check: check) }
        }
    }

    /// The document's node, composing a line now.
    package func node(limits: LoadLimits) -> Result<SourceNode, Diagnostic> {
        switch self {
        case .document(let node, _): return .success(node)
        case .problem(let problem): return .failure(problem)
        case .line(let bytes, let file, let number):
            return bytes.withUnsafeBufferPointer { JSONLines.document($0, file: file, lineNumber: number, limits: limits) }
        }
    }
}

/// The cases named on a command line, in order, in bounded memory: `.jsonl`
/// files and pipes are read line by line, so a batch of any size streams;
/// a YAML or JSON file is read whole, within the file limit; `-` is standard
/// input (a `.jsonl` stream when `standardInputIsJSONLines`, else YAML).
/// Directories are searched for case files; a directory with none, like an
/// empty file, is a problem, never a silent success.
package struct CaseInputs: IteratorProtocol {
    private var arguments: [String]
    private let limits: LoadLimits
    private let standardInputIsJSONLines: Bool
    private let standardInput: Int32
    private var pending: [CaseInput] = []
    /// The `.jsonl` input being read; its handle is nil for standard input, which is not ours to close.
    private var stream: (JSONLinesStream, handle: FileHandle?, file: String, sawLine: Bool)?
    private var paths: [String] = []
    /// Bytes of input consumed, for progress on large batches.
    package private(set) var bytesRead = 0

    package init(
        _ arguments: [String], limits: LoadLimits = .default, standardInputIsJSONLines: Bool = false, standardInput: Int32 = 0
    ) {
        self.arguments = arguments.reversed()
        self.limits = limits
        self.standardInputIsJSONLines = standardInputIsJSONLines
        self.standardInput = standardInput
    }

    package mutating func next() -> CaseInput? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            // Read in place: a copy of the stream would share its buffer, and
            // the next refill would then copy the whole megabyte.
            if stream != nil {
                let before = stream?.0.bytesRead ?? 0
                let item = stream?.0.next()
                bytesRead += (stream?.0.bytesRead ?? before) - before
                guard let current = stream else { continue }
                switch item {
                case .line(let bytes, let number)?:
                    stream?.sawLine = true
                    return .line(bytes, file: current.file, number: number)
                case .tooLong(let problem)?, .unreadable(let problem)?:
                    return .problem(problem)
                case nil:
                    try? current.handle?.close()
                    stream = nil
                    if !current.sawLine { return .problem(Self.noCase(current.file)) }
                    continue
                }
            }
            if let path = paths.popLast() {
                open(path)
                continue
            }
            guard let argument = arguments.popLast() else { return nil }
            expand(argument)
        }
    }

    private mutating func expand(_ argument: String) {
        if argument == "-" {
            if standardInputIsJSONLines {
                stream = (JSONLinesStream(descriptor: standardInput, display: "<stdin>", maxLineBytes: limits.maxFileBytes), nil, "<stdin>", false)
            } else {
                switch FileAccess.read(descriptor: standardInput, display: "<stdin>", limit: limits.maxFileBytes) {
                case .failure(let problem): pending = [.problem(problem)]
                case .success(let bytes): documents(bytes, file: "<stdin>")
                }
            }
            return
        }
        guard FileAccess.isDirectory(argument) else {
            paths = [argument]
            return
        }
        let root = argument.count > 1 && argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        let listing = FileAccess.listing(under: root, extensions: CaseLoader.extensions)
        // Reported, never passed over: `gavel test` must not pass a folder whose cases it did not read.
        pending = listing.unfollowed.map { .problem(FileAccess.unfollowedProblem($0, under: root, linkCode: .unreadableFile)) }
        if listing.files.isEmpty, listing.unfollowed.isEmpty { pending = [.problem(CaseLoader.noCaseFiles(in: root))] }
        paths = listing.files.map { root + "/" + $0 }.reversed()
    }

    private mutating func open(_ path: String) {
        if path.hasSuffix(".jsonl"), !FileAccess.isDirectory(path), let handle = FileHandle(forReadingAtPath: path) {
            stream = (JSONLinesStream(descriptor: handle.fileDescriptor, display: path, maxLineBytes: limits.maxFileBytes), handle, path, false)
            return
        }
        switch FileAccess.read(path, display: path, limit: limits.maxFileBytes) {
        case .failure(let problem): pending = [.problem(problem)]
        case .success(let bytes):
            bytesRead += bytes.count
            documents(bytes, file: path)
        }
    }

    private mutating func documents(_ bytes: [UInt8], file: String) {
        // Hashed once per file, not once per document: the log keys a file's bytes by it.
        let digest = Digest.hex(bytes)
        let format: CaseSource.Format = file.hasSuffix(".jsonl") ? .jsonLines : .yaml
        pending = CaseLoader.nodes(in: bytes, file: file, limits: limits).enumerated().map { index, outcome in
            switch outcome {
            case .success(let node):
                return .document(node, source: CaseSource(bytes: bytes, format: format, document: index, file: file, line: 1, sha256: digest))
            case .failure(let problem): return .problem(problem)
            }
        }
    }

    private static func noCase(_ file: String) -> Diagnostic {
        .error(.emptyFile, "no case in this file", at: SourceLocation(file: file, line: 1, column: 1))
    }
}
