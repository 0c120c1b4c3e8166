/// Positions in raw input bytes, counted the way libyaml counts them, for the
/// few errors that have a byte offset or need to look at the source line.
///
/// Line breaks are LF, CR, CRLF, NEL, LS and PS (libyaml is a YAML 1.1 reader);
/// columns count Unicode scalars; a leading UTF-8 byte-order mark is not a column.
struct SourceText {
    let bytes: UnsafeBufferPointer<UInt8>

    /// 0-based line and column of the byte at `offset`. Decodes leniently, so
    /// it also works on the invalid UTF-8 it is asked to point at.
    func mark(ofByte offset: Int) -> LibYAMLMark {
        var line = 0
        var column = 0
        var i = Self.bomLength(bytes)
        let end = min(offset, bytes.count)
        while i < end {
            let (width, isBreak) = scalarInfo(at: i)
            if isBreak {
                line += 1
                column = 0
            } else {
                column += 1
            }
            i += width
        }
        return LibYAMLMark(line: line, column: column)
    }

    /// The byte offset of a libyaml mark, or nil when the mark is past the input.
    func byteOffset(of mark: LibYAMLMark) -> Int? {
        var line = 0
        var column = 0
        var i = Self.bomLength(bytes)
        while i < bytes.count {
            if line == mark.line, column == mark.column { return i }
            let (width, isBreak) = scalarInfo(at: i)
            if isBreak {
                if line == mark.line { return nil }
                line += 1
                column = 0
            } else {
                column += 1
            }
            i += width
        }
        return nil
    }

    /// Width of the scalar starting at `i` (CRLF counts as one), and whether it is a line break.
    private func scalarInfo(at i: Int) -> (width: Int, isBreak: Bool) {
        let b = bytes[i]
        switch b {
        case 0x0A: return (1, true)
        case 0x0D: return (i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1, true)
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return (2, true)
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            return (3, true)
        default:
            var width = 1
            while i + width < bytes.count, width < 4, bytes[i + width] & 0xC0 == 0x80 { width += 1 }
            return (b < 0x80 ? 1 : width, false)
        }
    }

    static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
