import SigilRBAC

extension Policy {
    /// A three-role table used across these tests: admin may read, write and delete
    /// anything; user may read posts and write only its own; viewer may only read posts.
    ///
    /// No role inherits another.
    static let sample: Policy = {
        do throws(PolicyError) {
            return try Policy(roles: [
                Role("admin", permissions: ["read:*", "write:*", "delete:*"]),
                Role("user", permissions: ["read:posts", "write:own_posts"]),
                Role("viewer", permissions: ["read:posts"]),
            ])
        } catch {
            preconditionFailure("the sample table is a valid policy: \(error)")
        }
    }()
}
