import GavelSyntax

extension DecisionRecord {
    /// `{ agree: [..], disagree: [..], unknown: [..], min_corroboration, compared: [..] }`:
    /// the three lists name the details (SPEC §3), `compared` gives the values
    /// each side had, as written, so a reader can check the comparison.
    package static func corroboration(_ c: Corroboration, into w: inout JSONWriter) {
        w.beginObject()
        w.field("agree")
        w.strings(c.agree.map(\.attribute))
        w.field("disagree")
        w.strings(c.disagree.map(\.attribute))
        w.field("unknown")
        w.strings(c.unknown.map(\.attribute))
        if let minimum = c.minimum {
            w.field("min_corroboration")
            w.int(minimum)
        }
        w.field("compared")
        w.beginArray()
        for detail in c.agree + c.disagree + c.unknown where !detail.attribute.hasPrefix("identifier:") {
            w.beginObject()
            w.field("attribute")
            w.string(detail.attribute)
            w.field("case")
            w.strings(detail.caseValues)
            w.field("entry")
            w.strings(detail.entryValues)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
