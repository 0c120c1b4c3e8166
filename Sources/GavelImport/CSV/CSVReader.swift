import GavelSyntax

/// A streaming RFC 4180 reader: comma-separated, fields optionally in double
/// quotes (a doubled quote inside is one quote, and quoted fields may hold
/// commas and line breaks), records ended by CRLF or LF. A lone SUB byte
/// (0x1A, the DOS end-of-file mark OFAC's files end with) on the last line
/// is the end of the file. Anything else malformed is an error at its
/// `file:line:column`, never a guess.
package struct CSVReader: ~Copyable {
    private let file: InputFile
    private var buffer: [UInt8]
    private var position = 0
    private var count = 0
    private var finished = false
    /// 1-based line of the next byte, and its column.
    private var line = 1
    private var column = 1
    /// Whether the file ended with the SUB byte: OFAC writes it last, so a
    /// copy without it was cut short, even when cut at a line's end.
    package private(set) var sawEndOfFileByte = false

    package init(_ file: InputFile) {
        self.file = file
        buffer = [UInt8](repeating: 0, count: InputFile.chunkSize)
    }

    /// A record: its fields and the line it starts on.
    package struct Record {
        package var fields: [String]
        package var line: Int
    }

    private mutating func next() throws(DiagnosticError) -> UInt8? {
        if position == count {
            guard !finished else { return nil }
            let n = buffer.withUnsafeMutableBufferPointer { file.read(into: $0.baseAddress!, capacity: $0.count) }
            if n < 0 { throw DiagnosticError(file.failure ?? .error(.unreadableFile, "cannot read `\(file.path)`", at: nil)) }
            if n == 0 {
                finished = true
                return nil
            }
            position = 0
            count = n
        }
        let byte = buffer[position]
        position += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        return byte
    }

    private mutating func peek() throws(DiagnosticError) -> UInt8? {
        if position == count {
            guard let byte = try next() else { return nil }
            // Step back over the byte just read, restoring its place.
            position -= 1
            if byte == 0x0A { line -= 1 } else if byte & 0xC0 != 0x80 { column -= 1 }
            return byte
        }
        return buffer[position]
    }

    private func here() -> SourceLocation { SourceLocation(file: file.path, line: line, column: column) }

    /// Where the next byte is (at the end, where the file stops).
    package var location: SourceLocation { here() }

    private func text(_ bytes: [UInt8], at location: SourceLocation) throws(DiagnosticError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(.error(.importSyntax, "field is not valid UTF-8; expected UTF-8 text", at: location))
        }
        return text
    }

    /// The next record, or nil at the end of the file.
    package mutating func nextRecord() throws(DiagnosticError) -> Record? {
        guard var byte = try next() else { return nil }
        let recordLine = line - (byte == 0x0A ? 1 : 0)
        if byte == 0x1A {
            sawEndOfFileByte = true
            // SUB ends the file; only line breaks may follow it.
            while let after = try next() {
                guard after == 0x0D || after == 0x0A else {
                    throw DiagnosticError(
                        .error(.importSyntax, "unexpected data after the end-of-file byte 0x1A", at: here()))
                }
            }
            return nil
        }
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldStart = SourceLocation(file: file.path, line: line, column: column - 1)
        var opening = fieldStart
        while true {
            if byte == 0x22 && field.isEmpty {
                // A quoted field: read to the closing quote.
                opening = SourceLocation(file: file.path, line: line, column: column - 1)
                while true {
                    guard let inner = try next() else {
                        throw DiagnosticError(
                            .error(
                                .importSyntax, "unterminated quoted field; expected a closing `\"` before the end of the file",
                                at: opening, help: "a quote inside a quoted field is written twice: `\"\"`"))
                    }
                    if inner == 0x22 {
                        if try peek() == 0x22 {
                            _ = try next()
                            field.append(0x22)
                        } else {
                            break
                        }
                    } else {
                        field.append(inner)
                    }
                }
                fields.append(try text(field, at: fieldStart))
                field.removeAll(keepingCapacity: true)
                // After the closing quote: a comma, a line break or the end.
                guard let after = try next() else { return Record(fields: fields, line: recordLine) }
                switch after {
                case 0x2C:
                    guard let following = try next() else {
                        fields.append("")
                        return Record(fields: fields, line: recordLine)
                    }
                    byte = following
                    fieldStart = SourceLocation(file: file.path, line: line, column: column - 1)
                    if byte == 0x0A || byte == 0x0D {
                        fields.append("")
                        if byte == 0x0D, try peek() == 0x0A { _ = try next() }
                        return Record(fields: fields, line: recordLine)
                    }
                    continue
                case 0x0A:
                    return Record(fields: fields, line: recordLine)
                case 0x0D:
                    if try peek() == 0x0A { _ = try next() }
                    return Record(fields: fields, line: recordLine)
                default:
                    // A quote left open earlier closes on a later line's first quote; say where it opened.
                    let opened = opening.line == line ? "" : " (the quoted field opened at line \(opening.line), column \(opening.column))"
                    throw DiagnosticError(
                        .error(
                            .importSyntax,
                            "unexpected `\(Self.shown(after))` after a closing quote\(opened); expected `,` or the end of the line",
                            at: SourceLocation(file: file.path, line: line, column: column - 1),
                            help: "a quote inside a quoted field is written twice: `\"\"`"))
                }
            }
            switch byte {
            case 0x2C:
                fields.append(try text(field, at: fieldStart))
                field.removeAll(keepingCapacity: true)
                guard let following = try next() else {
                    fields.append("")
                    return Record(fields: fields, line: recordLine)
                }
                byte = following
                fieldStart = SourceLocation(file: file.path, line: line, column: column - 1)
                continue
            case 0x0A:
                fields.append(try text(field, at: fieldStart))
                return Record(fields: fields, line: recordLine)
            case 0x0D:
                if try peek() == 0x0A { _ = try next() }
                fields.append(try text(field, at: fieldStart))
                return Record(fields: fields, line: recordLine)
            case 0x22:
                throw DiagnosticError(
                    .error(
                        .importSyntax, "a `\"` inside an unquoted field; expected the whole field in quotes, with inner quotes doubled",
                        at: SourceLocation(file: file.path, line: line, column: column - 1)))
            default:
                field.append(byte)
            }
            guard let following = try next() else {
                fields.append(try text(field, at: fieldStart))
                return Record(fields: fields, line: recordLine)
            }
            byte = following
        }
    }

    static func shown(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }
}
