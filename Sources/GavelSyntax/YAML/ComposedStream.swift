/// Everything read from one YAML stream, in file order: each document, or
/// the problem that made it unreadable.
package struct ComposedStream: Sendable {
    /// Every document and every refused document, in file order. A problem
    /// inside one document (a duplicate key, say) costs only that document;
    /// after a syntax error reading resumes at the next line starting with
    /// `---`; an exhausted budget ends the stream, since going on could be
    /// slow by design of the input.
    package var outcomes: [Result<SourceNode, Diagnostic>]

    /// Documents refused for a problem that did not stop their reading (a
    /// repeated key, whose later occurrence is left out; `<<`), as read: what
    /// lint checks further so that it reports every problem at once. Nothing
    /// that decides cases uses them.
    package var salvaged: [SourceNode] = []

    /// libyaml events read: the work composing took, which the budgets bound
    /// (tests check it instead of timing a clock).
    package var eventsRead = 0

    /// The documents that were read, in file order; nothing already read is lost.
    package var documents: [SourceNode] {
        outcomes.compactMap { if case .success(let node) = $0 { return node } else { return nil } }
    }

    /// Every problem, in file order.
    package var errors: [Diagnostic] {
        outcomes.compactMap { if case .failure(let problem) = $0 { return problem } else { return nil } }
    }

    /// The first problem, if any.
    package var error: Diagnostic? { errors.first }

    package init(outcomes: [Result<SourceNode, Diagnostic>]) {
        self.outcomes = outcomes
    }

    /// A stream result; usually built by `YAMLComposer`.
    package init(documents: [SourceNode], error: Diagnostic?) {
        outcomes = documents.map { .success($0) } + (error.map { [.failure($0)] } ?? [])
    }
}
