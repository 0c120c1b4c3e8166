/// "Did you mean" suggestions for misspelt field names and ids, by edit distance.
package enum DidYouMean {
    /// The closest candidate within a distance that still reads as a typo, if any.
    package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (String, Int)?
        let lowered = word.lowercased()
        // A singular for a plural (`alias` for `aliases`) is a typo too, whatever the edit distance.
        if lowered.count >= 4, let stem = candidates.first(where: {
            let c = $0.lowercased()
            return c != lowered && (c.hasPrefix(lowered) || lowered.hasPrefix(c)) && abs(c.count - lowered.count) <= 2
        }) {
            return stem
        }
        for candidate in candidates {
            let d = distance(Array(word.lowercased().unicodeScalars), Array(candidate.lowercased().unicodeScalars))
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// Optimal-string-alignment distance (a transposition counts as one edit).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// Help text "did you mean `x`?" or nil.
    package static func help(for word: String, among candidates: some Sequence<String>) -> String? {
        suggestion(for: word, among: candidates).map { "did you mean `\($0)`?" }
    }
}
