import Foundation
import GavelSyntax

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Streams an XML list file through Foundation's SAX `XMLParser`, fed from
/// `InputFile` in chunks (the parser's `init(stream:)` pulls 4 KiB at a time
/// and pushes them to libxml2), so memory holds one record, not the file.
/// Elements are matched by local name with namespaces processed, and the
/// root must be the expected element in the expected namespace.
package struct XMLRecordReader {
    package var file: InputFile
    /// The root element's local name and namespace URI ("" for none).
    package var root: (name: String, namespace: String)
    /// Local names of the elements that are one record each.
    package var records: Set<String>
    /// Local names of elements outside records whose text is wanted (`Publish_Date`).
    package var headerFields: Set<String> = []

    package init(file: InputFile, root: (name: String, namespace: String), records: Set<String>) {
        self.file = file
        self.root = root
        self.records = records
    }

    /// Calls `record` for each record in document order; `header` gets the
    /// root's attributes and the header fields' texts seen so far. Throws
    /// the first problem: malformed XML at its line and column, or whatever
    /// `record` throws.
    package func read(
        header: (XMLHeader) -> Void = { _ in },
        record: (XMLNode, [String: String]) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        let stream = InputFileStream(file)
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        // The delegate lives only for this call, so the closure never outlives it.
        let (finished, sawRoot, problem, seenHeader) = withoutActuallyEscaping(record) { record in
            let delegate = RecordDelegate(reader: self, file: file.path, record: record)
            parser.delegate = delegate
            let finished = parser.parse()
            parser.delegate = nil
            return (finished, delegate.sawRoot, delegate.problem, delegate.seen)
        }
        if let failure = file.failure { throw DiagnosticError(failure) }
        // Before the record's own complaint: the entity's reference was dropped, so the record
        // seemed to lack the element that held it (`<lastName>&x;</lastName>`: "no `lastName`").
        if let entity = stream.externalEntity {
            throw DiagnosticError(
                .error(
                    .importSyntax, "the file declares the external entity `\(entity)`; expected none",
                    at: SourceLocation(file: file.path, line: 1, column: 1),
                    help: "official list files declare no entities; Gavel never reads one, so what it stands for is missing"))
        }
        if let problem { throw problem }
        if !finished || !sawRoot {
            let place = SourceLocation(file: file.path, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
            let detail = (parser.parserError as NSError?).map { "libxml2 error \($0.code)" } ?? "no root element"
            throw DiagnosticError(.error(.importSyntax, "malformed XML (\(detail)); expected a well-formed `<\(root.name)>` document", at: place))
        }
        header(seenHeader)
    }
}

/// What a list file says outside its records: the root's attributes and the
/// header fields' texts, each with where the file gives it.
package struct XMLHeader: Sendable {
    package var file: String
    package var values: [String: String] = [:]
    package var locations: [String: SourceLocation] = [:]

    package subscript(_ name: String) -> String? { values[name] }

    /// Where `name` is; the file's start when it was not seen.
    package func location(_ name: String) -> SourceLocation {
        locations[name] ?? SourceLocation(file: file, line: 1, column: 1)
    }
}

/// Hands `XMLParser` the bytes of an `InputFile`.
private final class InputFileStream: InputStream {
    private let file: InputFile
    private var status: Stream.Status = .notOpen

    init(_ file: InputFile) {
        self.file = file
        super.init(data: Data())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var hasBytesAvailable: Bool { status == .open }
    override var streamError: Error? { nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        let n = file.read(into: buffer, capacity: len)
        if n == 0 { status = .atEnd }
        if n < 0 { status = .error }
        if n > 0, prolog.count < Self.prologBytes {
            prolog += UnsafeBufferPointer(start: buffer, count: min(n, Self.prologBytes - prolog.count))
            externalEntity = Self.externalEntity(in: prolog)
        }
        return n
    }

    /// The file's first bytes, where a document type declaration is.
    private var prolog: [UInt8] = []
    private static let prologBytes = 1 << 16
    /// The name of an external entity the prolog declares, if it declares one.
    private(set) var externalEntity: String?

    static func externalEntity(in bytes: [UInt8]) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) ?? Optional(String(decoding: bytes, as: UTF8.self)),
            text.contains("<!ENTITY"),
            let match = text.range(of: #"<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC)\b"#, options: .regularExpression)
        else { return nil }
        let words = text[match].split(whereSeparator: \.isWhitespace)
        return words.count >= 3 ? String(words[words[1] == "%" ? 2 : 1]) : nil
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }
}

private final class RecordDelegate: NSObject, XMLParserDelegate {
    let reader: XMLRecordReader
    let file: String
    let record: (XMLNode, [String: String]) throws(DiagnosticError) -> Void
    var header: [String: String] = [:]
    /// The header with where each value is, for errors about it (a bad `Publish_Date` at its own line).
    var seen = XMLHeader(file: "")
    var stack: [XMLNode] = []
    var depth = 0
    var headerField: String?
    var headerText = ""
    var sawRoot = false
    var problem: DiagnosticError?

    init(reader: XMLRecordReader, file: String, record: @escaping (XMLNode, [String: String]) throws(DiagnosticError) -> Void) {
        self.reader = reader
        self.file = file
        self.record = record
        seen = XMLHeader(file: file)
    }

    /// How deep elements may nest inside one record (the official formats use fewer than ten levels).
    static let deepestRecord = 64

    func fail(_ parser: XMLParser, _ error: DiagnosticError) {
        if problem == nil { problem = error }
        parser.abortParsing()
    }

    /// A file that is XML but not in the shape `--format` names, at the parser's place.
    func failFormat(_ parser: XMLParser, _ message: String) {
        fail(parser, DiagnosticError(.error(.importFormat, message, at: location(parser), help: "check `--format` against the file")))
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard problem == nil else { return }
        depth += 1
        if depth == 1 {
            sawRoot = true
            let namespace = namespaceURI ?? ""
            guard elementName == reader.root.name, namespace == reader.root.namespace else {
                let expected = reader.root.namespace.isEmpty ? "no namespace" : "namespace `\(reader.root.namespace)`"
                let found = namespace.isEmpty ? "no namespace" : "namespace `\(namespace)`"
                failFormat(parser, "expected root element `<\(reader.root.name)>` in \(expected); found `<\(elementName)>` in \(found)")
                return
            }
            for (key, value) in attributeDict {
                header[key] = value
                seen.values[key] = value
                seen.locations[key] = location(parser)
            }
            return
        }
        if !stack.isEmpty || reader.records.contains(elementName) {
            // Official records nest a few levels; a record tens of thousands deep is no list
            // entry, and its tree would be freed by recursion deep enough to overflow the stack.
            guard stack.count < Self.deepestRecord else {
                failFormat(parser, "elements nested more than \(Self.deepestRecord) deep inside one `<\(stack[0].name)>` record; expected a list entry")
                return
            }
            stack.append(XMLNode(name: elementName, attributes: attributeDict, line: parser.lineNumber, column: parser.columnNumber))
        } else if reader.headerFields.contains(elementName) {
            headerField = elementName
            headerText = ""
            seen.locations[elementName] = location(parser)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty {
            stack[stack.count - 1].text += string
        } else if headerField != nil {
            headerText += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard problem == nil else { return }
        depth -= 1
        if let field = headerField, field == elementName, stack.isEmpty {
            header[field] = headerText.trimmingWhitespace()
            seen.values[field] = header[field]
            headerField = nil
            return
        }
        guard let finished = stack.popLast() else { return }
        if stack.isEmpty {
            do throws(DiagnosticError) {
                try record(finished, header)
            } catch {
                fail(parser, error)
            }
        } else {
            stack[stack.count - 1].children.append(finished)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        let name = Self.libxml2Problems[code].map { "\($0), libxml2 error \(code)" } ?? "libxml2 error \(code)"
        fail(
            parser,
            DiagnosticError(
                .error(.importSyntax, "malformed XML (\(name)); expected well-formed XML", at: location(parser))))
    }

    /// libxml2's `xmlParserErrors` most likely in a damaged list file, in words.
    static let libxml2Problems: [Int: String] = [
        4: "the document is empty", 5: "the document ends too early", 9: "a character XML does not allow",
        23: "an `&` that starts no entity", 26: "an undeclared entity", 38: "an attribute without a value",
        39: "an attribute value not in quotes", 41: "an attribute value left open", 64: "no XML declaration where one began",
        68: "a `<` that starts no tag", 73: "a tag without its `>`", 76: "a closing tag that does not match the open one",
        77: "an element left open at the end", 85: "a closing tag without an opening one",
        29: "an external entity where XML allows none; Gavel never reads one",
        89: "entities that expand without bound, or refer to themselves; list files need none",
    ]

    func location(_ parser: XMLParser) -> SourceLocation {
        SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
    }
}
