import SigilRBAC

/// Who may call a tool: anyone, any holder of a valid token, a holder of one of some roles,
/// or a holder of a permission (through a SigilRBAC `Policy`).
///
/// ```swift
/// .everyone                                                  // public_info, login
/// .authenticated                                             // whoami
/// .anyOf("user", "admin")                                      // create_post
/// .permission(try Permission("read:posts"))                  // list_posts
/// .permission(try Permission("write:posts"), ownedByCaller: true)   // update_post
/// ```
///
/// With `ownedByCaller`, the runtime lets a call through when the caller holds the
/// permission at least on resources it owns (e.g. `write:own_posts`); the tool then looks
/// up the resource's owner and calls ``MCPCaller/require(_:owner:)``.
public struct MCPToolAccess: Sendable, Hashable {
    enum Requirement: Sendable, Hashable {
        case everyone
        case authenticated
        case roles(RoleRequirement)
        case permission(Permission, ownedByCaller: Bool)
    }

    let requirement: Requirement

    /// No token needed; the handler gets no ``MCPCaller``.
    public static let everyone = MCPToolAccess(requirement: .everyone)
    /// Any valid, unrevoked token.
    public static let authenticated = MCPToolAccess(requirement: .authenticated)

    /// A valid token whose subject holds at least one of `roles` under the policy.
    ///
    /// For example, `.anyOf("user", "admin")` (the spelling of SigilRBAC's `RoleRequirement.anyOf(_:)`).
    ///
    /// - Parameter roles: The acceptable roles.
    /// - Returns: The access rule.
    public static func anyOf(_ roles: String...) -> MCPToolAccess {
        MCPToolAccess(requirement: .roles(RoleRequirement(anyOf: roles)))
    }

    /// A valid token whose subject holds `permission` under the policy.
    ///
    /// - Parameters:
    ///   - permission: The permission, e.g. `read:posts`.
    ///   - ownedByCaller: When `true`, holding it only on one's own resources (an `own_`
    ///     grant) is enough to reach the tool, which must then check the resource's owner
    ///     with ``MCPCaller/require(_:owner:)``.
    /// - Returns: The access rule.
    public static func permission(_ permission: Permission, ownedByCaller: Bool = false) -> MCPToolAccess {
        MCPToolAccess(requirement: .permission(permission, ownedByCaller: ownedByCaller))
    }

    /// Whether a token is needed.
    public var needsToken: Bool { requirement != .everyone }

    /// What the rule requires, for messages: `read:posts`, `one of the roles user, admin`.
    public var requirementDescription: String {
        switch requirement {
        case .everyone: return "nothing"
        case .authenticated: return "a valid token"
        case .roles(let roles):
            return roles.roles.count == 1
                ? "the role \(roles.roles[0])" : "one of the roles \(roles.roles.joined(separator: ", "))"
        case .permission(let permission, _): return permission.rawValue
        }
    }
}
