import Foundation
import GavelEngine
import GavelSyntax

/// A logged bundle read back: its stored files written into a temporary
/// folder named as the original was (an implicit bundle id is that name)
/// and loaded there by the same `BundleLoader` that `evaluate` uses, so
/// there is no second way of reading a bundle to keep in step. The folder
/// is removed before these return.
package enum StoredBundle {
    package static func manifest(_ key: SHA256Key, store: any DecisionStore) throws -> Result<BundleManifestBlob, ProblemText> {
        guard let bytes = try store.blob(key), let manifest = BundleManifestBlob.decode(bytes) else {
            return .failure(ProblemText("its bundle manifest \(key) is missing or unreadable"))
        }
        return .success(manifest)
    }

    /// Compiled, to decide with.
    package static func load(_ key: SHA256Key, store: any DecisionStore) throws -> Result<CompiledBundle, ProblemText> {
        try materialised(key, store: store) { root, manifest in
            switch BundleLoader.load(directory: root) {
            case .failure(let error): return .failure(ProblemText("its bundle no longer loads: \(error.diagnostics.first?.message ?? "")"))
            case .success(let bundle):
                guard bundle.digest == manifest.digest else {
                    return .failure(ProblemText("its bundle reloads with digest \(bundle.digest), not the logged \(manifest.digest)"))
                }
                return .success(bundle)
            }
        }
    }

    /// Read but not indexed for screening: the ladder, the default and the
    /// rules as written (with their tags, which compiling drops).
    package static func facts(_ key: SHA256Key, store: any DecisionStore) throws -> Result<StoredBundleFacts, ProblemText> {
        try materialised(key, store: store) { root, manifest in
            let analysis = BundleLoader.analyze(directory: root)
            guard !analysis.diagnostics.contains(where: { $0.severity == .error }), let documents = analysis.documents else {
                let first = analysis.diagnostics.first { $0.severity == .error }
                return .failure(ProblemText("its bundle no longer loads: \(first?.message ?? "")"))
            }
            guard documents.digest == manifest.digest else {
                return .failure(ProblemText("its bundle reloads with digest \(documents.digest), not the logged \(manifest.digest)"))
            }
            return .success(StoredBundleFacts(documents))
        }
    }

    private static func materialised<T>(
        _ key: SHA256Key, store: any DecisionStore, _ body: (String, BundleManifestBlob) -> Result<T, ProblemText>
    ) throws -> Result<T, ProblemText> {
        let manifest: BundleManifestBlob
        switch try Self.manifest(key, store: store) {
        case .failure(let problem): return .failure(problem)
        case .success(let m): manifest = m
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = manifest.folder.isEmpty || manifest.folder.contains("/") || manifest.folder.hasPrefix(".") ? "bundle" : manifest.folder
        let root = scratch.appendingPathComponent(folder)
        for file in manifest.files {
            // Paths come from the log, which may have been edited: none may leave the folder.
            guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains(".."), let fileKey = SHA256Key(hex: file.sha256) else {
                return .failure(ProblemText("its bundle manifest lists `\(file.path)`, which is not a path inside a bundle"))
            }
            guard let bytes = try store.blob(fileKey) else { return .failure(ProblemText("bundle file `\(file.path)` (blob \(fileKey)) is missing")) }
            let url = root.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            } catch {
                return .failure(ProblemText("cannot write its bundle into `\(scratch.path)`: \(error.localizedDescription)"))
            }
        }
        return body(root.path, manifest)
    }
}

/// What a logged bundle says about decisions, apart from deciding them:
/// the ladder (least to most severe), the default, and each rule as written.
package struct StoredBundleFacts: Sendable {
    package struct RuleFacts: Sendable {
        package var title: String
        package var tags: [String]
        package var basis: Basis
    }

    package var id: String
    package var version: String?
    package var ladder: [LadderStep]
    package var defaultDecision: String
    package var rules: [String: RuleFacts]

    init(_ documents: BundleDocuments) {
        id = documents.manifest.id
        version = documents.manifest.version
        ladder = documents.manifest.ladder
        defaultDecision = documents.manifest.defaultDecision
        var rules: [String: RuleFacts] = [:]
        for policy in documents.policies {
            for rule in policy.rules { rules[rule.id] = RuleFacts(title: rule.title, tags: rule.tags, basis: rule.basis) }
        }
        self.rules = rules
    }

    package init(id: String, version: String?, ladder: [LadderStep], defaultDecision: String, rules: [String: RuleFacts]) {
        self.id = id
        self.version = version
        self.ladder = ladder
        self.defaultDecision = defaultDecision
        self.rules = rules
    }

    /// A decision's place on the ladder; nil when it is not a step of it.
    package func severity(_ decision: String) -> Int? { ladder.firstIndex { $0.id == decision } }

    package func step(_ decision: String) -> LadderStep? { ladder.first { $0.id == decision } }
}
