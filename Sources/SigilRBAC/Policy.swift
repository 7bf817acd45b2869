/// A validated, compiled set of roles that answers access questions.
///
/// Build a policy once, in code with ``init(roles:)`` or from a JSON document, and share it
/// (it is an immutable `Sendable` value). Building validates every role name, permission
/// string and inherited role, rejects inheritance cycles, and flattens each role's grants
/// (its own and those of every role it inherits, transitively) into a minimal list, so that
/// a decision is a scan of a few precompiled grants with no allocation when access is
/// allowed.
///
/// ```swift
/// let policy = try Policy(roles: [
///     Role("viewer", permissions: ["read:posts"]),
///     Role("editor", permissions: ["write:own_posts"], inherits: ["viewer"]),
/// ])
/// let alice = Subject(userID: "alice", roles: ["editor"])
/// policy.evaluate(alice, try Permission("write:posts"), owner: "alice").isAllowed   // true
/// policy.evaluate(alice, try Permission("write:posts"), owner: "bob").isAllowed     // false
/// ```
///
/// ## Rules
///
/// - **Deny by default.** No subject, or a subject with no roles and no permissions, is
///   denied everything. A role the policy does not define grants nothing.
/// - A subject's grants are its direct ``Subject/permissions`` plus the grants of each of its
///   roles, including inherited roles. Any one grant that covers the request allows it
///   (see ``Permission`` for wildcard and ownership matching).
/// - An ownership-scoped grant (`write:own_posts`) allows a request only when the resource's
///   owner is the subject (see ``evaluate(_:_:owner:)-(Subject,_,_)``).
public struct Policy: Sendable {
    /// The most roles a policy may define.
    public static let maximumRoleCount = 256
    /// The most permission and inherited-role entries a policy may list, over all roles.
    public static let maximumEntryCount = 4096

    /// The roles as defined, in definition order.
    public let roles: [Role]
    /// Role name to index in ``compiledRoles``.
    let roleIndex: [String: Int]
    /// Each role's flattened grants and the set of roles it is (itself and its ancestors).
    let compiledRoles: [CompiledRole]

    /// Each role's name as a key, for lookups without hashing (see ``index(ofRole:key:)``).
    let roleKeys: [WordKey]

    struct CompiledRole: Sendable {
        /// The minimal set of grants, own and inherited, sorted.
        var grants: [Permission]
        /// `grants` packed for decisions.
        var patterns: [PermissionPattern]
        /// Indices of the role itself and every role it inherits, transitively.
        var ancestors: RoleSet
    }

    /// Validates and compiles a policy.
    ///
    /// - Parameter roles: The roles, each with a unique name. Inherited roles must be among
    ///   them; their order does not matter.
    /// - Throws: ``PolicyError`` whose ``PolicyError/path`` names the offending field, e.g.
    ///   `roles.admin.permissions[2]` for a malformed permission
    ///   (``PolicyError/Code/invalidPermission``, with the ``PermissionError``),
    ///   `roles.admin.inherits[0]` for an unknown role (``PolicyError/Code/unknownRole``) or
    ///   for the edge that closes a cycle (``PolicyError/Code/inheritanceCycle``, with the
    ///   ``PolicyError/cycle``), ``PolicyError/Code/invalidRoleName``,
    ///   ``PolicyError/Code/duplicateRole`` or ``PolicyError/Code/limitExceeded``.
    public init(roles: [Role]) throws(PolicyError) {
        if roles.count > Self.maximumRoleCount {
            throw PolicyError(.limitExceeded, path: "roles", detail: "more than \(Self.maximumRoleCount) roles")
        }
        var roleIndex: [String: Int] = [:]
        var entries = 0
        for (index, role) in roles.enumerated() {
            let path = PolicyPath.role(role.name)
            guard Role.isValidName(role.name) else { throw PolicyError(.invalidRoleName, path: path, value: role.name) }
            if roleIndex[role.name] != nil { throw PolicyError(.duplicateRole, path: path, value: role.name) }
            roleIndex[role.name] = index
            entries += role.permissions.count + role.inherits.count
            if entries > Self.maximumEntryCount {
                throw PolicyError(
                    .limitExceeded, path: path, detail: "more than \(Self.maximumEntryCount) entries in all")
            }
        }
        var direct: [[Permission]] = []
        var parents: [[Int]] = []
        direct.reserveCapacity(roles.count)
        parents.reserveCapacity(roles.count)
        for role in roles {
            let path = PolicyPath.role(role.name)
            var permissions: [Permission] = []
            permissions.reserveCapacity(role.permissions.count)
            for (index, text) in role.permissions.enumerated() {
                do throws(PermissionError) {
                    permissions.append(try Permission(text))
                } catch {
                    throw PolicyError(
                        .invalidPermission, path: PolicyPath.element(path + ".permissions", index), value: text,
                        permissionError: error)
                }
            }
            var inherited: [Int] = []
            for (index, name) in role.inherits.enumerated() {
                guard let parent = roleIndex[name] else {
                    throw PolicyError(.unknownRole, path: PolicyPath.element(path + ".inherits", index), value: name)
                }
                inherited.append(parent)
            }
            direct.append(permissions)
            parents.append(inherited)
        }
        try Self.checkAcyclic(roles: roles, parents: parents)

        var compiled: [CompiledRole] = []
        compiled.reserveCapacity(roles.count)
        for index in roles.indices {
            let ancestors = Self.ancestors(of: index, parents: parents)
            var grants: [Permission] = []
            for ancestor in ancestors { grants += direct[ancestor] }
            var set = RoleSet(capacity: roles.count)
            for ancestor in ancestors { set.insert(ancestor) }
            let minimal = Self.minimalGrants(grants)
            compiled.append(CompiledRole(grants: minimal, patterns: minimal.map { $0.pattern }, ancestors: set))
        }
        self.roles = roles
        self.roleIndex = roleIndex
        self.compiledRoles = compiled
        self.roleKeys = roles.map { WordKey($0.name.utf8) }
    }

