/// A named set of permissions, optionally inheriting the permissions of other roles.
///
/// A `Role` is a plain description, checked only when a ``Policy`` is built from it:
/// ``Policy/init(roles:)`` validates the name, every permission string (see ``Permission``
/// for the grammar) and every inherited role, and rejects inheritance cycles.
///
/// ```swift
/// let editor = Role("editor", permissions: ["write:posts", "delete:own_posts"], inherits: ["viewer"])
/// ```
///
/// Role names follow the grammar of a permission word: 1 to ``Permission/maximumLength``
/// bytes of `[a-z0-9_.-]`. A subject's role is matched against them byte for byte.
public struct Role: Hashable, Sendable {
    /// The role's name, for example `admin`.
    public var name: String
    /// The permissions the role grants directly, for example `["read:posts", "write:own_posts"]`.
    public var permissions: [String]
    /// The names of the roles whose permissions this role also grants (transitively).
    public var inherits: [String]

    /// Describes a role.
    ///
    /// - Parameters:
    ///   - name: The role's name.
    ///   - permissions: The permission strings it grants directly.
    ///   - inherits: The roles it inherits; each must be defined in the same policy.
    public init(_ name: String, permissions: [String] = [], inherits: [String] = []) {
        self.name = name
        self.permissions = permissions
        self.inherits = inherits
    }

    /// Whether `name` is a well-formed role name: 1 to ``Permission/maximumLength`` bytes of
    /// `[a-z0-9_.-]`.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= Permission.maximumLength else { return false }
        return bytes.allSatisfy(Permission.isWordByte)
    }
}
