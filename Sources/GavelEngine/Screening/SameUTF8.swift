extension String {
    /// Whether the two texts have the same UTF-8 bytes, compared in place:
    /// what makes two listed texts one for their readings and for the name
    /// index, which work on bytes and scalars (`==` is Unicode's canonical
    /// equality). Through `UTF8View.elementsEqual` a comparison cost ~700
    /// instructions, a third of sharing a 1,000,000-name list's readings.
    func hasSameUTF8(as other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }
}
