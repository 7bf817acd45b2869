import SigilRBAC
import Testing

@Suite("PermissionDeniedError contents")
struct PermissionDeniedErrorTests {
    @Test("require carries the required permission, the user id and the owner")
    func missingPermission() throws {
        let delete = try Permission("delete:posts")
        do {
            try Policy.sample.require(Subject(userID: "alice", roles: ["user"]), delete, owner: "alice")
            Issue.record("a user deleted a post")
        } catch {
            #expect(error.code == .missingPermission)
            #expect(error.requiredPermission == delete)
            #expect(error.userID == "alice")
            #expect(error.owner == "alice")
            #expect(error.requiredRoles.isEmpty)
            #expect(error.reason == "permission denied: user \"alice\" lacks delete:posts")
            #expect(error.description == error.reason)
        }
    }

    @Test("notOwner names the owner, or says none was given")
    func notOwner() throws {
        let write = try Permission("write:posts")
        let user = Subject(userID: "bob", roles: ["user"])
        let other = try #require(Policy.sample.evaluate(user, write, owner: "alice").denial)
        #expect(other.code == .notOwner)
        #expect(
            other.reason
                == "permission denied: user \"bob\" may use write:posts only on resources they own (the resource belongs to \"alice\")"
        )
        let unknown = try #require(Policy.sample.evaluate(user, write).denial)
        #expect(unknown.owner == nil)
        #expect(unknown.reason.hasSuffix("(no owner given)"))
    }

    @Test("unauthenticated has no user id")
    func unauthenticated() throws {
        let denial = try #require(Policy.sample.evaluate(nil, try Permission("read:posts")).denial)
        #expect(denial.userID == nil)
        #expect(denial.reason == "permission denied: no authenticated subject (requires read:posts)")
    }

    @Test("reasons bound and escape hostile ids")
    func hostileIDs() throws {
        let id = String(repeating: "z", count: 5000) + "\"\n"
        let denial = try #require(Policy.sample.evaluate(Subject(userID: id), try Permission("read:posts")).denial)
        #expect(denial.userID == id)
        #expect(denial.reason.utf8.count < 200)
        let quoted = try #require(
            Policy.sample.evaluate(Subject(userID: "a\"b\n"), try Permission("read:posts")).denial)
        #expect(quoted.reason == "permission denied: user \"a\\\"b\\n\" lacks read:posts")
    }

    @Test("equality is by code")
    func equality() throws {
        let read = try Permission("read:posts")
        let one = try #require(Policy.sample.evaluate(Subject(userID: "1"), read).denial)
        let two = try #require(Policy.sample.evaluate(Subject(userID: "2"), try Permission("write:x")).denial)
        #expect(one == two)
        #expect(one.code.description == "missingPermission")
        let three = try #require(Policy.sample.evaluate(nil, read).denial)
        #expect(one != three)
    }
}
