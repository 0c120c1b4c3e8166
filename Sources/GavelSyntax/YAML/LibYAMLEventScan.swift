import CYAML

/// libyaml's event parser and nothing else: the floor that any YAML-based
/// reading of the same bytes has to pay. Used by `gavel bench` to time
/// "libyaml event parsing alone" next to Gavel's own load + evaluate.
package enum LibYAMLEventScan {
    /// Parses `input` with a fresh libyaml parser, deleting every event, until
    /// STREAM-END. Returns the number of events, or nil if libyaml failed.
    package static func scan(_ input: UnsafeBufferPointer<UInt8>) -> Int? {
        // libyaml keeps a pointer to the parser inside it, so it needs a stable address.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            event.deallocate()
            parser.deallocate()
        }
        guard yaml_parser_initialize(parser) != 0 else { return nil }
        defer { yaml_parser_delete(parser) }
        if let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        } else {
            let empty: StaticString = ""
            yaml_parser_set_input_string(parser, empty.utf8Start, 0)
        }
        var events = 0
        while true {
            guard yaml_parser_parse(parser, event) != 0 else { return nil }
            let done = event.pointee.type == YAML_STREAM_END_EVENT
            yaml_event_delete(event)
            events += 1
            if done { return events }
        }
    }
}
