import CYAML

/// A position as libyaml reports it: 0-based line, 0-based column in Unicode scalars.
struct LibYAMLMark: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// One libyaml event, as Swift sees it. The buffers point into libyaml's
/// event storage.
///
/// INVARIANT: a `ParseEvent`'s buffers are valid only until the next call to
/// `LibYAMLParser.next()` (or until the parser is released); copy what you keep.
enum ParseEvent {
    case streamStart, streamEnd
    case documentStart, documentEnd
    case scalar(ScalarEvent)
    case sequenceStart(CollectionEvent)
    case mappingStart(CollectionEvent)
    case sequenceEnd, mappingEnd
    case alias(anchor: UnsafeBufferPointer<UInt8>, mark: LibYAMLMark)
}

struct ScalarEvent {
    var value: UnsafeBufferPointer<UInt8>
    var anchor: UnsafeBufferPointer<UInt8>?
    var tag: UnsafeBufferPointer<UInt8>?
    var style: Scalar.Style
    var mark: LibYAMLMark
}

struct CollectionEvent {
    var anchor: UnsafeBufferPointer<UInt8>?
    var tag: UnsafeBufferPointer<UInt8>?
    var mark: LibYAMLMark
}

/// Why libyaml stopped, copied out of the parser before it is freed.
struct LibYAMLFailure: Error, Hashable {
    enum Kind: Sendable { case memory, reader, scanner, parser, other }
    var kind: Kind
    var problem: String
    var problemMark: LibYAMLMark
    /// Byte offset into the input; the only position a reader error has.
    var problemOffset: Int
    /// The offending character or byte for reader errors, -1 otherwise.
    var problemValue: Int
    var context: String?
    var contextMark: LibYAMLMark
}

/// The event API of the system libyaml over an in-memory UTF-8 buffer. This is
/// the only file that sees libyaml's C types.
///
/// INVARIANT: `input` must outlive the parser; `YAMLComposer` guarantees it by
/// creating and dropping the parser inside `withUnsafeBufferPointer`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false
    private var initialized = false

    init(input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        initialized = yaml_parser_initialize(parser) != 0
        if initialized, let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        } else if initialized {
            // libyaml wants a non-null pointer even for empty input.
            let empty: StaticString = ""
            yaml_parser_set_input_string(parser, empty.utf8Start, 0)
        }
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        if initialized { yaml_parser_delete(parser) }
        event.deallocate()
        parser.deallocate()
    }

    /// The next event, or why there is none.
    func next() -> Result<ParseEvent, LibYAMLFailure> {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard initialized else { return .failure(Self.outOfMemory) }
        guard yaml_parser_parse(parser, event) != 0 else { return .failure(failure()) }
        holdsEvent = true
        return .success(translate(event.pointee))
    }

    private func translate(_ e: yaml_event_t) -> ParseEvent {
        let mark = LibYAMLMark(line: Int(e.start_mark.line), column: Int(e.start_mark.column))
        switch e.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.buffer(e.data.alias.anchor) ?? UnsafeBufferPointer(start: nil, count: 0), mark: mark)
        case YAML_SCALAR_EVENT:
            let s = e.data.scalar
            return .scalar(ScalarEvent(
                value: UnsafeBufferPointer(start: s.value, count: s.value == nil ? 0 : Int(s.length)),
                anchor: Self.buffer(s.anchor), tag: Self.buffer(s.tag),
                style: Self.style(s.style), mark: mark))
        case YAML_SEQUENCE_START_EVENT:
            let s = e.data.sequence_start
            return .sequenceStart(CollectionEvent(anchor: Self.buffer(s.anchor), tag: Self.buffer(s.tag), mark: mark))
        case YAML_MAPPING_START_EVENT:
            let s = e.data.mapping_start
            return .mappingStart(CollectionEvent(anchor: Self.buffer(s.anchor), tag: Self.buffer(s.tag), mark: mark))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .streamEnd  // YAML_NO_EVENT: libyaml only returns it after the stream ended.
        }
    }

    private static func buffer(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer else { return nil }
        return UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    private static func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func failure() -> LibYAMLFailure {
        let p = parser.pointee
        let kind: LibYAMLFailure.Kind
        switch p.error {
        case YAML_MEMORY_ERROR: kind = .memory
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_PARSER_ERROR: kind = .parser
        default: kind = .other
        }
        return LibYAMLFailure(
            kind: kind,
            problem: p.problem.map { String(cString: $0) } ?? "unknown libyaml error",
            problemMark: LibYAMLMark(line: Int(p.problem_mark.line), column: Int(p.problem_mark.column)),
            problemOffset: Int(p.problem_offset),
            problemValue: Int(p.problem_value),
            context: p.context.map { String(cString: $0) },
            contextMark: LibYAMLMark(line: Int(p.context_mark.line), column: Int(p.context_mark.column)))
    }

    private static let outOfMemory = LibYAMLFailure(
        kind: .memory, problem: "out of memory", problemMark: LibYAMLMark(line: 0, column: 0),
        problemOffset: 0, problemValue: -1, context: nil, contextMark: LibYAMLMark(line: 0, column: 0))
}
