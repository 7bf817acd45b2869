import SigilRBAC

/// The permissions a role gets when `generate` is given none: SigilRBAC's `Policy.default`,
/// the seed's table (admin: read:*, write:*, delete:*; user: read:posts, write:own_posts;
/// viewer: read:posts), in the table's order.
enum DefaultPermissions {
    /// The union of the roles' permissions (their own, then inherited ones), in definition
    /// order, without repeats. Unknown roles contribute nothing.
    static func permissions(for roles: [String], policy: Policy = .default) -> [String] {
        var result: [String] = []
        var pending = roles
        var visited: [String] = []
        while !pending.isEmpty {
            let name = pending.removeFirst()
            guard !visited.contains(name), let role = policy.roles.first(where: { $0.name == name }) else { continue }
            visited.append(name)
            for permission in role.permissions where !result.contains(permission) {
                result.append(permission)
            }
            pending.append(contentsOf: role.inherits)
        }
        return result
    }
}
