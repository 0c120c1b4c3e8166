import Foundation
import GavelEngine
import GavelSyntax

/// What every `gavel evaluate` pays before its first case: loading a bundle
/// whose list holds the generated names (an `entries_from` JSONL, as `gavel
/// lists import` writes one), through `BundleLoader` and a screening-index
/// cache of its own. Twice: once building the index, once reading it back.
struct BundleLoadBench {
    struct Timing {
        var building: Double
        var cached: Double
    }

    static func measure(entries: [(name: String, aliases: [String])], size: Int) throws -> Timing {
        let folder = NSTemporaryDirectory() + "gavel-bench-load-\(getpid())-\(size)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/bundle/lists", withIntermediateDirectories: true)
        try Data(Self.policy.utf8).write(to: URL(fileURLWithPath: folder + "/bundle/policy.yaml"))
        try Data("kind: List\nid: generated\nentries_from: generated.jsonl\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/bundle/lists/generated.yaml"))
        var lines = ByteBuffer(capacity: entries.count * 64)
        var writer = JSONWriter()
        for (position, entry) in entries.enumerated() {
            writer.reset()
            writer.beginObject()
            writer.field("id")
            writer.string("g\(position)")
            writer.field("name")
            writer.string(entry.name)
            writer.field("aliases")
            writer.beginArray()
            for alias in entry.aliases { writer.string(alias) }
            writer.endArray()
            writer.endObject()
            writer.withUnsafeBytes { lines.append($0) }
            lines.append(UInt8(ascii: "\n"))
        }
        try Data(lines.array).write(to: URL(fileURLWithPath: folder + "/bundle/lists/generated.jsonl"))
        let cache = ScreeningIndexCache(directory: folder + "/cache")
        func load() throws -> Double {
            let (result, seconds) = ScreeningBench.timed { BundleLoader.load(directory: folder + "/bundle", screeningCache: cache) }
            if case .failure(let error) = result { throw error }
            return seconds
        }
        let building = try load()
        return Timing(building: building, cached: try load())
    }

    static let policy = """
        kind: Policy
        id: screen-generated
        rules:
          - id: generated-list
            title: Name on the generated list
            decision: escalate
            when: { screen: { names: [customer.name], lists: [generated], min_score: 0.92 } }
        """
}
