import Foundation
import Prometheus

/// What `/metrics` exposes, in Prometheus' text format: decisions by
/// outcome, decision latency, log append latency, the bundle in service
/// (digest as a label) and reloads by result.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let decisionLatency: DurationHistogram
    private let appendLatency: DurationHistogram
    private let appendedEntries: Counter
    private let appendFailures: Counter
    private let reloadsApplied: Counter
    private let reloadsRefused: Counter
    private let outcomes = Outcomes()

    /// One counter per decision, made on first use (a ladder has a handful).
    private final class Outcomes: @unchecked Sendable {
        let lock = NSLock()
        // Guarded by `lock`.
        var counters: [String: Counter] = [:]
    }

    private static let buckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    init() {
        decisionLatency = registry.makeDurationHistogram(
            descriptor: Self.name("decision_duration", unit: "seconds", "Time from a decision request's body to its answer, logging included"),
            labels: [], buckets: Self.buckets)
        appendLatency = registry.makeDurationHistogram(
            descriptor: Self.name("log_append_duration", unit: "seconds", "Time of one group commit to the decision log"), labels: [],
            buckets: Self.buckets)
        appendedEntries = registry.makeCounter(
            descriptor: Self.name("log_entries", unit: "total", "Entries committed to the decision log by this node"), labels: [])
        appendFailures = registry.makeCounter(
            descriptor: Self.name("log_append_failures", unit: "total", "Group commits that failed (their requests answered 503)"),
            labels: [])
        reloadsApplied = registry.makeCounter(
            descriptor: Self.name("bundle_reloads", unit: "total", "Bundle reloads, by result"), labels: [("result", "applied")])
        reloadsRefused = registry.makeCounter(
            descriptor: Self.name("bundle_reloads", unit: "total", "Bundle reloads, by result"), labels: [("result", "refused")])
    }

    private static func name(_ metric: String, unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "gavel", metricName: metric, unitName: unit, helpText: help)
    }

    func decided(_ decision: String, seconds: Double) {
        let counter = outcomes.lock.withLock {
            if let counter = outcomes.counters[decision] { return counter }
            let counter = registry.makeCounter(
                descriptor: Self.name("decisions", unit: "total", "Decisions answered, by decision"), labels: [("decision", decision)])
            outcomes.counters[decision] = counter
            return counter
        }
        counter.increment()
        decisionLatency.record(.nanoseconds(Int64(seconds * 1e9)))
    }

    func logAppended(entries: Int, seconds: Double) {
        appendLatency.record(.nanoseconds(Int64(seconds * 1e9)))
        appendedEntries.increment(by: Int64(entries))
    }

    func logFailed() { appendFailures.increment() }

    /// The bundle in service: one series with value 1, labelled by id and digest; the old one is dropped.
    func bundle(id: String, digest: String, replacing old: (id: String, digest: String)?) {
        if let old {
            let gauge = registry.makeGauge(
                descriptor: Self.name("bundle_info", unit: "", "The bundle in service (value 1), by id and digest"),
                labels: [("id", old.id), ("digest", old.digest)])
            registry.unregisterGauge(gauge)
        }
        registry.makeGauge(
            descriptor: Self.name("bundle_info", unit: "", "The bundle in service (value 1), by id and digest"),
            labels: [("id", id), ("digest", digest)]
        ).set(to: 1)
    }

    func reloaded(applied: Bool) {
        if applied { reloadsApplied.increment() } else { reloadsRefused.increment() }
    }

    func text() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
