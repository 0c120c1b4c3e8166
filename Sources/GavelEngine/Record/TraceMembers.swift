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

    /// A node's members: the bytes its compiled node keeps where it has
    /// them (all, any and not have no path or operand; the element a
    /// quantifier shows has a path of its own), else written out.
    static func write(_ node: ConditionTrace.Node, into w: inout JSONWriter) {
        let kept: [UInt8]?
        switch node.condition {
        case .predicate(let p): kept = p.traceMembers
        case .quantifier(let q): kept = node.element == nil ? q.traceMembers : nil
        case .screen(let s): kept = s.traceMembers
        case .all, .any, .not: kept = nil
        }
        guard let kept else {
            write(step: node.step, path: node.path, expected: node.expected, into: &w)
            return
        }
        w.members(kept) { write(step: node.step, path: node.path, expected: node.expected, into: &$0) }
    }

    static func compact(step: TraceStep, path: String?, expected: JSON?) -> [UInt8] {
        JSONWriter.compactMembers { write(step: step, path: path, expected: expected, into: &$0) }
    }
}
