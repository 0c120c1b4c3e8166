import Foundation
import GavelSyntax

/// `--auth FILE`: who may call the service, as YAML
///
///     tokens:
///       - { name: analyst-1, sha256: <hex of the token's SHA-256>, roles: [evaluate, audit-read] }
///
/// Only the token's SHA-256 is stored, so the file is not a secret; a
/// request's bearer token is hashed and looked up.
public struct AccessTokens: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case evaluate
        case auditRead = "audit-read"
        case override
    }

    public struct Principal: Sendable, Hashable {
        public var name: String
        public var roles: Set<Role>
    }

    private let byDigest: [String: Principal]

    /// Reads the file; every problem is reported, located, and the service does not start.
    public static func load(_ path: String) -> Result<AccessTokens, DiagnosticError> {
        let bytes: [UInt8]
        switch FileAccess.read(path, display: path, limit: LoadLimits.default.maxFileBytes) {
        case .failure(let problem): return .failure(DiagnosticError([problem]))
        case .success(let b): bytes = b
        }
        let stream = YAMLComposer.compose(bytes, file: path, limits: .default)
        if !stream.errors.isEmpty { return .failure(DiagnosticError(stream.errors)) }
        var problems: [Diagnostic] = []
        func problem(_ message: String, _ at: SourceLocation, code: DiagnosticCode = .wrongType, help: String? = nil) {
            problems.append(.error(code, message, at: at, help: help))
        }
        guard stream.documents.count == 1, let document = stream.documents.first else {
            return .failure(
                DiagnosticError([
                    .error(
                        .wrongType, "expected one YAML document with `tokens:`, found \(stream.documents.count)",
                        at: SourceLocation(file: path, line: 1, column: 1))
                ]))
        }
        var byDigest: [String: Principal] = [:]
        var names = Set<String>()
        guard case .mapping(let top) = document.content, let tokens = top.first(where: { $0.key == "tokens" })?.value,
            case .sequence(let items) = tokens.content
        else {
            problem("expected a mapping with `tokens:`, a list of `{ name, sha256, roles }`", document.location)
            return .failure(DiagnosticError(problems))
        }
        for item in items {
            guard case .mapping(let fields) = item.content else {
                problem("expected a token as `{ name, sha256, roles }`", item.location)
                continue
            }
            func field(_ name: String) -> SourceNode? { fields.first { $0.key == name }?.value }
            for entry in fields where !["name", "sha256", "roles"].contains(entry.key) {
                problem("unknown field `\(entry.key)` in a token: expected name, sha256, roles", entry.keyLocation, code: .unknownField)
            }
            guard let name = field("name")?.scalarText, !name.isEmpty else {
                problem("a token needs a `name`: the principal its requests are logged as", item.location, code: .missingField)
                continue
            }
            if !names.insert(name).inserted { problem("the token name `\(name)` is used twice", item.location, code: .duplicateKey) }
            guard let digestNode = field("sha256"), let digest = digestNode.scalarText?.lowercased(),
                digest.count == 64, digest.allSatisfy({ $0.isHexDigit })
            else {
                problem(
                    "token `\(name)` needs `sha256`: 64 hex digits, the SHA-256 of the token", field("sha256")?.location ?? item.location,
                    help: "printf %s \"$TOKEN\" | sha256sum")
                continue
            }
            var roles = Set<Role>()
            if let rolesNode = field("roles"), case .sequence(let roleNodes) = rolesNode.content {
                for node in roleNodes {
                    guard let text = node.scalarText, let role = Role(rawValue: text) else {
                        problem(
                            "unknown role `\(node.scalarText ?? "?")`: expected \(Role.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))",
                            node.location)
                        continue
                    }
                    roles.insert(role)
                }
            } else {
                problem("token `\(name)` needs `roles`, a list", field("roles")?.location ?? item.location)
            }
            if byDigest[digest] != nil { problem("two tokens have the same sha256", digestNode.location, code: .duplicateKey) }
            byDigest[digest] = Principal(name: name, roles: roles)
        }
        if !problems.isEmpty { return .failure(DiagnosticError(problems)) }
        return .success(AccessTokens(byDigest: byDigest))
    }

    /// No tokens: only for `--no-auth`, where every caller has every role.
    static let open = AccessTokens(byDigest: [:], open: true)
    private let isOpen: Bool

    private init(byDigest: [String: Principal], open: Bool = false) {
        self.byDigest = byDigest
        isOpen = open
    }

    enum Refusal: Error {
        case unauthenticated
        case forbidden(Principal, Role)
    }

    /// The principal behind an `Authorization: Bearer …` header, if it has `role`.
    func authorize(_ header: String?, role: Role) -> Result<Principal, Refusal> {
        if isOpen { return .success(Principal(name: "anonymous", roles: Set(Role.allCases))) }
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return .failure(.unauthenticated) }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        let digest = Digest.hex(Array(token.utf8))
        guard let principal = byDigest[digest] else { return .failure(.unauthenticated) }
        guard principal.roles.contains(role) else { return .failure(.forbidden(principal, role)) }
        return .success(principal)
    }
}

extension SourceNode {
    /// A scalar's text as written; nil for a list or mapping.
    var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }
}
