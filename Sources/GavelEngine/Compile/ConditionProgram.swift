/// A compiled condition laid out for deciding: its nodes in one array in
/// preorder, each a few plain integers, and the predicates, quantifiers and
/// screens they test in arrays beside it.
///
/// `ConditionEvaluator.holds` visits every node of every rule for every
/// case. Walking the `CompiledCondition` tree, each step copied a child or a
/// payload out of its box, a reference count taken and given back per node;
/// here a step reads integers, and the objects are read through unmanaged
/// references that this program keeps alive. The tree stays what traces,
/// lint and the record read: the program is made from it, once, when the
/// bundle is compiled, and holds exactly its nodes in the same order.
package final class ConditionProgram: Sendable {
    package enum Kind: UInt8, Sendable {
        case all, any, not, predicate, quantifier, screen
    }

    package struct Node: Sendable {
        package let kind: Kind
        /// One past this node's last descendant.
        package let end: Int32
        /// For a predicate, quantifier or screen: its place in that array.
        package let item: Int32
    }

    /// A class, so that reading a rule's program costs one reference count, not one per array.
    package let nodes: [Node]
    /// Owned here; `unmanagedPredicates` and `unmanagedQuantifiers` refer to the same objects without counting.
    private let predicates: [Predicate]
    private let quantifiers: [Quantifier]
    package let screens: [ScreenSpec]
    // The objects above are kept alive by their arrays for as long as the program is.
    package let unmanagedPredicates: [Unmanaged<Predicate>]
    package let unmanagedQuantifiers: [Unmanaged<Quantifier>]

    package init(_ condition: CompiledCondition) {
        var layout = Layout()
        layout.add(condition)
        nodes = layout.nodes
        predicates = layout.predicates
        quantifiers = layout.quantifiers
        screens = layout.screens
        unmanagedPredicates = layout.predicates.map { Unmanaged.passUnretained($0) }
        unmanagedQuantifiers = layout.quantifiers.map { Unmanaged.passUnretained($0) }
    }
}

/// Builds a program's arrays from the tree, in preorder.
private struct Layout {
    var nodes: [ConditionProgram.Node] = []
    var predicates: [Predicate] = []
    var quantifiers: [Quantifier] = []
    var screens: [ScreenSpec] = []

    mutating func add(_ condition: CompiledCondition) {
        let at = nodes.count
        var kind: ConditionProgram.Kind
        var item = 0
        var children: [CompiledCondition] = []
        switch condition {
        case .all(let items, _):
            kind = .all
            children = items
        case .any(let items, _):
            kind = .any
            children = items
        case .not(let inner, _):
            kind = .not
            children = [inner]
        case .predicate(let p):
            kind = .predicate
            item = predicates.count
            predicates.append(p)
        case .quantifier(let q):
            kind = .quantifier
            item = quantifiers.count
            quantifiers.append(q)
        case .screen(let s):
            kind = .screen
            item = screens.count
            screens.append(s)
        }
        nodes.append(ConditionProgram.Node(kind: kind, end: 0, item: Int32(item)))
        for child in children { add(child) }
        nodes[at] = ConditionProgram.Node(kind: kind, end: Int32(nodes.count), item: Int32(item))
    }
}
