#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `.jsonl` file or pipe read line by line in bounded memory: any number of
/// lines, each at most `maxLineBytes` long. A longer line is reported and
/// skipped; the lines after it are still read.
package struct JSONLinesStream {
    package enum Item {
        /// A non-blank line without its line break (and a trailing CR), with its 0-based number.
        case line([UInt8], number: Int)
        case tooLong(Diagnostic)
        case unreadable(Diagnostic)
    }

    private let descriptor: Int32
    private let display: String
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line break resumes: bytes before it have none.
    private var searched = 0
    private var lineNumber = 0
    private var atEnd = false
    /// Bytes consumed so far, for progress.
    package private(set) var bytesRead = 0

    package init(descriptor: Int32, display: String, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.display = display
        self.maxLineBytes = maxLineBytes
    }

    /// The next item, or nil at the end of the input.
    package mutating func next() -> Item? {
        while true {
            if let newline = Self.newline(in: buffer, from: max(start, searched)) {
                let line = start..<newline
                start = newline + 1
                searched = start
                defer { lineNumber += 1 }
                if let item = item(line) { return item }
                continue
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = start..<buffer.count
                start = buffer.count
                defer { lineNumber += 1 }
                if let item = item(line) { return item }
                return nil
            }
            if buffer.count - start > maxLineBytes {
                return skipLongLine()
            }
            searched = buffer.count
            if let problem = fill() { return problem }
        }
    }

    /// The first line feed at or after `from`: `memchr`, which reads a
    /// word at a time where a generic search compares byte by byte.
    private static func newline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, let found = memchr(base + from, 10, bytes.count - from) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func item(_ range: Range<Int>) -> Item? {
        var end = range.upperBound
        if end > range.lowerBound, buffer[end - 1] == 13 { end -= 1 }
        let bytes = buffer[range.lowerBound..<end]
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return nil }
        if bytes.count > maxLineBytes { return .tooLong(tooLong()) }
        return .line(Array(bytes), number: lineNumber)
    }

    private func tooLong() -> Diagnostic {
        .error(
            .fileTooLarge, "line is longer than \(maxLineBytes) bytes; expected one case of at most \(maxLineBytes) bytes per line",
            at: SourceLocation(file: display, line: lineNumber + 1, column: 1),
            help: "each line of a .jsonl file is one case; split a larger case into a file of its own")
    }

    /// Reads on to the end of an overlong line without keeping it.
    private mutating func skipLongLine() -> Item? {
        let problem = tooLong()
        buffer.removeAll(keepingCapacity: true)
        start = 0
        searched = 0
        while true {
            if let failure = fill() { return failure }
            if let newline = buffer.firstIndex(of: 10) {
                start = newline + 1
                searched = start
                lineNumber += 1
                return .tooLong(problem)
            }
            buffer.removeAll(keepingCapacity: true)
            if atEnd {
                lineNumber += 1
                return .tooLong(problem)
            }
        }
    }

    /// Appends the next block of input; sets `atEnd` at the end.
    private mutating func fill() -> Item? {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            searched -= min(searched, start)
            start = 0
        }
        let block = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: block))
        let count = buffer.withUnsafeMutableBufferPointer { b in
            b.baseAddress.map { FileAccess.readSome(descriptor, into: $0 + old, count: block) } ?? -1
        }
        if count < 0 {
            buffer.removeLast(block)
            atEnd = true
            return .unreadable(.unreadable(display))
        }
        buffer.removeLast(block - count)
        bytesRead += count
        if count == 0 { atEnd = true }
        return nil
    }
}
