import Foundation
import GavelEngine
import GavelSyntax

/// `gavel test --format junit`: the JUnit XML that CI systems read (the
/// Ant/Surefire layout Jenkins, GitLab and GitHub reporters accept): one
/// `testsuite` per case file, one `testcase` per case.
enum JUnitReport {
    static func render(_ results: TestResults, suiteName: String) -> String {
        var files: [String] = []
        var byFile: [String: [TestResults.CaseResult]] = [:]
        for result in results.results {
            if byFile[result.location.file] == nil { files.append(result.location.file) }
            byFile[result.location.file, default: []].append(result)
        }
        let total = results.results.count
        let time = results.results.map(\.seconds).reduce(0, +)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape(suiteName))\" tests=\"\(total)\" failures=\"\(results.failed)\" "
            + "errors=\"\(results.errored)\" skipped=\"\(results.skipped)\" time=\"\(seconds(time))\">\n"
        for (index, file) in files.enumerated() {
            let cases = byFile[file] ?? []
            let failures = cases.filter { if case .failed = $0.outcome { true } else { false } }.count
            let errors = cases.filter { if case .error = $0.outcome { true } else { false } }.count
            let skipped = cases.filter { if case .skipped = $0.outcome { true } else { false } }.count
            out += "  <testsuite id=\"\(index)\" name=\"\(escape(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" "
                + "errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds(cases.map(\.seconds).reduce(0, +)))\">\n"
            for result in cases {
                out += "    <testcase name=\"\(escape(result.id))\" classname=\"\(escape(file))\" time=\"\(seconds(result.seconds))\""
                switch result.outcome {
                case .passed:
                    out += "/>\n"
                case .failed(let failures):
                    out += ">\n      <failure message=\"\(escape(failures.first ?? "failed"))\" type=\"expectation\">"
                    out += escape(failures.joined(separator: "\n") + (result.trail.map { "\n\n" + $0 } ?? ""))
                    out += "</failure>\n    </testcase>\n"
                case .skipped(let why):
                    out += ">\n      <skipped message=\"\(escape(why))\"/>\n    </testcase>\n"
                case .error(let diagnostics):
                    out += ">\n      <error message=\"\(escape(diagnostics.first?.message ?? "error"))\" type=\"\(escape(diagnostics.first?.rule ?? "error"))\">"
                    out += escape(diagnostics.map(\.oneLine).joined(separator: "\n"))
                    out += "</error>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.6f", value) }

    /// XML text and attribute escaping; characters XML 1.0 cannot carry at all become `\u{…}`.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) {
                    out += "\\u{\(String(v, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
