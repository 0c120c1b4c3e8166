/// How a value too long to screen whole is cut to `Screener.Query.maxScalars`.
///
/// Cutting the first scalars as given let padding hide a name: 4,100
/// zero-width spaces (or spaces, or variation selectors) before `Hamas` left
/// nothing but padding inside the cut, though normalising would have removed
/// every one of them. So a long value drops first what normalising drops or
/// folds anyway (format and other default-ignorable characters, a second
/// space in a row, the marks stacked on one letter past the few any script
/// uses) and is cut only then. A value within the limit is not touched.
enum LongValueCut {
    /// More marks than this on one base letter are decoration: Vietnamese and Devanagari need three at most.
    static let marksPerLetter = 4

    /// `text` if it is within `limit` scalars; else its first `limit` scalars that normalising keeps, and true.
    static func cut(_ text: String, limit: Int) -> (text: String, cut: Bool) {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return (text, false) }
        var kept = String.UnicodeScalarView()
        var count = 0
        var marks = 0
        var afterSpace = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format { continue }
            if properties.isWhitespace {
                if afterSpace { continue }
                afterSpace = true
            } else {
                afterSpace = false
            }
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                marks += 1
                if marks > marksPerLetter { continue }
            default: marks = 0
            }
            if count == limit { return (String(kept), true) }
            kept.append(scalar)
            count += 1
        }
        return (String(kept), kept.count < scalars.count)
    }
}
