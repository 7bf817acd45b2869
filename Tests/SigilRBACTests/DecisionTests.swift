import SigilRBAC
import Testing

@Suite("Decisions: deny by default, ownership, direct permissions")
struct DecisionTests {
    let policy = Policy.sample

    @Test("no subject is denied, as unauthenticated")
    func noSubject() throws {
        let read = try Permission("read:posts")
        let decision = policy.evaluate(nil, read)
        #expect(!decision.isAllowed)
        #expect(decision.denial?.code == .unauthenticated)
        #expect(decision.denial?.userID == nil)
        #expect(throws: PermissionDeniedError.self) { try policy.require(nil, read) }
        #expect(!policy.evaluate(nil, .anyOf("user", "admin")).isAllowed)
        #expect(policy.evaluate(nil, .anyOf("user")).denial?.code == .unauthenticated)
    }

    @Test("a subject with no roles and no permissions is denied everything, even a wildcard request")
    func emptySubject() throws {
        let nobody = Subject(userID: "n")
        for text in ["read:posts", "write:own_posts", "*", "read:*"] {
            let decision = policy.evaluate(nobody, try Permission(text), owner: "n")
            #expect(decision.denial?.code == .missingPermission)
        }
    }

    @Test("an empty policy denies every role")
    func emptyPolicy() throws {
        let empty = try Policy(roles: [])
        #expect(!empty.evaluate(Subject(userID: "a", roles: ["admin"]), try Permission("read:posts")).isAllowed)
    }

    @Test("unknown roles grant nothing; role names match exactly")
    func unknownRoles() throws {
        let read = try Permission("read:posts")
        for roles in [["superuser"], ["Admin"], ["admin "], [""], ["*"]] {
            #expect(!policy.evaluate(Subject(userID: "s", roles: roles), read).isAllowed, "\(roles)")
        }
        #expect(policy.evaluate(Subject(userID: "s", roles: ["superuser", "viewer"]), read).isAllowed)
    }

    @Test("ownership: a scoped grant allows only the owner; an unscoped grant allows anyone")
    func ownership() throws {
        let write = try Permission("write:posts")
        let user = Subject(userID: "alice", roles: ["user"])
        #expect(policy.evaluate(user, write, owner: "alice").isAllowed)
        #expect(policy.evaluate(user, write, owner: "bob").denial?.code == .notOwner)
        #expect(policy.evaluate(user, write, owner: "Alice").denial?.code == .notOwner)
        #expect(policy.evaluate(user, write, owner: "").denial?.code == .notOwner)
        #expect(policy.evaluate(user, write).denial?.code == .notOwner)

        let direct = Subject(userID: "bob", permissions: ["write:posts"])
        #expect(policy.evaluate(direct, write, owner: "alice").isAllowed)
        #expect(policy.evaluate(direct, write).isAllowed)
        let admin = Subject(userID: "root", roles: ["admin"])
        #expect(policy.evaluate(admin, write, owner: "alice").isAllowed)
    }

    @Test("ownership: the scoped request form asks about the subject's own resource")
    func scopedRequest() throws {
        let writeOwn = try Permission("write:own_posts")
        let user = Subject(userID: "alice", roles: ["user"])
        #expect(policy.evaluate(user, writeOwn).isAllowed)
        #expect(policy.evaluate(user, writeOwn, owner: "alice").isAllowed)
        // An explicit owner wins over the form.
        #expect(policy.evaluate(user, writeOwn, owner: "bob").denial?.code == .notOwner)
        // A scoped request is not a different resource named "own_posts".
        let viewer = Subject(userID: "alice", roles: ["viewer"])
        #expect(policy.evaluate(viewer, writeOwn).denial?.code == .missingPermission)
    }

    @Test("ownership: an empty user id owns nothing, not even resources with an empty owner")
    func emptyUserID() throws {
        let write = try Permission("write:posts")
        let anonymous = Subject(userID: "", roles: ["user"])
        #expect(policy.evaluate(anonymous, write, owner: "").denial?.code == .notOwner)
        #expect(policy.evaluate(anonymous, try Permission("write:own_posts")).denial?.code == .notOwner)
        #expect(policy.evaluate(anonymous, try Permission("read:posts")).isAllowed)
    }

