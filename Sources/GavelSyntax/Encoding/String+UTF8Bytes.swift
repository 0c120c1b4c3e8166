extension String {
    /// The string's UTF-8 bytes, read in place. `withUTF8` is mutating, so
    /// calling it on a parameter first copies the string (a reference count
    /// taken and dropped per call); the record writer and the case digest
    /// do this for every key and string of every case.
    @inlinable
    package func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
