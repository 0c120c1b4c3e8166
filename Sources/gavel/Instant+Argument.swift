import ArgumentParser
import GavelEngine

extension Instant {
    /// `--as-of` is parsed once, by the argument parser, into the engine's date type.
    static func argument(_ text: String) throws -> Instant {
        guard let instant = Instant.parse(text) else {
            throw ValidationError("--as-of must be a date (YYYY-MM-DD) or an RFC 3339 timestamp, found `\(text)`")
        }
        return instant
    }
}
