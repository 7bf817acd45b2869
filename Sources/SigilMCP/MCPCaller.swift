import SigilJSON
import SigilJWT
import SigilRBAC

/// The authenticated caller of a tool: the verified identity, its RBAC subject and the
/// policy that decides what it may do.
public struct MCPCaller: Sendable {
    /// The verified token's identity (`sub`, `username`, `roles`, `permissions`, claims).
    public let identity: AuthenticatedIdentity
    /// The RBAC subject built from the identity.
    public let subject: Subject
    /// Where the token came from.
    public let tokenSource: MCPTokenSource
    /// The policy that decides access.
    public let policy: Policy

    /// A caller. Tests of tool handlers build one directly, without minting a token:
    ///
    /// ```swift
    /// let identity = try AuthenticatedIdentity(claims: ["sub": "alice", "roles": ["user"]])
    /// let caller = MCPCaller(identity: identity, tokenSource: .arguments, policy: policy)
    /// ```
    ///
    /// - Parameters:
    ///   - identity: The verified identity.
    ///   - subject: The RBAC subject; by default built from the identity's `sub`, `roles`
    ///     and `permissions` (``MCPSubjectMapping/sigilClaims``).
    ///   - tokenSource: Where the token came from.
    ///   - policy: The policy that decides access.
    public init(
        identity: AuthenticatedIdentity, subject: Subject? = nil, tokenSource: MCPTokenSource, policy: Policy
    ) {
        self.identity = identity
        self.subject =
            subject ?? Subject(userID: identity.userID, roles: identity.roles, permissions: identity.permissions)
        self.tokenSource = tokenSource
        self.policy = policy
    }

    /// The token's subject, `sub`.
    public var userID: String { identity.userID }
    /// The token's `username`, or the user id when it has none.
    public var displayName: String { identity.username ?? identity.userID }
    /// Every permission the caller holds, directly or through its roles, sorted.
    public var effectivePermissions: [Permission] { policy.effectivePermissions(of: subject) }

    /// Whether the caller may use `permission` on a resource owned by `owner`.
    ///
    /// - Parameters:
    ///   - permission: The permission, e.g. `write:posts`.
    ///   - owner: The resource owner's user id, or `nil` for no particular resource.
    /// - Returns: `true` when allowed.
    public func holds(_ permission: Permission, owner: String? = nil) -> Bool {
        policy.evaluate(subject, permission, owner: owner).isAllowed
    }

    /// Whether the caller holds (or inherits) one of `roles`.
    ///
    /// - Parameter roles: The acceptable roles.
    /// - Returns: `true` when it holds one.
    public func hasAnyRole(_ roles: [String]) -> Bool {
        policy.evaluate(subject, RoleRequirement(anyOf: roles)).isAllowed
    }

    /// Requires `permission` on a resource owned by `owner`.
    ///
    /// - Parameters:
    ///   - permission: The permission, e.g. `write:posts`.
    ///   - owner: The resource owner's user id.
    /// - Throws: ``MCPToolError`` `permission_denied` naming the permission, and the
    ///   owner when the caller may act only on its own resources.
    public func require(_ permission: Permission, owner: String?) throws(MCPToolError) {
        let decision = policy.evaluate(subject, permission, owner: owner)
        guard case .denied(let denial) = decision else { return }
        if denial.code == .notOwner {
            throw Self.denial(
                requires: "\(permission.rawValue) (you may change only your own)",
                details: ["owner": owner.map { .string($0) } ?? .null])
        }
        throw Self.denial(requires: permission.rawValue, details: [:])
    }

    static func denial(requires requirement: String, details: JSONObject) -> MCPToolError {
        var details = details
        details["requires"] = .string(requirement)
        return MCPToolError(.permissionDenied, "Permission denied: requires \(requirement)", details: details)
    }
}
