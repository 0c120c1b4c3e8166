import NIOCore

/// Splits a streamed body into lines as they complete, across buffer
/// boundaries, in bounded memory: a line longer than `maxLine` is reported
/// as too long and skipped to its end, never held whole.
struct LineSplitter {
    enum Item {
        /// A non-blank line without its line break (and a trailing CR), with its 0-based number.
        case line([UInt8], number: Int)
        case tooLong(number: Int)
    }

    let maxLine: Int
    private var pending: [UInt8] = []
    private var overflowing = false
    private var number = 0

    init(maxLine: Int) { self.maxLine = maxLine }

    mutating func feed(_ buffer: ByteBuffer) -> [Item] {
        var items: [Item] = []
        buffer.withUnsafeReadableBytes { bytes in
            var start = 0
            while start < bytes.count {
                guard let newline = bytes[start...].firstIndex(of: 10) else {
                    append(bytes[start...])
                    return
                }
                append(bytes[start..<newline])
                if let item = endLine() { items.append(item) }
                start = newline + 1
            }
        }
        return items
    }

    /// The last line, when the body does not end with a line break.
    mutating func finish() -> Item? {
        pending.isEmpty && !overflowing ? nil : endLine()
    }

    private mutating func append(_ bytes: Slice<UnsafeRawBufferPointer>) {
        guard !overflowing else { return }
        if pending.count + bytes.count > maxLine {
            overflowing = true
            pending = []
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func endLine() -> Item? {
        defer {
            pending = []
            overflowing = false
            number += 1
        }
        if overflowing { return .tooLong(number: number) }
        if pending.last == 13 { pending.removeLast() }
        if pending.allSatisfy({ $0 == 32 || $0 == 9 }) { return nil }
        return .line(pending, number: number)
    }
}
