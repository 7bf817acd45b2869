extension Policy {
    /// Decides whether `subject` may do what `permission` names, on a resource owned by
    /// `owner`.
    ///
    /// The subject's grants are its direct permissions and the (flattened) grants of each of
    /// its roles that the policy defines. The request is allowed when one grant covers it:
    ///
    /// - every segment of the grant is `*` or equal to the request's (`read:*` covers
    ///   `read:posts`, not `reader:x`; a requested `read:*` needs a grant of `read:*` or wider);
    /// - an unscoped grant (`write:posts`, `write:*`, `*`) applies whatever the owner;
    /// - an ownership-scoped grant (`write:own_posts`) applies only when the resource belongs
    ///   to the subject: `owner` equals ``Subject/userID`` (and is not empty). With no
    ///   `owner`, a request written in the scoped form (`write:own_posts`) asks about the
    ///   subject's own resource, and one in the plain form (`write:posts`) about a resource
    ///   of unknown owner, which scoped grants do not cover.
    ///
    /// Deny by default: no subject, no matching grant, or only scoped grants for someone
    /// else's resource, give ``AccessDecision/denied(_:)``. Allowing allocates nothing; the
    /// denial's reason text is built only when read.
    ///
    /// ```swift
    /// let user = Subject(userID: "alice", roles: ["user"])
    /// policy.evaluate(user, try Permission("write:posts"), owner: "alice")  // .allowed
    /// policy.evaluate(user, try Permission("write:posts"), owner: "bob")    // .denied, code .notOwner
    /// ```
    ///
    /// - Parameters:
    ///   - subject: Who asks; `nil` (not authenticated) is always denied.
    ///   - permission: What it wants to do, e.g. `write:posts`.
    ///   - owner: The user id of the resource's owner, when the resource has one.
    /// - Returns: ``AccessDecision/allowed``, or ``AccessDecision/denied(_:)`` with code
    ///   ``PermissionDeniedError/Code/unauthenticated``,
    ///   ``PermissionDeniedError/Code/notOwner`` (only scoped grants matched) or
    ///   ``PermissionDeniedError/Code/missingPermission``.
    public func evaluate(_ subject: Subject?, _ permission: Permission, owner: String? = nil) -> AccessDecision {
        guard let subject else {
            return .denied(
                PermissionDeniedError(.unauthenticated, userID: nil, requiredPermission: permission, owner: owner))
        }
        return evaluate(subject, permission, owner: owner)
    }

    /// Decides whether `subject` may do what `permission` names, on a resource owned by
    /// `owner`: the optional-subject `evaluate(_:_:owner:)` for a subject that is present (this
    /// overload spares the copy into an optional on the hot path).
    ///
    /// - Parameters:
    ///   - subject: Who asks.
    ///   - permission: What it wants to do, e.g. `write:posts`.
    ///   - owner: The user id of the resource's owner, when the resource has one.
    /// - Returns: ``AccessDecision/allowed``, or ``AccessDecision/denied(_:)`` with code
    ///   ``PermissionDeniedError/Code/notOwner`` or ``PermissionDeniedError/Code/missingPermission``.
    public func evaluate(_ subject: Subject, _ permission: Permission, owner: String? = nil) -> AccessDecision {
        let ownedBySubject: Bool
        if subject.userID.isEmpty {
            ownedBySubject = false
        } else if let owner {
            ownedBySubject = owner == subject.userID
        } else {
            ownedBySubject = permission.isOwnershipScoped
        }
        let request = permission.pattern
        var onlyScopedMatched = false
        // Scans grants as plain-integer patterns; the strings are read only for segments
        // longer than a key holds. Returns true when a grant allows the request.
        func allows(_ patterns: [PermissionPattern], _ grants: [Permission]) -> Bool {
            for index in patterns.indices {
                let grant = patterns[index]
                switch grant.match(request) {
                case .no: continue
                case .yes: break
                case .compareText: if !grants[index].segmentsEqual(permission) { continue }
                }
                if ownedBySubject || !grant.isOwnershipScoped { return true }
                onlyScopedMatched = true
            }
            return false
        }
        if allows(subject.permissionPatterns, subject.permissions) { return .allowed }
        for (name, key) in zip(subject.roles, subject.roleKeys) {
            guard let index = index(ofRole: name, key: key) else { continue }
            if allows(compiledRoles[index].patterns, compiledRoles[index].grants) { return .allowed }
        }
        return .denied(
            PermissionDeniedError(
                onlyScopedMatched ? .notOwner : .missingPermission, userID: subject.userID,
                requiredPermission: permission, owner: owner))
    }

    /// Checks that `subject` may do what `permission` names, on a resource owned by `owner`.
    ///
    /// The same decision as ``evaluate(_:_:owner:)-(Subject,_,_)``, as a throwing call for guards:
    ///
    /// ```swift
    /// try policy.require(subject, writePosts, owner: post.authorID)
    /// ```
    ///
    /// - Parameters:
    ///   - subject: Who asks; `nil` is always denied.
    ///   - permission: The required permission.
    ///   - owner: The user id of the resource's owner, when the resource has one.
    /// - Throws: ``PermissionDeniedError`` carrying the required permission, the user id and
    ///   the owner, when access is denied.
    public func require(
        _ subject: Subject?, _ permission: Permission, owner: String? = nil
    )
        throws(PermissionDeniedError)
    {
        if case .denied(let error) = evaluate(subject, permission, owner: owner) { throw error }
    }

    /// Decides whether `subject` holds at least one of the roles `requirement` lists.
    ///
    /// A subject role counts when the policy defines it; it satisfies the requirement when
    /// it is one of the listed roles or inherits one of them. Unknown roles, on either
    /// side, match nothing, and an empty requirement is never met.
    ///
    /// - Parameters:
    ///   - subject: Who asks; `nil` is always denied.
    ///   - requirement: The acceptable roles, e.g. `.anyOf("user", "admin")`.
    /// - Returns: ``AccessDecision/allowed``, or ``AccessDecision/denied(_:)`` with code
    ///   ``PermissionDeniedError/Code/unauthenticated`` or
    ///   ``PermissionDeniedError/Code/missingRole``.
    public func evaluate(_ subject: Subject?, _ requirement: RoleRequirement) -> AccessDecision {
        guard let subject else {
            return .denied(
                PermissionDeniedError(
                    .unauthenticated, userID: nil, requiredPermission: nil, requiredRoles: requirement.roles))
        }
        return evaluate(subject, requirement)
    }

    /// Decides whether `subject` holds at least one of the roles `requirement` lists:
    /// the optional-subject `evaluate(_:_:)` for a subject that is present.
    ///
    /// - Parameters:
    ///   - subject: Who asks.
    ///   - requirement: The acceptable roles, e.g. `.anyOf("user", "admin")`.
    /// - Returns: ``AccessDecision/allowed``, or ``AccessDecision/denied(_:)`` with code
    ///   ``PermissionDeniedError/Code/missingRole``.
    public func evaluate(_ subject: Subject, _ requirement: RoleRequirement) -> AccessDecision {
        for (name, key) in zip(subject.roles, subject.roleKeys) {
            guard let held = index(ofRole: name, key: key) else { continue }
            let ancestors = compiledRoles[held].ancestors
            for required in requirement.roles {
                if let index = roleIndex[required], ancestors.contains(index) { return .allowed }
            }
        }
        return .denied(
            PermissionDeniedError(
                .missingRole, userID: subject.userID, requiredPermission: nil, requiredRoles: requirement.roles))
    }

    /// Checks that `subject` holds at least one of the roles `requirement` lists.
    ///
    /// The same decision as `evaluate(_:_:)` with a ``RoleRequirement``, as a throwing call:
    ///
    /// ```swift
    /// try policy.require(subject, .anyOf("user", "admin"))
    /// ```
    ///
    /// - Parameters:
    ///   - subject: Who asks; `nil` is always denied.
    ///   - requirement: The acceptable roles.
    /// - Throws: ``PermissionDeniedError`` with code ``PermissionDeniedError/Code/missingRole``
    ///   (or ``PermissionDeniedError/Code/unauthenticated``) carrying the required roles and
    ///   the user id.
    public func require(_ subject: Subject?, _ requirement: RoleRequirement) throws(PermissionDeniedError) {
        if case .denied(let error) = evaluate(subject, requirement) { throw error }
    }

    /// Checks, once at startup, that a role requirement names only roles this policy
    /// defines (a typo would otherwise make the requirement silently unmeetable).
    ///
    /// - Parameter requirement: The requirement to check.
    /// - Throws: ``PolicyError`` with code ``PolicyError/Code/unknownRole`` and path
    ///   `requirement.roles[i]`, or when the requirement lists no roles
    ///   (``PolicyError/Code/missingField``, path `requirement.roles`).
    public func validate(_ requirement: RoleRequirement) throws(PolicyError) {
        if requirement.roles.isEmpty { throw PolicyError(.missingField, path: "requirement.roles") }
        for (index, name) in requirement.roles.enumerated() where roleIndex[name] == nil {
            throw PolicyError(.unknownRole, path: PolicyPath.element("requirement.roles", index), value: name)
        }
    }

    /// Everything `subject` may do: its direct permissions together with the grants of its
    /// roles (inherited ones included), for display (e.g.
    ///
    /// a whoami tool).
    ///
    /// The list is minimal and sorted by text: duplicates and grants covered by a wider one
    /// are left out (`read:posts` is not listed next to `read:*`; `write:own_posts` is not
    /// listed next to `write:posts`). Unknown roles contribute nothing; malformed direct
    /// permissions were already dropped when the subject was built.
    ///
    /// - Parameter subject: The subject; `nil` has no permissions.
    /// - Returns: The subject's effective permissions, sorted.
    public func effectivePermissions(of subject: Subject?) -> [Permission] {
        guard let subject else { return [] }
        var all = subject.permissions
        for name in subject.roles {
            if let index = roleIndex[name] { all += compiledRoles[index].grants }
        }
        return Self.minimalGrants(all)
    }

    /// The roles `subject` holds that the policy defines, together with the roles they
    /// inherit, sorted by name.
    ///
    /// - Parameter subject: The subject; `nil` has no roles.
    /// - Returns: The effective role names, sorted, each once.
    public func effectiveRoles(of subject: Subject?) -> [String] {
        guard let subject else { return [] }
        var result: [String] = []
        for (index, role) in roles.enumerated() {
            let held = subject.roles.contains { name in
                guard let heldIndex = roleIndex[name] else { return false }
                return compiledRoles[heldIndex].ancestors.contains(index)
            }
            if held { result.append(role.name) }
        }
        return result.sorted()
    }
}
