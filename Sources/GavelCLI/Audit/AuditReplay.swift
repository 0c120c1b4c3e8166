import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel audit replay ID` and `--all`: each logged decision decided again
/// from its stored case, stored bundle and stored `as_of` (never the files
/// as they are now), and whether the record comes out byte for byte as logged.
public struct AuditReplay: Sendable {
    public var log: String?
    /// nil: every decision in the log.
    public var id: String?
    public var jobs: Int
    /// Where `--all` reports how far it is (stderr, when it is a terminal).
    public var progress: (@Sendable (String) -> Void)?

    public init(log: String?, id: String?, jobs: Int = 1, progress: (@Sendable (String) -> Void)? = nil) {
        self.log = log
        self.id = id
        self.jobs = max(1, jobs)
        self.progress = progress
    }

    /// 0 every record reproduced; 1 one differs (the difference is shown) or
    /// the id is unknown; 2 the log cannot be read or an entry cannot be decided again.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let store = try DecisionLogAccess.forReading(log).get()
            guard let id else { return try all(store, output: output, errors: errors) }
            guard let entry = try AuditLookup.decision(id, store: store) else {
                errors(AuditLookup.unknown(id, store: store))
                return 1
            }
            return try one(entry, store: store, output: output, errors: errors)
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }

    private func one(_ entry: ChainedEntry, store: any DecisionStore, output: (String) -> Void, errors: (String) -> Void) throws -> Int32 {
        let e = entry.entry
        let name = "entry \(entry.seq) (\(e.recordID), case \(AuditList.escaped(e.caseID)))"
        func cannot(_ problem: ProblemText) -> Int32 {
            errors(Diagnostic.log(.logReplay, "\(name) cannot be decided again: \(problem.text)", path: store.location).oneLine + "\n")
            return 2
        }
        guard let bundleKey = e.bundle else { return cannot(ProblemText("it has no bundle")) }
        let bundle: CompiledBundle
        switch try StoredBundle.load(bundleKey, store: store) {
        case .failure(let problem): return cannot(problem)
        case .success(let b): bundle = b
        }
        let source: CaseSource
        switch try StoredCase.source(e, store: store) {
        case .failure(let problem): return cannot(problem)
        case .success(let s): source = s
        }
        switch LogReplay.replay(e, source: source, bundle: bundle) {
        case .failed(let problem): return cannot(problem)
        case .reproduced where ColumnCheck.problem(entry) != nil:
            output(Self.columnsDiffer(name, problem: ColumnCheck.problem(entry) ?? ""))
            return 1
        case .reproduced:
            output("reproduced: \(name), decided again from its stored case and bundle as of \(e.asOf): the record is the logged one, byte for byte (\(e.record.count) bytes)\n")
            return 0
        case .differs(let replayed):
            output(Self.differs(name, entry: e, replayed: replayed))
            return 1
        }
    }

    /// The record reproduced, but the columns `audit list` searches say something else.
    static func columnsDiffer(_ name: String, problem: String) -> String {
        "differs: \(name): the record reproduced, but \(problem)\n"
    }

    static func differs(_ name: String, entry e: LogEntry, replayed: [UInt8]) -> String {
        var text = "differs: \(name), decided again from its stored case and bundle as of \(e.asOf), does not give the logged record"
        text += e.engineVersion == DecisionRecord.engineVersion ? ":\n" : " (logged by gavel \(e.engineVersion); this is gavel \(DecisionRecord.engineVersion)):\n"
        for line in RecordDiff.lines(logged: e.record, replayed: replayed) { text += "  " + line + "\n" }
        return text
    }

    /// Streams the log a page at a time; each distinct bundle manifest is
    /// loaded once (once per job: jobs do not share one object graph), and
    /// a page's decisions are decided on every job at once.
    private func all(_ store: any DecisionStore, output: (String) -> Void, errors: (String) -> Void) throws -> Int32 {
        let total = try store.head()?.seq ?? 0
        var bundles: [SHA256Key: Result<[Evaluator], ProblemText>] = [:]
        var lastCase: (key: SHA256Key, bytes: [UInt8])?
        var reproduced = 0, differ = 0, failed = 0
        var after: Int64 = 0
        let started = ContinuousClock.now
        var lastProgress = started
        let pageSize = 512 * jobs

        struct Job: Sendable {
            var entry: ChainedEntry
            var work: Result<(CaseSource, [Evaluator]), ProblemText>
        }
        while true {
            let page = try store.entries(after: after, limit: pageSize)
            guard let last = page.last else { break }
            after = last.seq
            var jobsOfPage: [Job] = []
            jobsOfPage.reserveCapacity(page.count)
            for entry in page where entry.entry.kind == .decision {
                let e = entry.entry
                guard let key = e.bundle, let reference = e.caseSource else {
                    jobsOfPage.append(Job(entry: entry, work: .failure(ProblemText("it has no case or no bundle"))))
                    continue
                }
                if bundles[key] == nil { bundles[key] = try load(key, store: store) }
                let copies: [Evaluator]
                switch bundles[key] ?? .failure(ProblemText("")) {
                case .failure(let problem):
                    jobsOfPage.append(Job(entry: entry, work: .failure(problem)))
                    continue
                case .success(let c): copies = c
                }
                var bytes: [UInt8]
                switch reference.bytes {
                case .inline(let inline): bytes = inline
                case .blob(let blobKey):
                    // The documents of one case file are logged one after another and share its blob.
                    if let lastCase, lastCase.key == blobKey {
                        bytes = lastCase.bytes
                    } else {
                        guard let stored = try store.blob(blobKey) else {
                            jobsOfPage.append(Job(entry: entry, work: .failure(ProblemText("its case blob \(blobKey) is missing"))))
                            continue
                        }
                        bytes = stored
                        lastCase = (blobKey, stored)
                    }
                }
                jobsOfPage.append(Job(entry: entry, work: StoredCase.source(reference, bytes: bytes).map { ($0, copies) }))
            }
            let outcomes = ParallelMap(workers: Array(0..<jobs)).map(jobsOfPage) { job, input -> LogReplay.Outcome in
                switch input.work {
                case .failure(let problem): return .failed(problem)
                case .success(let (source, copies)): return LogReplay.replay(input.entry.entry, source: source, evaluator: copies[job % copies.count])
                }
            }
            var text = ""
            for (input, outcome) in zip(jobsOfPage, outcomes) {
                let e = input.entry.entry
                let name = "entry \(input.entry.seq) (\(e.recordID), case \(AuditList.escaped(e.caseID)))"
                switch outcome {
                case .reproduced:
                    if let problem = ColumnCheck.problem(input.entry) {
                        differ += 1
                        text += Self.columnsDiffer(name, problem: problem)
                    } else {
                        reproduced += 1
                    }
                case .differs(let replayed):
                    differ += 1
                    text += Self.differs(name, entry: e, replayed: replayed)
                case .failed(let problem):
                    failed += 1
                    errors(Diagnostic.log(.logReplay, "\(name) cannot be decided again: \(problem.text)", path: store.location).oneLine + "\n")
                }
            }
            if !text.isEmpty {
                if progress != nil { progress?("\r\u{1B}[K") }
                output(text)
            }
            if let progress, ContinuousClock.now - lastProgress > .milliseconds(500) {
                lastProgress = ContinuousClock.now
                progress(Self.progressLine(done: after, total: total, seconds: BenchRun.seconds(lastProgress - started)))
            }
        }
        if progress != nil { progress?("\r\u{1B}[K") }
        var summary = "\(reproduced) reproduced, \(differ) differ"
        if failed > 0 { summary += ", \(failed) cannot be decided again" }
        output(summary + "\n")
        if failed > 0 { return 2 }
        return differ > 0 ? 1 : 0
    }

    private func load(_ key: SHA256Key, store: any DecisionStore) throws -> Result<[Evaluator], ProblemText> {
        var copies: [Evaluator] = []
        for _ in 0..<jobs {
            switch try StoredBundle.load(key, store: store) {
            case .failure(let problem): return .failure(problem)
            case .success(let bundle): copies.append(Evaluator(bundle: bundle))
            }
        }
        return .success(copies)
    }

    /// `\r12,000/100,000 entries, 9,800/s, ETA 9 s`
    static func progressLine(done: Int64, total: Int64, seconds: Double) -> String {
        let rate = Double(done) / max(seconds, 1e-9)
        let left = rate > 0 ? Double(max(0, total - done)) / rate : 0
        let eta = left >= 120 ? "\(Int(left / 60)) min" : "\(Int(left.rounded(.up))) s"
        return "\r\u{1B}[K\(done)/\(total) entries, \(Int(rate))/s, ETA \(eta)"
    }
}
