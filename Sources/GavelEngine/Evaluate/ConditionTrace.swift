import GavelSyntax

/// How each node of a condition came out, with the values it saw: the part
/// of the record that lets a reader check a decision by hand.
///
/// The nodes sit in one array in preorder (a node, then its subtrees), each
/// knowing where its subtree ends: `--trace full` builds hundreds of nodes
/// per case, and one array costs a few allocations where a tree of objects
/// cost one per node, with a reference count on every step of the walk.
package struct ConditionTrace: Sendable {
    package struct Node: Sendable {
        /// The compiled node traced; for an element node, its quantifier.
        package let condition: CompiledCondition
        /// For the list element a quantifier's trail shows: its index.
        package let element: Int?
        /// What the case held at `path` (a screen: the names it screened); case data, kept as it was read.
        package let actual: Value?
        /// For a quantifier: how many list elements satisfied `where`, of how many
        /// (the record writes it as `actual: {matching, of}`).
        package let quantified: QuantifiedCount?
        package fileprivate(set) var result: Bool
        /// Why a predicate is false when the case could not answer it.
        package let note: TraceNote?
        /// One past this node's last descendant in `nodes`.
        package fileprivate(set) var end: Int

        package var step: TraceStep {
            switch condition {
            case .all: return .all
            case .any: return .any
            case .not: return .not
            case .predicate(let p): return .predicate(p.op.name)
            case .quantifier(let q): return element == nil ? .quantifier(q.form) : .element
            case .screen: return .screen
            }
        }

        package var path: String? {
            switch condition {
            case .all, .any, .not: return nil
            case .predicate(let p): return p.path.text
            case .quantifier(let q): return element.map { "\(q.path.text)[\($0)]" } ?? q.path.text
            case .screen(let s): return s.pathsText
            }
        }

        /// The operand as the record shows it.
        package var expected: JSON? {
            switch condition {
            case .all, .any, .not: return nil
            case .predicate(let p): return p.expected
            case .quantifier(let q): return element == nil ? q.expected : nil
            case .screen(let s): return s.expected
            }
        }

        package var location: SourceLocation {
            if element != nil, case .quantifier(let q) = condition { return q.condition.location }
            return condition.location
        }
    }

    package private(set) var nodes: [Node] = []

    package init() {}

    /// Room for `capacity` nodes at once: a rule's trace grown 1, 2, 4, 8
    /// copied its nodes every time.
    package init(capacity: Int) {
        nodes.reserveCapacity(capacity)
    }

    /// The root's result; a trace always has a root once built.
    package var result: Bool { nodes.first?.result ?? false }

    /// The direct children of the node at `index`, in order.
    package func children(of index: Int) -> [Int] {
        var found: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            found.append(child)
            child = nodes[child].end
        }
        return found
    }

    /// Every node where a path was missing or a type did not fit, for `--strict`.
    package var problems: [Node] { nodes.filter { $0.note != nil } }

    /// Opens a node whose result and extent are known once its children are
    /// traced; `close` settles both.
    mutating func open(
        _ condition: CompiledCondition, element: Int? = nil, actual: Value? = nil, quantified: QuantifiedCount? = nil,
        note: TraceNote? = nil
    ) -> Int {
        nodes.append(
            Node(
                condition: condition, element: element, actual: actual, quantified: quantified, result: false, note: note,
                end: nodes.count + 1))
        return nodes.count - 1
    }

    mutating func close(_ index: Int, result: Bool) {
        nodes[index].result = result
        nodes[index].end = nodes.count
    }
}

package struct QuantifiedCount: Sendable, Hashable {
    package var matching: Int
    package var of: Int
}

/// Recorded on a trace node that is false because the case could not answer it.
package enum TraceNote: String, Sendable {
    case missing
    case typeMismatch = "type_mismatch"
}
