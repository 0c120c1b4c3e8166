/// How much of the condition traces a decision keeps (SPEC §2, v1.1). The
/// decision, `determined_by`, obligations, matches and scope are the same at
/// every level: the levels differ only in what is kept for the reader.
public enum TraceLevel: String, Sendable, CaseIterable {
    /// No trace: the decision-only mode, for batches and benchmarks.
    case none
    /// Traces of the rules that matched, were suspended or are in error, and
    /// of applied exceptions; the other rules by id and status.
    case decisive
    /// Every trace of every rule and exception in force.
    case full
}

/// Where a decision's `as_of` came from (SPEC §1.4): only `case` and `flag`
/// give a record id that can be reproduced.
public enum AsOfSource: String, Sendable {
    case `case`, flag, now
}
