import CUnicodeSecurity
import GavelSyntax

/// ICU's UTS #39 skeletons and UTS #46 domain mapping, through the C target
/// `CUnicodeSecurity` (the only code that includes ICU headers).
enum UnicodeSecurity {
    /// The UTS #39 confusable skeleton of `text`, or nil when ICU fails.
    static func skeleton(_ text: String) -> String? {
        call(text) { input, length, output, capacity in
            gavel_confusable_skeleton(input, length, output, capacity)
        }
    }

    /// UTS #46 ToASCII (nontransitional) of a domain name; nil when ICU
    /// reports an error, so the caller keeps its own reading of the host.
    static func domainToASCII(_ host: String) -> String? {
        var errors: Int32 = 0
        let result = call(host) { input, length, output, capacity in
            gavel_idna_to_ascii(input, length, output, capacity, &errors)
        }
        return errors == 0 ? result : nil
    }

    /// UTS #46 ToUnicode: Punycode labels decoded; nil on an ICU error.
    static func domainToUnicode(_ host: String) -> String? {
        var errors: Int32 = 0
        let result = call(host) { input, length, output, capacity in
            gavel_idna_to_unicode(input, length, output, capacity, &errors)
        }
        return errors == 0 ? result : nil
    }

    /// Runs `body` on the UTF-8 of `text` with an output buffer, growing the
    /// buffer once when the result does not fit.
    private static func call(
        _ text: String,
        _ body: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>, Int32) -> Int32
    ) -> String? {
        let input = Array(text.utf8CString.dropLast())
        if input.isEmpty { return "" }
        guard input.count < Int(Int32.max) / 8 else { return nil }
        var capacity = max(64, input.count * 4)
        for _ in 0 ..< 2 {
            var output = [CChar](repeating: 0, count: capacity)
            let written = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target -> Int32 in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return -1 }
                    return body(from, Int32(input.count), to, Int32(capacity))
                }
            }
            if written < 0 { return nil }
            if Int(written) <= capacity {
                return String(decoding: output.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(written)
        }
        return nil
    }
}
