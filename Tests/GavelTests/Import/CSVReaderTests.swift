import Foundation
import Testing

@testable import GavelImport
@testable import GavelSyntax

@Suite("CSV reader")
struct CSVReaderTests {
    func records(_ bytes: [UInt8]) throws -> [[String]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-csv-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = CSVReader(try InputFile(path: path, progress: nil))
        var out: [[String]] = []
        while let record = try reader.nextRecord() { out.append(record.fields) }
        return out
    }

    @Test("quoted commas, doubled quotes, line breaks inside quotes, CRLF and LF, empty fields")
    func rfc4180() throws {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,\n\"\",x,\n"
        #expect(try records(Array(text.utf8)) == [["a", "b, c", "say \"hi\""], ["two\r\nlines", "", ""], ["", "x", ""]])
    }

    @Test("a lone 0x1A after the last line ends the file; a last line without a break still counts")
    func endOfFileByte() throws {
        #expect(try records(Array("1,\"x\"\r\n".utf8) + [0x1A]) == [["1", "x"]])
        #expect(try records(Array("1,2".utf8)) == [["1", "2"]])
    }

    @Test("bytes that are not UTF-8 are an error at their field")
    func invalidUTF8() throws {
        #expect(throws: DiagnosticError.self) { try records(Array("ok\nbad,".utf8) + [0xFF, 0x0A]) }
    }

    @Test("fields longer than the read buffer and records across buffer edges read whole")
    func acrossBuffers() throws {
        let long = String(repeating: "x", count: InputFile.chunkSize + 17)
        #expect(try records(Array("\"\(long)\",\"\(long)\"\r\nz\r\n".utf8)) == [[long, long], ["z"]])
    }
}
