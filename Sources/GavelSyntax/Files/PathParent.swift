/// A path without its last component, written by hand: Foundation's
/// `NSString.deletingLastPathComponent` on Linux stops the process on a
/// path of one character (`gavel evaluate --log a`, `gavel lint x.yaml`
/// from a folder `x`… any bare one-letter name crashed with "Illegal
/// instruction").
extension FileAccess {
    /// As `deletingLastPathComponent` does: "" for a bare name (`a`,
    /// `log.sqlite`), `/` for a name at the root, `a` for `a/b` and `a/b/`,
    /// repeated slashes read as one.
    package static func parent(of path: String) -> String {
        var scalars = Array(path.unicodeScalars)
        while scalars.count > 1, scalars.last == "/" { scalars.removeLast() }
        guard let slash = scalars.lastIndex(of: "/") else { return "" }
        var end = slash
        while end > 0, scalars[end - 1] == "/" { end -= 1 }
        if end == 0 { return "/" }
        return String(String.UnicodeScalarView(scalars[..<end]))
    }
}
