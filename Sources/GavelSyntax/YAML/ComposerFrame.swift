/// How much a composed subtree weighs once every alias in it is expanded.
/// Kept per anchor so an alias is charged without walking or copying anything.
struct NodeWeight {
    var nodes = 1
    /// Collections on the deepest path: 0 for a scalar, 1 for a flat list.
    var height = 0
    /// UTF-8 bytes of scalar text, keys included.
    var textBytes = 0
}

/// A node that an anchor names, with its expanded weight.
struct AnchoredNode {
    var node: SourceNode
    var weight: NodeWeight
}

/// A mapping key already checked, waiting for its value. A repeated key or
/// `<<` is composed (so reading goes on and every later problem is found)
/// but its entry is dropped: `discard` is set.
struct PendingKey {
    var text: String
    var location: SourceLocation
    var discard = false
}

/// One collection (or the document itself) still being composed.
struct ComposerFrame {
    enum Kind { case document, sequence, mapping }

    var kind: Kind
    var location: SourceLocation
    var anchor: String?
    var weight: NodeWeight
    var items: [SourceNode] = []
    var entries: [MappingEntry] = []
    /// A key read and checked, waiting for its value.
    var pendingKey: PendingKey?
    /// Key → entry index, built only once a mapping is large enough that a
    /// linear duplicate scan would cost more than hashing.
    var keyIndex: [String: Int]?
    /// The document's root once read.
    var root: SourceNode?

    init(kind: Kind, location: SourceLocation, anchor: String?) {
        self.kind = kind
        self.location = location
        self.anchor = anchor
        self.weight = NodeWeight(nodes: kind == .document ? 0 : 1, height: kind == .document ? 0 : 1)
    }

    var expectsKey: Bool { kind == .mapping && pendingKey == nil }

    /// Where an existing key of this mapping was first written, if it exists.
    mutating func firstLocation(ofKey key: String) -> SourceLocation? {
        if keyIndex == nil, entries.count >= 16 {
            var index = [String: Int](minimumCapacity: entries.count * 2)
            for (i, entry) in entries.enumerated() { index[entry.key] = i }
            keyIndex = index
        }
        if let keyIndex { return keyIndex[key].map { entries[$0].keyLocation } }
        return entries.first { $0.key == key }?.keyLocation
    }

    /// Records a checked key; its value comes next.
    mutating func setKey(_ text: String, at location: SourceLocation, textBytes: Int, discard: Bool = false) {
        weight.nodes += 1
        weight.textBytes += textBytes
        pendingKey = PendingKey(text: text, location: location, discard: discard)
    }

    /// Adds a finished child: an item, a mapping value, or the document root.
    mutating func add(_ node: SourceNode, weight child: NodeWeight) {
        weight.nodes += child.nodes
        weight.height = max(weight.height, child.height + (kind == .document ? 0 : 1))
        weight.textBytes += child.textBytes
        switch kind {
        case .document:
            root = node
        case .sequence:
            items.append(node)
        case .mapping:
            // INVARIANT: a key is always pending here; the composer turns a scalar
            // into a key with `setKey` and rejects anything else in key position.
            guard let key = pendingKey else { return }
            pendingKey = nil
            if key.discard { return }
            keyIndex?[key.text] = entries.count
            entries.append(MappingEntry(key: key.text, keyLocation: key.location, value: node))
        }
    }

    /// The finished collection.
    var node: SourceNode {
        switch kind {
        case .sequence: return SourceNode(location: location, content: .sequence(items))
        case .mapping: return SourceNode(location: location, content: .mapping(entries))
        case .document: return root ?? SourceNode(location: location, content: .scalar(Scalar(text: "", style: .plain, value: .null)))
        }
    }
}
