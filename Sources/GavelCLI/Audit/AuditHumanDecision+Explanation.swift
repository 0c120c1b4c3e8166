import GavelSyntax

extension DiagnosticExplanation {
    /// `bad-human-decision` (AuditHumanDecision.swift), as `gavel lint --explain` prints it.
    package static let humanDecision = DiagnosticExplanation(
        code: .badHumanDecision,
        reportedBy: ["gavel audit override", "gavel audit appeal"],
        summary: "An override or appeal cannot be recorded as given",
        documentation: """
            An override or an appeal's outcome is appended to the decision log as a new entry that refers to \
            the logged decision and is chained like every other; it can never be taken back. So it is checked \
            before it is written: `--by`, `--reason` and `--basis` must say something (a human decision says \
            who took it and why), and the decision it puts in effect must be a step of the ladder of the \
            bundle that decided the original, read from the bundle the log stored with it. Nothing is \
            written, and the command exits 2.

            Give the flag the message names, or a decision from the ladder the help lists.
            """,
        example: """
            error[bad-human-decision] `nuke` is not a step of the ladder of bundle `acme-infrastructure` that decided entry 1
              help: The ladder is: no_action, monitor, escalate, restrict, geo_block, suspend, terminate
            """)
}
