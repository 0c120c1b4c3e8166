import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("IdentifierNormalizer")
struct IdentifierNormalizerTests {
    @Test("domains and URLs", arguments: [
        ("https://WWW.Hamas.ps/en/", "hamas.ps"),
        ("http://user:pw@Example.COM:8080/x?y#z", "example.com"),
        ("example.com.", "example.com"),
        ("example.com", "example.com"),
        ("EXAMPLE.com:443", "example.com"),
        ("www.example.com/path", "example.com"),
        ("//cdn.example.com/x.js", "cdn.example.com"),
        ("example.com?q=1", "example.com"),
        ("example.com#top", "example.com"),
        ("  https://hamas.ps  ", "hamas.ps"),
        ("wwwexample.com", "wwwexample.com"),
        ("sub.www.example.com", "sub.www.example.com"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("BÜCHER.de", "xn--bcher-kva.de"),
        ("bu\u{308}cher.de", "xn--bcher-kva.de"),
        ("münchen.example", "xn--mnchen-3ya.example"),
        ("пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ("https://www.пример.рф/путь", "xn--e1afmkfd.xn--p1ai"),
        ("пример。рф", "xn--e1afmkfd.xn--p1ai"),
        ("ｅｘａｍｐｌｅ.com", "example.com"),
        ("http://[2001:db8::1]:8080/", "[2001:db8::1]"),
    ] as [(String, String)])
    func domain(input: String, expected: String) {
        #expect(IdentifierNormalizer.normalize(input, kind: "domain") == expected)
        #expect(IdentifierNormalizer.normalize(input, kind: "url") == expected)
    }

    @Test("email and other kinds", arguments: [
        ("email", "Info@Hamas.PS", "info@hamas.ps"),
        ("email", "  Info@Hamas.PS\n", "info@hamas.ps"),
        ("email", "mailto:X@Y.com", "mailto:x@y.com"),
        ("iban", " DE89 3704 ", "de89 3704"),
        ("imo", "IMO 9123456", "imo 9123456"),
        ("Domain", "WWW.Hamas.ps", "www.hamas.ps"),   // kinds are exact, lower-case names
    ] as [(String, String, String)])
    func other(kind: String, input: String, expected: String) {
        #expect(IdentifierNormalizer.normalize(input, kind: kind) == expected)
    }
}
