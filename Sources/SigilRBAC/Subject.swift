/// Who is asking: a user id, the roles it holds and the permissions granted to it directly.
///
/// A server builds a subject from a verified token's `sub`, `roles` and `permissions`
/// claims. The roles are looked up in the ``Policy``; a role the policy does not define
/// grants nothing. The direct permissions are granted as they are.
///
/// ```swift
/// let subject = Subject(userID: "alice", roles: ["user"], permissions: ["delete:own_posts"])
/// ```
///
/// - Important: Direct permissions are trusted: a subject built with `["*"]` may do
///   anything. Build subjects only from verified claims.
public struct Subject: Hashable, Sendable {
    /// The user's id (a token's `sub`). Ownership-scoped grants apply to resources whose
    /// owner equals it; an empty id owns nothing.
    public var userID: String
    /// The roles the subject holds, as names to look up in a policy.
    public var roles: [String]
    /// The permissions granted to the subject directly.
    public var permissions: [Permission]
    /// Direct permission strings that were malformed and therefore grant nothing (kept so
    /// that a caller can log or show them).
    public var rejectedPermissions: [String]

    /// Creates a subject with validated direct permissions.
    ///
    /// - Parameters:
    ///   - userID: The user's id.
    ///   - roles: The role names the subject holds.
    ///   - permissions: The permissions granted to the subject directly.
    public init(userID: String, roles: [String] = [], permissions: [Permission] = []) {
        self.userID = userID
        self.roles = roles
        self.permissions = permissions
        self.rejectedPermissions = []
    }

    /// Creates a subject from permission strings, typically a token's `permissions` claim.
    ///
    /// Malformed strings (see ``Permission`` for the grammar) are not granted: deny by
    /// default. They are kept in ``rejectedPermissions``.
    ///
    /// - Parameters:
    ///   - userID: The user's id.
    ///   - roles: The role names the subject holds.
    ///   - permissions: Permission strings granted to the subject directly.
    public init(userID: String, roles: [String] = [], permissions: [String]) {
        self.init(userID: userID, roles: roles)
        for text in permissions {
            do throws(PermissionError) {
                self.permissions.append(try Permission(text))
            } catch {
                rejectedPermissions.append(text)
            }
        }
    }
}
