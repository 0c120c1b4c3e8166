import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("Glob patterns")
struct GlobPatternTests {
    @Test(
        "wildcards, case-insensitive",
        arguments: [
            ("*", "", true), ("*", "anything", true), ("a*", "abc", true), ("a*", "ba", false),
            ("*c", "abc", true), ("a*c", "ac", true), ("a*c", "a", false), ("a?c", "abc", true),
            ("a?c", "ac", false), ("*.EXAMPLE.*", "www.example.org", true), ("a*b*c", "aXbYc", true),
            ("a*b*c", "acb", false), ("abc", "ABC", true), ("abc", "abcd", false), ("**", "x", true),
            ("*a*a*a*a*a*b", String(repeating: "a", count: 5_000), false),
        ])
    func matches(_ pattern: String, _ input: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(input) == expected)
    }

    @Test("a pathological pattern compares each input character a bounded number of times (no backtracking)")
    func linearWork() {
        let pattern = "*a*a*a*a*a*a*a*a*b"
        for count in [1_000, 200_000] {
            let input = String(repeating: "a", count: count)
            var work = 0
            #expect(!GlobPattern(pattern).matches(input, work: &work))
            // A backtracking matcher compares O(count^pieces) times; this one at most once per character per piece.
            #expect(work <= (count + 1) * pattern.count, "\(work) comparisons for \(count) characters")
        }
    }
}
