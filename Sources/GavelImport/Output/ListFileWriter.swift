import Foundation
import GavelSyntax

/// Writes a generated list: `<id>.yaml` (the header, with `snapshots:` and
/// `entries_from:`) and `<id>.jsonl` (one entry per line). The JSONL is
/// written to a temporary name and renamed when complete, so a failed
/// import never leaves half a list behind (nor a folder it made for it).
final class ListFileWriter {
    let directory: String
    let id: String
    private let temporary: String
    private let handle: FileHandle
    private var pending: [UInt8] = []
    /// The folders this writer made, deepest first: a failed import removes
    /// them again when they are still empty, so it leaves nothing behind.
    private let created: [String]
    private(set) var count = 0

    init(directory: String, id: String) throws(DiagnosticError) {
        self.directory = directory
        self.id = id
        temporary = directory + "/.\(id).jsonl.partial"
        var missing: [String] = []
        var folder = directory
        while !folder.isEmpty, folder != "/", folder != ".", !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        created = missing
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error(.unreadableFile, "cannot create `\(directory)`: \(error.localizedDescription)", at: nil))
        }
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw DiagnosticError(.error(.unreadableFile, "cannot write `\(temporary)`", at: nil))
        }
        self.handle = handle
    }

    func write(_ entry: DatedEntry, names: ImportOptions.Names) throws(DiagnosticError) {
        guard let json = EntryJSON.json(entry, names: names) else { return }
        pending += Array(json.compact().utf8)
        pending.append(0x0A)
        count += 1
        if pending.count > 1 << 20 { try flush() }
    }

    private func flush() throws(DiagnosticError) {
        do {
            try handle.write(contentsOf: Data(pending))
        } catch {
            throw DiagnosticError(.error(.unreadableFile, "cannot write `\(temporary)`: \(error.localizedDescription)", at: nil))
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the JSONL and writes the header beside it.
    func finish(header: String) throws(DiagnosticError) {
        try flush()
        try? handle.close()
        let jsonl = directory + "/\(id).jsonl", yaml = directory + "/\(id).yaml"
        do {
            if FileManager.default.fileExists(atPath: jsonl) { try FileManager.default.removeItem(atPath: jsonl) }
            try FileManager.default.moveItem(atPath: temporary, toPath: jsonl)
            try Data(header.utf8).write(to: URL(fileURLWithPath: yaml))
        } catch {
            throw DiagnosticError(.error(.unreadableFile, "cannot write `\(yaml)`: \(error.localizedDescription)", at: nil))
        }
    }

    /// Removes the partial file after a failure.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
        for folder in created {
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true else { break }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}

/// One entry as a line of JSON, fields in the List format's order (SPEC §3).
enum EntryJSON {
    static func json(_ dated: DatedEntry, names: ImportOptions.Names) -> JSON? {
        let entry = dated.entry
        var fields: [(String, JSON)] = []
        switch names {
        case .strong:
            fields.append(("id", .string(entry.id)))
            fields.append(("name", .string(entry.name)))
            fields.append(("aliases", .strings(entry.aliases)))
            if !entry.weakAliases.isEmpty { fields.append(("weak_aliases", .strings(entry.weakAliases))) }
        case .weak:
            guard let first = entry.weakAliases.first else { return nil }
            fields.append(("id", .string(entry.id + "-weak")))
            fields.append(("name", .string(first)))
            fields.append(("aliases", .strings(Array(entry.weakAliases.dropFirst()))))
        }
        fields.append(("type", .string(entry.type.rawValue)))
        if let listed = dated.listed {
            fields.append(("listed", .string(listed.date)))
            fields.append(("listed_source", .string(listed.source.rawValue)))
        }
        if let delisted = dated.delisted {
            fields.append(("delisted", .string(delisted.date)))
            fields.append(("delisted_source", .string(delisted.source.rawValue)))
        } else {
            fields.append(("delisted", .null))
        }
        // Identifiers belong to the party, screened through its main entry;
        // a weak-alias entry carries none so that it only ever matches names.
        var identifiers: [(String, JSON)] = [("domain", .strings(names == .strong ? entry.identifiers.first { $0.key == "domain" }?.values ?? [] : []))]
        if names == .strong {
            for (kind, values) in entry.identifiers where kind != "domain" { identifiers.append((kind, .strings(values))) }
        }
        fields.append(("identifiers", .object(identifiers)))
        fields.append(("programs", .strings(entry.programs)))
        if !entry.attributes.isEmpty {
            fields.append(("attributes", .object(entry.attributes.map { ($0.key, .strings($0.values)) })))
        }
        return .object(fields)
    }
}
