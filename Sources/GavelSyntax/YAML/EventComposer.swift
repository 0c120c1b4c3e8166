/// Builds `SourceNode` trees from libyaml events with an explicit stack, so
/// input nesting can never overflow the call stack, and enforces every
/// per-document limit as events arrive, before anything is expanded or hashed.
struct EventComposer {
    let limits: LoadLimits
    let locate: Locator
    private(set) var documents: [SourceNode] = []
    /// Problems that spoil a document without stopping the reading of it
    /// (a repeated key, `<<`), by index into `documents`. Such a document is
    /// refused, but lint still gets to check the rest of it.
    private(set) var spoiled: [Int: [Diagnostic]] = [:]
    private var documentProblems: [Diagnostic] = []

    /// Open collections, outermost first (the document frame at the bottom);
    /// `current` is the innermost. INVARIANT: depth == `parents.count`.
    private var parents: [ComposerFrame] = []
    private var current: ComposerFrame
    private var anchors: [String: AnchoredNode] = [:]
    private var documentNodes = 0
    /// Whether an alias has been charged in this document: which budget a document broke.
    private var documentAliased = false
    private var documentTextBytes = 0

    init(limits: LoadLimits, locate: Locator) {
        self.limits = limits
        self.locate = locate
        current = ComposerFrame(kind: .document, location: locate(LibYAMLMark(line: 0, column: 0)), anchor: nil)
    }

    /// Takes one event; a diagnostic means the stream stops here.
    mutating func consume(_ event: ParseEvent) -> Diagnostic? {
        switch event {
        case .streamStart, .streamEnd:
            return nil
        case .documentStart:
            parents.removeAll(keepingCapacity: true)
            anchors.removeAll()
            documentNodes = 0
            documentAliased = false
            documentTextBytes = 0
            documentProblems = []
            current = ComposerFrame(kind: .document, location: locate(LibYAMLMark(line: 0, column: 0)), anchor: nil)
            return nil
        case .documentEnd:
            if !documentProblems.isEmpty { spoiled[documents.count] = documentProblems }
            documents.append(current.node)
            return nil
        case .scalar(let scalar):
            return consumeScalar(scalar)
        case .sequenceStart(let start):
            return open(.sequence, start)
        case .mappingStart(let start):
            return open(.mapping, start)
        case .sequenceEnd, .mappingEnd:
            return close()
        case .alias(let anchor, let mark):
            return consumeAlias(String(decoding: anchor, as: UTF8.self), at: locate(mark))
        }
    }

    // MARK: - Scalars

    private mutating func consumeScalar(_ event: ScalarEvent) -> Diagnostic? {
        let location = locate(event.mark)
        let length = event.value.count
        if length > limits.maxScalarBytes {
            return .scalarTooLong(bytes: length, limit: limits.maxScalarBytes, at: location)
        }
        let text = String(decoding: event.value, as: UTF8.self)
        let value: ScalarValue
        if let rawTag = event.tag {
            let tag = ExplicitTag(rawTag)
            switch tag {
            case .unknown, .mapping, .sequence: return .unknownTag(tag, on: "a scalar", at: location)
            default: break
            }
            guard let tagged = tag.value(of: event.value, text: text) else {
                return .invalidTaggedScalar(tag, text: text, at: location)
            }
            value = tagged
        } else if event.style == .plain {
            value = CoreSchema.resolvePlain(event.value, text: text)
        } else {
            value = .string(text)
        }
        if let problem = charge(NodeWeight(nodes: 1, height: 0, textBytes: length), at: location) { return problem }
        let node = SourceNode(location: location, content: .scalar(Scalar(text: text, style: event.style, value: value)))
        if let anchor = event.anchor {
            anchors[String(decoding: anchor, as: UTF8.self)] = AnchoredNode(
                node: node, weight: NodeWeight(nodes: 1, height: 0, textBytes: length))
        }
        guard current.expectsKey else {
            current.add(node, weight: NodeWeight(nodes: 1, height: 0, textBytes: length))
            return nil
        }
        if event.style == .plain, event.tag == nil, text == "<<" {
            documentProblems.append(.mergeKey(at: location))
            current.setKey(text, at: location, textBytes: length, discard: true)
            return nil
        }
        if let first = current.firstLocation(ofKey: text) {
            documentProblems.append(.duplicateKey(text, first: first, at: location))
            current.setKey(text, at: location, textBytes: length, discard: true)
            return nil
        }
        current.setKey(text, at: location, textBytes: length)
        return nil
    }

    // MARK: - Collections

    private mutating func open(_ kind: ComposerFrame.Kind, _ event: CollectionEvent) -> Diagnostic? {
        let location = locate(event.mark)
        let what = kind == .mapping ? "a mapping" : "a list"
        if current.expectsKey { return .complexKey(found: what, at: location) }
        if let rawTag = event.tag {
            let tag = ExplicitTag(rawTag)
            let fits = tag == .nonSpecific || (kind == .mapping ? tag == .mapping : tag == .sequence)
            if !fits { return .unknownTag(tag, on: what, at: location) }
        }
        if parents.count + 1 > limits.maxDepth {
            return .nestingTooDeep(limit: limits.maxDepth, throughAlias: nil, at: location)
        }
        if let problem = charge(NodeWeight(nodes: 1), at: location) { return problem }
        let anchor = event.anchor.map { String(decoding: $0, as: UTF8.self) }
        parents.append(current)
        current = ComposerFrame(kind: kind, location: location, anchor: anchor)
        return nil
    }

    private mutating func close() -> Diagnostic? {
        // libyaml never ends more collections than it started; the guard only avoids a trap.
        guard let parent = parents.popLast() else { return nil }
        let finished = current
        current = parent
        let node = finished.node
        if let anchor = finished.anchor {
            anchors[anchor] = AnchoredNode(node: node, weight: finished.weight)
        }
        current.add(node, weight: finished.weight)
        return nil
    }

    // MARK: - Aliases

    /// An alias costs the anchored node's whole weight but shares its storage.
    private mutating func consumeAlias(_ name: String, at location: SourceLocation) -> Diagnostic? {
        // Checked before the anchor is even looked up: an alias key must never be expanded or hashed.
        if current.expectsKey { return .complexKey(found: "an alias `*\(Diagnostic.shown(name))`", at: location) }
        guard let anchored = anchors[name] else {
            let isOpen = current.anchor == name || parents.contains { $0.anchor == name }
            return isOpen ? .recursiveAlias(name, at: location) : .undefinedAlias(name, at: location)
        }
        if parents.count + anchored.weight.height > limits.maxDepth {
            return .nestingTooDeep(limit: limits.maxDepth, throughAlias: name, at: location)
        }
        documentAliased = true
        if let problem = charge(anchored.weight, at: location) { return problem }
        var node = anchored.node
        node.location = location
        current.add(node, weight: anchored.weight)
        return nil
    }

    // MARK: - Budget

    private mutating func charge(_ weight: NodeWeight, at location: SourceLocation) -> Diagnostic? {
        // Saturating, so a caller's `Int.max` limit cannot make the sum trap.
        documentNodes = Self.saturatingSum(documentNodes, weight.nodes)
        documentTextBytes = Self.saturatingSum(documentTextBytes, weight.textBytes)
        if documentNodes > limits.maxNodes {
            return .nodeBudget(limit: limits.maxNodes, throughAliases: documentAliased, at: location)
        }
        // A document's own text is bounded by the file size, so only aliases can pass this.
        if documentTextBytes > limits.maxFileBytes {
            return .expandedTextBudget(limit: limits.maxFileBytes, at: location)
        }
        return nil
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
