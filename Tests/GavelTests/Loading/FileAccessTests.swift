import Foundation
import Testing

@testable import GavelSyntax

/// Every input goes through one bounded reader; what a file system says about
/// a file's size is not trusted.
@Suite("Bounded file reading")
struct FileAccessTests {
    @Test("a file is read whole, up to and including the limit; with no limit too")
    func withinLimit() throws {
        let bundle = try TemporaryBundle(["ten.txt": "0123456789"])
        let path = bundle.path + "/ten.txt"
        #expect(try FileAccess.read(path, display: "ten.txt", limit: 10).get().count == 10)
        #expect(try FileAccess.read(path, display: "ten.txt", limit: .max).get().count == 10)
        let over = try #require(FileAccess.read(path, display: "ten.txt", limit: 9).failure)
        #expect(over.oneLine.hasPrefix("ten.txt:1:1: error[file-too-large] file is 10 bytes; expected at most 9 bytes"))
    }

    @Test("an endless device that reports no size stops one byte past the limit")
    func endlessInput() throws {
        let problem = try #require(FileAccess.read("/dev/zero", display: "/dev/zero", limit: 3 << 20).failure)
        #expect(problem.rule == "file-too-large")
        #expect(problem.message == "input is larger than 3145728 bytes; expected at most 3145728 bytes")
    }

    @Test("a directory or a missing file is unreadable, not empty")
    func unreadable() throws {
        let bundle = try TemporaryBundle(["a.yaml": "x: 1\n"])
        #expect(FileAccess.read(bundle.path, display: "dir", limit: 100).failure?.rule == "unreadable-file")
        #expect(FileAccess.read(bundle.path + "/missing.yaml", display: "missing.yaml", limit: 100).failure?.rule == "unreadable-file")
    }
}

/// Foundation's `deletingLastPathComponent` stopped the process on a path of
/// one character (`gavel evaluate --log a`); Gavel takes paths apart itself.
@Suite("A path's folder")
struct PathParentTests {
    @Test("a path without its last component", arguments: [
        ("a", ""), (".", ""), ("log.sqlite", ""), ("a/b", "a"), ("a/b/", "a"), ("a//b", "a"), ("/a", "/"), ("/", "/"),
        ("./x", "."), ("../x", ".."), ("x/.", "x"), ("", ""),
    ] as [(String, String)])
    func parent(_ path: String, _ expected: String) {
        #expect(FileAccess.parent(of: path) == expected)
    }
}
