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

    @Test("a pathological pattern finishes quickly (no backtracking)")
    func linearTime() {
        let input = String(repeating: "a", count: 200_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = GlobPattern("*a*a*a*a*a*a*a*a*b").matches(input) }
        #expect(elapsed < .seconds(1))
    }
}
