import SigilRBAC

/// The example blog's roles: the role table of the NextMCP JWT example, which this server
/// reproduces.
///
/// | role     | permissions                         |
/// |----------|-------------------------------------|
/// | `admin`  | `read:*`, `write:*`, `delete:*`      |
/// | `user`   | `read:posts`, `write:own_posts`      |
/// | `viewer` | `read:posts`                         |
///
/// No role inherits another. Inheritance would change no permission decision here (admin's
/// wildcards already cover every grant of `user` and `viewer`), but it would make an admin
/// satisfy a role requirement of "user": the blog's tools list the roles they accept
/// explicitly ("any of user, admin"), and this policy keeps that meaning.
///
/// So: admin may read, write and delete anything; user may read posts and write only the
/// posts it owns (no delete); viewer may only read posts.
public enum BlogRoles {
    /// The table above as a policy.
    public static let policy: Policy = {
        let table = [
            Role("admin", permissions: ["read:*", "write:*", "delete:*"]),
            Role("user", permissions: ["read:posts", "write:own_posts"]),
            Role("viewer", permissions: ["read:posts"]),
        ]
        do throws(PolicyError) {
            return try Policy(roles: table)
        } catch {
            preconditionFailure("the blog's role table is a valid policy: \(error)")
        }
    }()
}