    /// Up to this many roles, a role is found by comparing keys rather than by hashing.
    static let linearLookupLimit = 16

    /// The index of the role called `name` (whose key is `key`), or `nil` if undefined.
    func index(ofRole name: String, key: WordKey) -> Int? {
        guard roleKeys.count <= Self.linearLookupLimit else { return roleIndex[name] }
        for index in roleKeys.indices where roleKeys[index] == key {
            if key.isComplete || roles[index].name == name { return index }
        }
        return nil
    }

    /// The names of the roles the policy defines, sorted.
    public var roleNames: [String] {
        roles.map { $0.name }.sorted()
    }

    /// The grants a role carries, its own and inherited ones, as a minimal sorted list
    /// (a grant covered by another is left out, see ``Permission/covers(_:)``).
    ///
    /// - Parameter name: A role name.
    /// - Returns: The grants, or `nil` if the policy does not define the role.
    public func grants(ofRole name: String) -> [Permission]? {
        guard let index = roleIndex[name] else { return nil }
        return compiledRoles[index].grants
    }

    // MARK: - Compilation

    private static func checkAcyclic(roles: [Role], parents: [[Int]]) throws(PolicyError) {
        // Iterative depth-first search: 0 = unvisited, 1 = on the current path, 2 = done.
        var state = [UInt8](repeating: 0, count: roles.count)
        var path: [(role: Int, next: Int)] = []
        for start in roles.indices where state[start] == 0 {
            state[start] = 1
            path.append((start, 0))
            while let top = path.last {
                let edges = parents[top.role]
                guard top.next < edges.count else {
                    state[top.role] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let parent = edges[top.next]
                if state[parent] == 1 {
                    let first = path.firstIndex { $0.role == parent } ?? 0
                    let cycle = path[first...].map { roles[$0.role].name } + [roles[parent].name]
                    let field = PolicyPath.element(PolicyPath.role(roles[top.role].name) + ".inherits", top.next)
                    throw PolicyError(.inheritanceCycle, path: field, value: roles[parent].name, cycle: cycle)
                }
                if state[parent] == 0 {
                    state[parent] = 1
                    path.append((parent, 0))
                }
            }
        }
    }

    /// The role itself, then every role it inherits, depth first, each once.
    private static func ancestors(of role: Int, parents: [[Int]]) -> [Int] {
        var seen = [Bool](repeating: false, count: parents.count)
        var order: [Int] = []
        var pending = [role]
        while let next = pending.popLast() {
            if seen[next] { continue }
            seen[next] = true
            order.append(next)
            pending += parents[next].reversed()
        }
        return order
    }

    /// Structural identity of a grant: `*` and `*:*` are the same grant.
    private struct GrantKey: Hashable {
        var action: Substring
        var resource: Substring
        var owned: Bool
    }

    /// `permissions` without duplicates and without grants that another grant covers,
    /// sorted.
    ///
    /// Linear in the number of grants (each grant has at most seven wider forms).
    static func minimalGrants(_ permissions: [Permission]) -> [Permission] {
        var firstByKey: [GrantKey: Permission] = [:]
        for permission in permissions {
            let key = GrantKey(
                action: permission.action, resource: permission.resource, owned: permission.isOwnershipScoped)
            if firstByKey[key] == nil { firstByKey[key] = permission }
        }
        var result: [Permission] = []
        for (key, permission) in firstByKey {
            var covered = false
            for action in key.action == "*" ? ["*"] : [key.action, "*"] {
                for resource in key.resource == "*" ? ["*"] : [key.resource, "*"] {
                    for owned in key.owned ? [true, false] : [false] {
                        let wider = GrantKey(action: action, resource: resource, owned: owned)
                        if wider != key && firstByKey[wider] != nil { covered = true }
                    }
                }
            }
            if !covered { result.append(permission) }
        }
        return result.sorted()
    }
}

/// A set of role indices below ``Policy/maximumRoleCount``, as a bit set.
struct RoleSet: Sendable {
    private var words: [UInt64]

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    mutating func insert(_ index: Int) {
        words[index / 64] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        let word = index / 64
        guard index >= 0, word < words.count else { return false }
        return words[word] & (1 << UInt64(index % 64)) != 0
    }
}
