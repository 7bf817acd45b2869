import SigilRBAC

/// Access decisions against a three-role table (the example blog's: admin, user, viewer).
///
/// No peer: none of the packages measured here has an RBAC engine.
enum RBACRows {
    static func make() throws -> [Row] {
        let policy = try Policy(roles: [
            Role("admin", permissions: ["read:*", "write:*", "delete:*"]),
            Role("user", permissions: ["read:posts", "write:own_posts"]),
            Role("viewer", permissions: ["read:posts"]),
        ])
        // Every role, and a subject without roles, against a spread of requests, ownership
        // included: 4 subjects × 5 requests = 20 decisions, 8 of them allowed.
        let subjects = [
            Subject(userID: "1", roles: ["admin"]),
            Subject(userID: "2", roles: ["user"]),
            Subject(userID: "3", roles: ["viewer"]),
            Subject(userID: "4"),
        ]
        let requests: [(permission: Permission, owner: String?)] = [
            (try Permission("read:posts"), nil),
            (try Permission("write:posts"), "2"),
            (try Permission("write:posts"), "1"),
            (try Permission("delete:posts"), "2"),
            (try Permission("read:users"), nil),
        ]
        let decideAll = { @Sendable () -> Int in
            var allowed = 0
            for subject in subjects {
                for request in requests
                where policy.evaluate(subject, request.permission, owner: request.owner).isAllowed {
                    allowed &+= 1
                }
            }
            return allowed
        }
        let allowed = decideAll()
        guard allowed == 8 else {
            throw Disagreement(row: "RBAC", detail: "\(allowed) of 20 decisions allowed, the table allows 8")
        }
        let user = subjects[1]
        let ownWrite = requests[1]
        guard policy.evaluate(user, ownWrite.permission, owner: ownWrite.owner).isAllowed else {
            throw Disagreement(row: "RBAC", detail: "a user may not write its own post")
        }
        return [
            Row(
                "RBAC decisions, example role table (20-request mix)", .perSecond("decisions"),
                operations: subjects.count * requests.count,
                sigil: { blackHole(decideAll()) },
                peers: []
            ),
            Row(
                "RBAC decision, allow path (user writes own post)", .perSecond("decisions"),
                sigil: { blackHole(policy.evaluate(user, ownWrite.permission, owner: ownWrite.owner).isAllowed) },
                peers: []
            ),
        ]
    }
}