    @Test("ownership: own_* scopes every resource, and is per resource type otherwise")
    func ownershipWildcard() throws {
        let custom = try Policy(roles: [
            Role("member", permissions: ["write:own_*", "delete:own_comments"])
        ])
        let member = Subject(userID: "m", roles: ["member"])
        #expect(custom.evaluate(member, try Permission("write:posts"), owner: "m").isAllowed)
        #expect(custom.evaluate(member, try Permission("write:comments"), owner: "m").isAllowed)
        #expect(custom.evaluate(member, try Permission("write:posts"), owner: "z").denial?.code == .notOwner)
        #expect(custom.evaluate(member, try Permission("delete:comments"), owner: "m").isAllowed)
        #expect(custom.evaluate(member, try Permission("delete:posts"), owner: "m").denial?.code == .missingPermission)
        #expect(custom.evaluate(member, try Permission("read:posts"), owner: "m").denial?.code == .missingPermission)
    }

    @Test("direct permissions are granted; malformed ones grant nothing and are kept aside")
    func directPermissions() throws {
        let subject = Subject(
            userID: "d", permissions: ["delete:own_posts", "Read:posts", "read:*x", "publish:drafts"])
        #expect(subject.permissions.map(\.rawValue) == ["delete:own_posts", "publish:drafts"])
        #expect(subject.rejectedPermissions == ["Read:posts", "read:*x"])
        #expect(policy.evaluate(subject, try Permission("delete:posts"), owner: "d").isAllowed)
        #expect(policy.evaluate(subject, try Permission("delete:posts"), owner: "e").denial?.code == .notOwner)
        #expect(policy.evaluate(subject, try Permission("publish:drafts")).isAllowed)
        #expect(!policy.evaluate(subject, try Permission("read:posts")).isAllowed)
        #expect(!policy.evaluate(subject, try Permission("read:x")).isAllowed)
    }

    @Test("direct and role grants combine")
    func combined() throws {
        let subject = Subject(userID: "c", roles: ["viewer"], permissions: [try Permission("write:posts")])
        #expect(policy.evaluate(subject, try Permission("read:posts")).isAllowed)
        #expect(policy.evaluate(subject, try Permission("write:posts"), owner: "x").isAllowed)
        #expect(!policy.evaluate(subject, try Permission("delete:posts"), owner: "c").isAllowed)
    }

    @Test("a direct bare * grants everything")
    func directEverything() throws {
        let root = Subject(userID: "r", permissions: ["*"])
        for text in ["read:posts", "delete:*", "*", "*:own_x", "frobnicate:widgets"] {
            #expect(policy.evaluate(root, try Permission(text), owner: "other").isAllowed, "\(text)")
        }
    }

    @Test("wildcard requests need grants at least as wide")
    func wildcardRequests() throws {
        let custom = try Policy(roles: [
            Role("reader", permissions: ["read:posts", "read:users"]),
            Role("all-reader", permissions: ["read:*"]),
            Role("poster", permissions: ["*:posts"]),
        ])
        let reader = Subject(userID: "1", roles: ["reader"])
        #expect(!custom.evaluate(reader, try Permission("read:*")).isAllowed)
        let allReader = Subject(userID: "2", roles: ["all-reader"])
        #expect(custom.evaluate(allReader, try Permission("read:*")).isAllowed)
        #expect(custom.evaluate(allReader, try Permission("read:anything.at-all_1")).isAllowed)
        #expect(!custom.evaluate(allReader, try Permission("reader:posts")).isAllowed)
        #expect(!custom.evaluate(allReader, try Permission("rea:posts")).isAllowed)
        #expect(!custom.evaluate(allReader, try Permission("*:posts")).isAllowed)
        let poster = Subject(userID: "3", roles: ["poster"])
        #expect(custom.evaluate(poster, try Permission("delete:posts"), owner: "x").isAllowed)
        #expect(custom.evaluate(poster, try Permission("*:posts")).isAllowed)
        #expect(!custom.evaluate(poster, try Permission("delete:postsx")).isAllowed)
        #expect(!custom.evaluate(poster, try Permission("delete:post")).isAllowed)
        #expect(!custom.evaluate(poster, try Permission("*")).isAllowed)
    }

    @Test("AccessDecision accessors")
    func accessDecision() throws {
        #expect(AccessDecision.allowed.isAllowed)
        #expect(AccessDecision.allowed.denial == nil)
        let denied = policy.evaluate(Subject(userID: "n"), try Permission("read:posts"))
        #expect(!denied.isAllowed)
        #expect(denied.denial != nil)
    }
}
