import GavelSyntax

/// The members of a trace node that the policy fixes (`op`, `path`,
/// `expected`). A compiled predicate, quantifier or screen keeps them as
/// compact bytes, written once when the bundle is compiled, and every
/// record that shows the node copies those bytes instead of writing them
/// again: a `--trace full` record shows hundreds of nodes.
enum TraceMembers {
    static func write(step: TraceStep, path: String?, expected: JSON?, into w: inout JSONWriter) {
        w.field("op")
        w.string(step.word)
        if let path {
            w.field("path")
            w.string(path)
        }
        if let expected {
            w.field("expected")
            w.value(expected)
        }
    }

    static func compact(step: TraceStep, path: String?, expected: JSON?) -> [UInt8] {
        JSONWriter.compactMembers { write(step: step, path: path, expected: expected, into: &$0) }
    }
}
