import Foundation
import GavelEngine
import GavelSyntax

/// What `gavel lists import` was asked to do.
package struct ImportOptions: Sendable {
    /// Which names of an entry make the output entry.
    package enum Names: String, Sendable, CaseIterable {
        /// The name and the aliases; weak aliases kept apart under `weak_aliases`.
        case strong
        /// Only the weak aliases, one entry `<id>-weak` per entry that has any
        /// (the first is its name): a list for a review-band rule.
        case weak
    }

    /// One official file and, for formats without an internal date, the date
    /// written after it (`sdn.csv@2021-04-25`).
    package struct Snapshot: Sendable {
        package var path: String
        package var date: String?
        /// This file's format, when it differs from the list's (OFAC's 2021 CSV
        /// and its 2024 XML are snapshots of one list).
        package var format: ImportFormat?

        /// What follows `@` when it is shaped as a date but is none
        /// (`sdn.csv@2024-02-30`): an error about the date, not a missing file.
        package var invalidDate: String?

        /// `PATH` or `PATH@YYYY-MM-DD`.
        package init(argument: String, format: ImportFormat? = nil) {
            self.format = format
            path = argument
            date = nil
            guard let at = argument.lastIndex(of: "@") else { return }
            let suffix = String(argument[argument.index(after: at)...])
            if Instant.parse(suffix) != nil {
                path = String(argument[..<at])
                date = suffix
            } else if Self.looksLikeDate(suffix), !FileManager.default.fileExists(atPath: argument) {
                path = String(argument[..<at])
                invalidDate = suffix
            }
        }

        static func looksLikeDate(_ text: String) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
        }
    }

    package var format: ImportFormat
    package var snapshots: [Snapshot]
    package var id: String
    package var outputDirectory: String
    /// Keep entries with at least one of these programmes (all when nil).
    package var programs: Set<String>?
    package var names: Names = .strong
    /// A CSV of listing dates kept by hand, each with its citation (`CuratedDates`).
    package var curatedDates: String?
    package var title: String?
    package var authority: String?
    package var source: String?
    package var description: String?
    /// Accept a snapshot that gives the list fewer than half the entries of
    /// the one before it (refused otherwise: a cut-short or wrong file).
    package var allowShrink = false

    package init(format: ImportFormat, snapshots: [Snapshot], id: String, outputDirectory: String) {
        self.format = format
        self.snapshots = snapshots
        self.id = id
        self.outputDirectory = outputDirectory
    }
}
