import Foundation

/// Standard output and error, written as UTF-8 without buffering surprises.
enum Terminal {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    @Sendable static func progress(_ text: String) { err(text) }
}
