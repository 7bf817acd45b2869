/// A requirement that a subject hold at least one of some roles, for example "any of user, admin".
///
/// Checked with `policy.evaluate(subject, requirement)` or `policy.require(subject, requirement)`.
/// A subject meets it when one of its roles is one of ``roles``, or inherits one of them
/// under the policy. Only roles the policy defines count: an unknown role, on the subject or
/// in the requirement, matches nothing, and a requirement with no roles is never met.
/// ``Policy/validate(_:)`` checks at startup that every required role is defined.
public struct RoleRequirement: Hashable, Sendable {
    /// The roles of which the subject must hold (or inherit) at least one.
    public let roles: [String]

    /// A requirement met by any one of `roles`.
    ///
    /// - Parameter roles: The acceptable roles, e.g. `["user", "admin"]`.
    public init(anyOf roles: [String]) {
        self.roles = roles
    }

    /// A requirement met by any one of `roles`, for example `.anyOf("user", "admin")`.
    ///
    /// - Parameter roles: The acceptable roles.
    /// - Returns: The requirement.
    public static func anyOf(_ roles: String...) -> RoleRequirement {
        RoleRequirement(anyOf: roles)
    }
}
