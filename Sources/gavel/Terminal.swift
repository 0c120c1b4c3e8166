import Foundation

/// Standard output and error, written as UTF-8 with `write(2)`, all of it,
/// retrying what a pipe takes in parts.
///
/// Output that cannot be written (a full disk, `> /dev/full`) ends the run
/// with exit 2 and says so on standard error: a report or a record that
/// never arrived must not look like success. (`FileHandle.write` stopped
/// the process with a trap instead.) Standard error that cannot be written
/// is given up on: there is nowhere left to say it.
enum Terminal {
    static func out(_ text: String) { out(bytes: Array(text.utf8)) }
    static func err(_ text: String) { _ = write(2, Array(text.utf8)) }
    @Sendable static func progress(_ text: String) { err(text) }

    static func out(bytes: [UInt8]) {
        guard let failure = write(1, bytes) else { return }
        err("gavel: cannot write to standard output: \(failure); stopped\n")
        exit(2)
    }

    /// nil when every byte was written, else what went wrong.
    private static func write(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}
