/// Bytes appended with one capacity check and one copy each. Records and
/// canonical case JSON are written token by token, dozens of tokens per case;
/// `Array.append(contentsOf:)` costs a uniqueness check and a generic copy
/// loop per token, which was a fifth of writing a full record.
///
/// Noncopyable, so it owns its memory alone and needs no copy-on-write check.
package struct ByteBuffer: ~Copyable, @unchecked Sendable {
    // @unchecked: the pointer is owned by this value alone (noncopyable), so
    // moving it to another thread moves the only reference.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline package internal(set) var count: Int

    package init(capacity: Int = 1024) {
        self.capacity = Swift.max(16, capacity)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    deinit { base.deallocate() }

    @inlinable @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toFit: count + 1) }
        base[count] = byte
        count &+= 1
    }

    @inlinable @inline(__always)
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if capacity &- count < n { grow(toFit: count + n) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: n)
        count &+= n
    }

    @inlinable
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    @inlinable @inline(__always)
    package mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        } else {
            text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// `bytes` between double quotes, in one capacity check: the common case
    /// of a JSON string that needs no escaping.
    @inlinable @inline(__always)
    package mutating func appendQuoted(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        if capacity &- count < n &+ 2 { grow(toFit: count + n + 2) }
        base[count] = UInt8(ascii: "\"")
        if n > 0, let source = bytes.baseAddress {
            UnsafeMutableRawPointer(base + count + 1).copyMemory(from: source, byteCount: n)
        }
        base[count &+ n &+ 1] = UInt8(ascii: "\"")
        count &+= n &+ 2
    }

    /// A key known when the program is written, quoted and followed by `:`.
    @inlinable @inline(__always)
    package mutating func appendKey(_ name: StaticString) {
        let n = name.utf8CodeUnitCount
        guard name.hasPointerRepresentation else {
            append(UInt8(ascii: "\""))
            append(name)
            append(UInt8(ascii: "\""))
            append(UInt8(ascii: ":"))
            return
        }
        if capacity &- count < n &+ 3 { grow(toFit: count + n + 3) }
        base[count] = UInt8(ascii: "\"")
        if n > 0 { UnsafeMutableRawPointer(base + count + 1).copyMemory(from: name.utf8Start, byteCount: n) }
        base[count &+ n &+ 1] = UInt8(ascii: "\"")
        base[count &+ n &+ 2] = UInt8(ascii: ":")
        count &+= n &+ 3
    }

    package mutating func append(_ text: String) {
        text.withUTF8Bytes { append(UnsafeRawBufferPointer($0)) }
    }

    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    @usableFromInline
    mutating func grow(toFit needed: Int) {
        var newCapacity = capacity &* 2
        while newCapacity < needed { newCapacity &*= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    package mutating func removeAll() { count = 0 }

    package var isEmpty: Bool { count == 0 }

    /// A copy of the bytes written so far.
    package var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
