/// The tags Gavel understands: the YAML 1.2 core schema's, plus `!` (the
/// non-specific tag, which makes a scalar a string). Any other tag is an
/// error rather than silently ignored, since it would change a value's meaning.
enum ExplicitTag: Equatable {
    case nonSpecific
    case string, integer, float, bool, null
    case mapping, sequence
    case unknown(String)

    private static let prefix = "tag:yaml.org,2002:"

    init(_ raw: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: raw, as: UTF8.self)
        switch text {
        case "!": self = .nonSpecific
        case Self.prefix + "str": self = .string
        case Self.prefix + "int": self = .integer
        case Self.prefix + "float": self = .float
        case Self.prefix + "bool": self = .bool
        case Self.prefix + "null": self = .null
        case Self.prefix + "map": self = .mapping
        case Self.prefix + "seq": self = .sequence
        default: self = .unknown(text)
        }
    }

    /// The tag as an author writes it (`!!int`, `!local`).
    var written: String {
        switch self {
        case .nonSpecific: return "!"
        case .string: return "!!str"
        case .integer: return "!!int"
        case .float: return "!!float"
        case .bool: return "!!bool"
        case .null: return "!!null"
        case .mapping: return "!!map"
        case .sequence: return "!!seq"
        case .unknown(let text):
            return text.hasPrefix(Self.prefix) ? "!!" + text.dropFirst(Self.prefix.count) : text
        }
    }

    /// What a tagged scalar needs to look like, for messages.
    var expectation: String {
        switch self {
        case .integer: return "an integer (`12`, `0o17`, `0x1F`)"
        case .float: return "a number (`1.5`, `1e3`, `.inf`, `.nan`)"
        case .bool: return "`true` or `false`"
        case .null: return "`null`, `~` or nothing"
        default: return "a string"
        }
    }

    /// The value of a scalar with this tag, or nil when the text does not fit
    /// the tag (or the tag is not a scalar tag).
    func value(of b: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue? {
        switch self {
        case .nonSpecific, .string: return .string(text)
        case .integer:
            guard case .int(let i)? = CoreSchema.integer(b) else { return nil }
            return .int(i)
        case .float:
            switch CoreSchema.integer(b) {
            case .int(let i)?: return .float(Double(i))
            case .float(let d)?: return .float(d)
            default: return CoreSchema.float(b, text: text).map(ScalarValue.float)
            }
        case .bool: return CoreSchema.bool(b).map(ScalarValue.bool)
        case .null: return CoreSchema.isNull(b) ? .null : nil
        case .mapping, .sequence, .unknown: return nil
        }
    }
}
