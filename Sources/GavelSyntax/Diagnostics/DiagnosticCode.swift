/// The id of the check behind a diagnostic (`duplicate-key`, `unknown-field`):
/// what reports, configuration and ignore markers name. The codes that
/// reading, loading, compiling and evaluating report are the constants below,
/// so a misspelt code does not compile; lint rules add their own ids. Each
/// code is documented where `gavel lint --explain` finds it: by the lint rule
/// that carries it, or, for a code no rule carries (`missing-path`, the
/// decision log's, `lists import`'s), by a `DiagnosticExplanation` written
/// beside it and gathered in GavelCLI's `DiagnosticCatalog`.
public struct DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    // Reading the bytes.
    package static let unreadableFile = DiagnosticCode("unreadable-file")
    package static let fileTooLarge = DiagnosticCode("file-too-large")
    package static let invalidUTF8 = DiagnosticCode("invalid-utf8")
    package static let emptyFile = DiagnosticCode("empty-file")
    // YAML and JSON lines.
    package static let yamlSyntax = DiagnosticCode("yaml-syntax")
    package static let tabIndentation = DiagnosticCode("tab-indentation")
    package static let duplicateKey = DiagnosticCode("duplicate-key")
    package static let complexKey = DiagnosticCode("complex-key")
    package static let mergeKey = DiagnosticCode("merge-key")
    package static let unknownTag = DiagnosticCode("unknown-tag")
    package static let invalidTaggedScalar = DiagnosticCode("invalid-tagged-scalar")
    package static let aliasBudget = DiagnosticCode("alias-budget")
    package static let tooManyNodes = DiagnosticCode("too-many-nodes")
    package static let nestingTooDeep = DiagnosticCode("nesting-too-deep")
    package static let scalarTooLong = DiagnosticCode("scalar-too-long")
    package static let jsonlLine = DiagnosticCode("jsonl-line")
    // Documents and fields.
    package static let notAMapping = DiagnosticCode("not-a-mapping")
    package static let missingKind = DiagnosticCode("missing-kind")
    package static let unknownKind = DiagnosticCode("unknown-kind")
    package static let misplacedBundle = DiagnosticCode("misplaced-bundle")
    package static let misplacedCase = DiagnosticCode("misplaced-case")
    package static let unknownField = DiagnosticCode("unknown-field")
    package static let missingField = DiagnosticCode("missing-field")
    package static let wrongType = DiagnosticCode("wrong-type")
    package static let invalidID = DiagnosticCode("invalid-id")
    package static let invalidDate = DiagnosticCode("invalid-date")
    package static let invalidJurisdiction = DiagnosticCode("invalid-jurisdiction")
    package static let emptyBundle = DiagnosticCode("empty-bundle")
    // Conditions.
    package static let invalidCondition = DiagnosticCode("invalid-condition")
    package static let invalidPath = DiagnosticCode("invalid-path")
    package static let operatorType = DiagnosticCode("operator-type")
    package static let invalidDuration = DiagnosticCode("invalid-duration")
    // References across the bundle.
    package static let duplicateID = DiagnosticCode("duplicate-id")
    package static let pathOutsideBundle = DiagnosticCode("path-outside-bundle")
    package static let unknownDecision = DiagnosticCode("unknown-decision")
    package static let unknownList = DiagnosticCode("unknown-list")
    package static let unknownRule = DiagnosticCode("unknown-rule")
    /// A case's `expect:` names a rule or exception the bundle lacks: the
    /// lint rule's id, which `gavel test` reports the same problem under.
    package static let caseExpectsUnknownRule = DiagnosticCode("case-expects-unknown-rule")
    package static let unknownPlaceholder = DiagnosticCode("unknown-placeholder")
    package static let suspendsMandatory = DiagnosticCode("suspends-mandatory")
    // The schema (SPEC §1.5): policies and cases checked against it.
    package static let unknownPath = DiagnosticCode("unknown-path")
    package static let operatorSchemaMismatch = DiagnosticCode("operator-schema-mismatch")
    package static let valueNotInEnum = DiagnosticCode("value-not-in-enum")
    package static let quantifierOverNonList = DiagnosticCode("quantifier-over-non-list")
    package static let caseSchemaMismatch = DiagnosticCode("case-schema-mismatch")
    // Meaning.
    package static let screenScoreRange = DiagnosticCode("screen-score-range")
    package static let invertedWindow = DiagnosticCode("inverted-window")
    package static let delistedBeforeListed = DiagnosticCode("delisted-before-listed")
    package static let geoBlockWithoutJurisdictions = DiagnosticCode("geo-block-without-jurisdictions")
    package static let corroborationRange = DiagnosticCode("corroboration-range")
    // Evaluation under `--strict`.
    package static let missingPath = DiagnosticCode("missing-path")
    package static let typeMismatch = DiagnosticCode("type-mismatch")

    /// Every code reading, loading and compiling report, in the order above;
    /// lint documents each with a rule of the same id. (`missing-path` and
    /// `type-mismatch` are evaluation errors under `--strict`, not lint's:
    /// `DiagnosticExplanation.strictEvaluation` documents them.)
    package static let reportedByLoading: [DiagnosticCode] = [
        .unreadableFile, .fileTooLarge, .invalidUTF8, .emptyFile,
        .yamlSyntax, .tabIndentation, .duplicateKey, .complexKey, .mergeKey, .unknownTag, .invalidTaggedScalar,
        .aliasBudget, .tooManyNodes, .nestingTooDeep, .scalarTooLong, .jsonlLine,
        .notAMapping, .missingKind, .unknownKind, .misplacedBundle, .misplacedCase, .unknownField, .missingField,
        .wrongType, .invalidID, .invalidDate, .invalidJurisdiction, .emptyBundle,
        .invalidCondition, .invalidPath, .operatorType, .invalidDuration,
        .duplicateID, .pathOutsideBundle, .unknownDecision, .unknownList, .unknownRule, .unknownPlaceholder,
        .suspendsMandatory,
        .unknownPath, .operatorSchemaMismatch, .valueNotInEnum, .quantifierOverNonList, .caseSchemaMismatch,
        .screenScoreRange, .invertedWindow, .delistedBeforeListed, .geoBlockWithoutJurisdictions,
        .corroborationRange,
    ]
}
