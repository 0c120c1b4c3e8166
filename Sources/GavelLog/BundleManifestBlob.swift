import Foundation
import GavelEngine
import GavelSyntax

/// The blob that stands for a bundle in the log: every file the bundle was
/// loaded from (policies, lists and their `entries_from` JSONL, schema,
/// bundle.yaml) by path and SHA-256, each file a blob of its own. Entries
/// refer to this one blob, so a bundle costs 32 bytes per decision.
public struct BundleManifestBlob: Sendable, Hashable, Codable {
    public static let formatName = "gavel-bundle/1"

    public struct File: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
    }

    public var format: String
    /// The bundle's digest (SPEC §1.1), as its records give it.
    public var digest: String
    /// The name of the folder the bundle was loaded from: a bundle without
    /// bundle.yaml takes its id from it, so a replay must load it from a folder of that name.
    public var folder: String
    /// Sorted by path.
    public var files: [File]

    /// The manifest and the blob of each file, for a bundle loaded from `directory`.
    package static func blobs(for bundle: CompiledBundle, directory: String) -> (manifest: Blob, files: [Blob]) {
        let real = FileAccess.realPath(directory) ?? directory
        let files = bundle.files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        var w = JSONWriter()
        w.beginObject()
        w.field("format")
        w.string(formatName)
        w.field("digest")
        w.string(bundle.digest)
        w.field("folder")
        w.string((real as NSString).lastPathComponent)
        w.field("files")
        w.beginArray()
        for file in files {
            w.beginObject()
            w.field("path")
            w.string(file.path)
            w.field("sha256")
            w.string(String(file.digest.dropFirst("sha256:".count)))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return (Blob(w.bytes + [10]), files.map { Blob($0.bytes) })
    }

    public static func decode(_ bytes: [UInt8]) -> BundleManifestBlob? {
        guard let manifest = try? JSONDecoder().decode(BundleManifestBlob.self, from: Data(bytes)), manifest.format == formatName else {
            return nil
        }
        return manifest
    }
}
