import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("Punycode")
struct PunycodeTests {
    @Test("RFC 3492 §7.1 samples and common labels", arguments: [
        // (A) Arabic (Egyptian)
        ("\u{644}\u{64A}\u{647}\u{645}\u{627}\u{628}\u{62A}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64A}\u{61F}", "egbpdaj6bu4bxfgehfvwxn"),
        // (B) Chinese (simplified)
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        // (L) mixed ASCII, case preserved
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        // (J) Spanish
        ("PorquénopuedensimplementehablarenEspañol", "PorqunopuedensimplementehablarenEspaol-fmd56a"),
        // (I) Russian, lower-cased
        ("почемужеонинеговорятпорусски", "b1abfaaepdrnnbgefbadotcwatmq2g4l"),
        ("bücher", "bcher-kva"),
        ("münchen", "mnchen-3ya"),
        ("пример", "e1afmkfd"),
        ("рф", "p1ai"),
        ("ü", "tda"),
        ("abc", "abc-"),
    ] as [(String, String)])
    func encode(input: String, expected: String) {
        #expect(Punycode.encode(input.unicodeScalars) == expected)
    }
}
