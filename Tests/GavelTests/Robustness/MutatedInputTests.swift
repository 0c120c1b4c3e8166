import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Seeded random damage to real files: whatever the bytes, loading ends in
/// documents or located diagnostics, never a crash or a hang.
@Suite("Mutated input")
struct MutatedInputTests {
    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    /// Bytes YAML gives meaning to, and a few that are never valid.
    static let interesting: [UInt8] = Array("{}[]:,-#&*!|>'\"%@`\t\n ?".utf8) + [0x00, 0xC3, 0xFF, 0xE2]

    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + random.below(4)) where !out.isEmpty {
            let at = random.below(out.count)
            switch random.below(4) {
            case 0: out[at] = interesting[random.below(interesting.count)]
            case 1: out.insert(interesting[random.below(interesting.count)], at: at)
            case 2: out.remove(at: at)
            default:
                let length = min(out.count - at, 1 + random.below(40))
                out.insert(contentsOf: out[at..<(at + length)], at: at)
            }
        }
        return out
    }

    static let files = ["policies/us-sanctions.yaml", "policies/court-orders.yaml", "bundle.yaml", "schema.yaml"]

    @Test("damaged policy files load to documents or located diagnostics", arguments: files)
    func policies(_ relative: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.policies + "/" + relative)))
        var random = Random(state: UInt64(relative.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        var refused = 0
        for round in 0..<150 {
            let damaged = Self.mutate(original, &random)
            let stream = YAMLComposer.compose(damaged, file: relative, limits: .default)
            // Work, not time: libyaml emits at most a few events per byte of input.
            #expect(stream.eventsRead <= 2 * damaged.count + 8, "round \(round) read \(stream.eventsRead) events")
            refused += stream.errors.isEmpty ? 0 : 1
            for problem in stream.errors {
                #expect(problem.location != nil, "round \(round): \(problem.oneLine)")
                #expect(!problem.message.isEmpty)
            }
            var reader = DocumentReader()
            for document in stream.documents {
                if DocumentKind.of(document, reader: &reader) == .policy { _ = reader.readPolicy(document) }
            }
            for problem in reader.diagnostics { #expect(problem.location != nil, "round \(round): \(problem.oneLine)") }
        }
        // The damage must reach the parser often enough for this test to mean something.
        #expect(refused > 30, "only \(refused) of 150 damaged files were refused")
    }

    @Test("damaged case lines decide or fail alone, located")
    func jsonLines() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.cases + "/batch-hamas-replay.jsonl")))
        var random = Random(state: 42)
        for round in 0..<150 {
            let damaged = Self.mutate(original, &random)
            for result in CaseLoader.cases(in: damaged, file: "batch.jsonl") {
                if case .failure(let error) = result {
                    for problem in error.diagnostics { #expect(problem.location != nil, "round \(round): \(problem.oneLine)") }
                }
            }
        }
    }
}
