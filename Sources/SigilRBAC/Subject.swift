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
    /// The user's id (a token's `sub`).
    ///
    /// Ownership-scoped grants apply to resources whose owner equals it; an empty id owns
    /// nothing.
    public var userID: String
    /// The roles the subject holds, as names to look up in a policy.
    public var roles: [String] {
        didSet { roleKeys = Self.keys(roles) }
    }
    /// The permissions granted to the subject directly.
    public var permissions: [Permission] {
        didSet { permissionPatterns = permissions.map { $0.pattern } }
    }
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
        self.roleKeys = Self.keys(roles)
        self.permissionPatterns = permissions.map { $0.pattern }
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
        var valid: [Permission] = []
        var rejected: [String] = []
        for text in permissions {
            do throws(PermissionError) {
                valid.append(try Permission(text))
            } catch {
                rejected.append(text)
            }
        }
        self.init(userID: userID, roles: roles, permissions: valid)
        self.rejectedPermissions = rejected
    }

    /// ``roles`` as keys, for a policy's role lookup (kept in step by `didSet`).
    private(set) var roleKeys: [WordKey]
    /// ``permissions`` as patterns, for decisions (kept in step by `didSet`).
    private(set) var permissionPatterns: [PermissionPattern]

    private static func keys(_ roles: [String]) -> [WordKey] {
        roles.map { WordKey($0.utf8) }
    }

    /// Equal when the user ids, roles and permissions (granted and rejected) are equal.
    public static func == (lhs: Subject, rhs: Subject) -> Bool {
        lhs.userID == rhs.userID && lhs.roles == rhs.roles && lhs.permissions == rhs.permissions
            && lhs.rejectedPermissions == rhs.rejectedPermissions
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(userID)
        hasher.combine(roles)
        hasher.combine(permissions)
        hasher.combine(rejectedPermissions)
    }
}
