@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Composes YAML text with the display path `test.yaml`.
func compose(_ text: String, limits: LoadLimits = .default) -> ComposedStream {
    YAMLComposer.compose(Array(text.utf8), file: "test.yaml", limits: limits)
}

/// The only document of `text`, or nil when there is not exactly one or loading failed.
func document(_ text: String) -> SourceNode? {
    let stream = compose(text)
    guard stream.error == nil, stream.documents.count == 1 else { return nil }
    return stream.documents.first
}

extension SourceNode {
    /// The value under `key` in a mapping, for short test paths.
    subscript(key: String) -> SourceNode? {
        mappingEntries?.first { $0.key == key }?.value
    }

    subscript(index: Int) -> SourceNode? {
        guard let items = sequenceItems, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// `line:column` of this node, for compact expectations.
    var at: String { "\(location.line):\(location.column)" }
}

/// Limits small enough to hit in a unit test.
func smallLimits(
    maxFileBytes: Int = LoadLimits.defaultMaxFileBytes, maxDepth: Int = LoadLimits.defaultMaxDepth,
    maxScalarBytes: Int = LoadLimits.defaultMaxScalarBytes, maxNodes: Int = LoadLimits.defaultMaxNodes
) -> LoadLimits {
    LoadLimits(maxFileBytes: maxFileBytes, maxDepth: maxDepth, maxScalarBytes: maxScalarBytes, maxNodes: maxNodes)
}
