/// Everything read from one YAML stream: the documents composed before the
/// first fatal problem, and that problem.
public struct ComposedStream: Sendable {
    /// Every document read before any error, in file order; nothing already read is lost.
    public var documents: [SourceNode]
    /// The first fatal problem, if any. Nothing after it is read: libyaml
    /// cannot resume after a syntax error.
    public var error: Diagnostic?

    /// A stream result; usually built by `YAMLComposer`.
    public init(documents: [SourceNode], error: Diagnostic?) {
        self.documents = documents
        self.error = error
    }
}
