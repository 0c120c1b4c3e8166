/// Bounds on what the YAML loader accepts, so hostile or broken input fails
/// with a clear diagnostic instead of exhausting memory or time (SPEC §1).
///
/// Defaults (`LoadLimits.default`):
/// - `maxFileBytes`: 64 MiB (`LoadLimits.defaultMaxFileBytes`)
/// - `maxDepth`: 64 nesting levels (`LoadLimits.defaultMaxDepth`)
/// - `maxScalarBytes`: 1 MiB (`LoadLimits.defaultMaxScalarBytes`)
/// - `maxNodes`: 1,000,000 per document (`LoadLimits.defaultMaxNodes`)
public struct LoadLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes; checked before parsing starts.
    public var maxFileBytes: Int
    /// Deepest nesting of mappings and sequences, counting collections reached
    /// through aliases as if they were written out.
    public var maxDepth: Int
    /// Longest single scalar accepted, in UTF-8 bytes.
    public var maxScalarBytes: Int
    /// Most nodes one document may have, counting keys and every node an
    /// alias stands for. The scalar text reached through aliases is bounded
    /// too, by `maxFileBytes` per document.
    public var maxNodes: Int

    /// 64 MiB: far above any policy bundle file, small enough to hold in memory.
    package static let defaultMaxFileBytes = 64 << 20
    /// 64 levels: policies nest conditions a handful deep; this leaves room.
    package static let defaultMaxDepth = 64
    /// 1 MiB: a long legal text fits; a megabyte-per-value attack does not.
    package static let defaultMaxScalarBytes = 1 << 20
    /// One million nodes per document, aliases expanded.
    package static let defaultMaxNodes = 1_000_000

    /// The limits above.
    public static let `default` = LoadLimits(
        maxFileBytes: defaultMaxFileBytes, maxDepth: defaultMaxDepth,
        maxScalarBytes: defaultMaxScalarBytes, maxNodes: defaultMaxNodes)

    /// Limits with each bound given explicitly.
    public init(maxFileBytes: Int, maxDepth: Int, maxScalarBytes: Int, maxNodes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxNodes = maxNodes
    }
}
