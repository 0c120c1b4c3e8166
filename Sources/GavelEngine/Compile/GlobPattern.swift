import GavelSyntax

/// `*`/`?` wildcards, case-insensitive. Matching splits the pattern at `*`
/// and places each literal piece leftmost, which is correct for wildcard
/// globs and never backtracks, so time is linear in the input for a given
/// pattern (SPEC §1.3: no ReDoS by construction).
package struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    package let text: String
    /// Literal pieces between stars, lowercased, as scalars; `?` kept as a wildcard.
    private let pieces: [[Unicode.Scalar]]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    package init(_ text: String) {
        self.text = text
        let scalars = Array(text.lowercased().unicodeScalars)
        pieces = scalars.split(separator: "*", omittingEmptySubsequences: false).map(Array.init)
        anchoredStart = scalars.first != "*"
        anchoredEnd = scalars.last != "*"
    }

    package var description: String { text }

    package func matches(_ input: String) -> Bool {
        var work = 0
        return matches(input, work: &work)
    }

    /// `work` counts the characters compared, which is what stays linear.
    func matches(_ input: String, work: inout Int) -> Bool {
        let s = Array(input.lowercased().unicodeScalars)
        if pieces.count == 1 { return s.count == pieces[0].count && Self.matchAt(pieces[0], s, 0, &work) }
        var position = 0
        var first = 0
        var last = pieces.count - 1
        if anchoredStart {
            guard Self.matchAt(pieces[0], s, 0, &work) else { return false }
            position = pieces[0].count
            first = 1
        }
        var end = s.count
        if anchoredEnd {
            let tail = pieces[last]
            guard end - tail.count >= position, Self.matchAt(tail, s, end - tail.count, &work) else { return false }
            end -= tail.count
            last -= 1
        }
        if first > last { return position <= end }
        for index in first...last {
            let piece = pieces[index]
            if piece.isEmpty { continue }
            guard let found = Self.find(piece, s, from: position, before: end, &work) else { return false }
            position = found + piece.count
        }
        return position <= end
    }

    private static func matchAt(_ piece: [Unicode.Scalar], _ s: [Unicode.Scalar], _ at: Int, _ work: inout Int) -> Bool {
        guard at >= 0, at + piece.count <= s.count else { return false }
        for i in piece.indices {
            work += 1
            if piece[i] != "?" && piece[i] != s[at + i] { return false }
        }
        return true
    }

    private static func find(
        _ piece: [Unicode.Scalar], _ s: [Unicode.Scalar], from: Int, before end: Int, _ work: inout Int
    ) -> Int? {
        var start = from
        while start + piece.count <= end {
            if matchAt(piece, s, start, &work) { return start }
            start += 1
        }
        return nil
    }
}
