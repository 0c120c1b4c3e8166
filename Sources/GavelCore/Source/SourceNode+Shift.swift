extension SourceNode {
    /// The same tree with every line moved down by `lines`: for a JSONL line
    /// parsed on its own, so that locations name the line in the whole file.
    func shifted(byLines lines: Int) -> SourceNode {
        guard lines != 0 else { return self }
        var copy = self
        copy.location.line += lines
        switch content {
        case .scalar: break
        case .sequence(let items): copy.content = .sequence(items.map { $0.shifted(byLines: lines) })
        case .mapping(let entries):
            copy.content = .mapping(
                entries.map { entry in
                    var keyLocation = entry.keyLocation
                    keyLocation.line += lines
                    return MappingEntry(key: entry.key, keyLocation: keyLocation, value: entry.value.shifted(byLines: lines))
                })
        }
        return copy
    }
}

extension Diagnostic {
    func shifted(byLines lines: Int) -> Diagnostic {
        var copy = self
        copy.location?.line += lines
        return copy
    }
}
