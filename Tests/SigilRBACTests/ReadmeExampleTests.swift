import SigilRBAC
import Testing

/// The README's RBAC snippet, compiled and run, so the README stays true.
@Suite("README quick start: RBAC")
struct ReadmeExampleTests {
    @Test("roles, permissions and ownership with the example role table")
    func exampleTable() throws {
        let policy = Policy.sample  // admin, user, viewer: the example role table
        let alice = Subject(userID: "user_alice", roles: ["user"])
        let writePosts = try Permission("write:posts")  // build once, at start-up

        #expect(policy.evaluate(alice, writePosts, owner: "user_alice").isAllowed)  // her own post
        #expect(!policy.evaluate(alice, writePosts, owner: "user_bob").isAllowed)  // not hers
        try policy.require(alice, .anyOf("user", "admin"))  // a role requirement
        #expect(policy.effectivePermissions(of: alice).map(\.rawValue) == ["read:posts", "write:own_posts"])

        let deletePosts = try Permission("delete:posts")
        let denial = try #require(policy.evaluate(alice, deletePosts, owner: "user_alice").denial)
        #expect(denial.userID == "user_alice")
        #expect(denial.requiredPermission == deletePosts)
        #expect(throws: PermissionDeniedError.self) { try policy.require(alice, deletePosts, owner: "user_alice") }
    }
}
