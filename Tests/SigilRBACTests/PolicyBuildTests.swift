import SigilRBAC
import Testing

@Suite("Policy building: validation, inheritance and cycles")
struct PolicyBuildTests {
    /// Builds `roles` and returns the error it must throw.
    func buildError(_ roles: [Role], sourceLocation: SourceLocation = #_sourceLocation) -> PolicyError? {
        do {
            _ = try Policy(roles: roles)
            Issue.record("the policy was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("the default policy is the example role table")
    func defaultTable() throws {
        let policy = Policy.sample
        #expect(policy.roleNames == ["admin", "user", "viewer"])
        #expect(policy.roles.map(\.inherits) == [[], [], []])
        #expect(policy.grants(ofRole: "admin")?.map(\.rawValue) == ["delete:*", "read:*", "write:*"])
        #expect(policy.grants(ofRole: "user")?.map(\.rawValue) == ["read:posts", "write:own_posts"])
        #expect(policy.grants(ofRole: "viewer")?.map(\.rawValue) == ["read:posts"])
        #expect(policy.grants(ofRole: "editor") == nil)
    }

    @Test("a role inherits its parents' grants transitively")
    func inheritance() throws {
        let policy = try Policy(roles: [
            Role("admin", permissions: ["delete:*"], inherits: ["editor"]),
            Role("editor", permissions: ["write:own_posts"], inherits: ["viewer"]),
            Role("viewer", permissions: ["read:posts"]),
        ])
        #expect(policy.grants(ofRole: "viewer")?.map(\.rawValue) == ["read:posts"])
        #expect(policy.grants(ofRole: "editor")?.map(\.rawValue) == ["read:posts", "write:own_posts"])
        #expect(policy.grants(ofRole: "admin")?.map(\.rawValue) == ["delete:*", "read:posts", "write:own_posts"])
        let admin = Subject(userID: "1", roles: ["admin"])
        #expect(policy.evaluate(admin, try Permission("read:posts")).isAllowed)
        #expect(policy.evaluate(admin, try Permission("write:posts"), owner: "1").isAllowed)
        #expect(!policy.evaluate(admin, try Permission("write:posts"), owner: "2").isAllowed)
        #expect(policy.evaluate(admin, try Permission("delete:users")).isAllowed)
        let viewer = Subject(userID: "3", roles: ["viewer"])
        #expect(!policy.evaluate(viewer, try Permission("write:posts"), owner: "3").isAllowed)
    }

    @Test("a diamond (two paths to one ancestor) is not a cycle")
    func diamond() throws {
        let policy = try Policy(roles: [
            Role("top", inherits: ["left", "right"]),
            Role("left", inherits: ["base"]),
            Role("right", permissions: ["write:posts"], inherits: ["base"]),
            Role("base", permissions: ["read:posts"]),
        ])
        #expect(policy.grants(ofRole: "top")?.map(\.rawValue) == ["read:posts", "write:posts"])
    }

    @Test("flattened grants drop duplicates and grants covered by wider ones")
    func minimalGrants() throws {
        let policy = try Policy(roles: [
            Role(
                "a", permissions: ["read:posts", "read:*", "read:posts", "write:own_posts", "write:posts", "*:own_x"]),
            Role("b", permissions: ["*:*", "*", "read:posts"]),
        ])
        #expect(policy.grants(ofRole: "a")?.map(\.rawValue) == ["*:own_x", "read:*", "write:posts"])
        #expect(policy.grants(ofRole: "b")?.map(\.rawValue) == ["*:*"])
    }

    @Test("a role inheriting itself is a cycle")
    func selfCycle() throws {
        let error = try #require(buildError([Role("admin", permissions: ["read:*"], inherits: ["admin"])]))
        #expect(error.code == .inheritanceCycle)
        #expect(error.cycle == ["admin", "admin"])
        #expect(error.path == "roles.admin.inherits[0]")
        #expect(error.description.contains("admin -> admin"))
    }

    @Test("a three-role cycle is named in order")
    func threeCycle() throws {
        let error = try #require(
            buildError([
                Role("ok", permissions: ["read:posts"]),
                Role("a", inherits: ["ok", "b"]),
                Role("b", inherits: ["c"]),
                Role("c", inherits: ["a"]),
            ]))
        #expect(error.code == .inheritanceCycle)
        #expect(error.cycle == ["a", "b", "c", "a"])
        #expect(error.path == "roles.c.inherits[0]")
        #expect(error.description == "roles.c.inherits[0]: inheritance cycle a -> b -> c -> a")
    }

    @Test("a two-role cycle behind an acyclic role is found")
    func twoCycle() throws {
        let error = try #require(
            buildError([Role("top", inherits: ["x"]), Role("x", inherits: ["y"]), Role("y", inherits: ["x"])]))
        #expect(error.code == .inheritanceCycle)
        #expect(error.cycle == ["x", "y", "x"])
        #expect(error.path == "roles.y.inherits[0]")
    }

    @Test("inheriting an undefined role is an error naming it")
    func unknownInheritedRole() throws {
        let error = try #require(buildError([Role("admin", inherits: ["user", "superuser"]), Role("user")]))
        #expect(error.code == .unknownRole)
        #expect(error.path == "roles.admin.inherits[1]")
        #expect(error.value == "superuser")
        #expect(error.description.contains("\"superuser\""))
    }

    @Test("a malformed permission is reported with its field path and grammar error")
    func invalidPermission() throws {
        let error = try #require(
            buildError([
                Role("viewer", permissions: ["read:posts"]),
                Role("admin", permissions: ["read:*", "write:*", "de*lete:*"]),
            ]))
        #expect(error.code == .invalidPermission)
        #expect(error.path == "roles.admin.permissions[2]")
        #expect(error.value == "de*lete:*")
        #expect(error.permissionError?.code == .misplacedWildcard)
        #expect(error.description.contains("roles.admin.permissions[2]"))
        #expect(error.description.contains("de*lete:*"))
    }

    /// Role names that are not 1 to 128 bytes of [a-z0-9_.-], with the path reported.
    static let badRoleNames: [(String, String)] = [
        ("", "roles[\"\"]"),
        ("Admin", "roles[\"Admin\"]"),
        ("super user", "roles[\"super user\"]"),
        ("a*", "roles[\"a*\"]"),
        ("a:b", "roles[\"a:b\"]"),
        (String(repeating: "r", count: 129), "roles[\"" + String(repeating: "r", count: 64) + "…\"]"),
    ]

    @Test("6 malformed role names are rejected")
    func badRoleNameCount() {
        #expect(Self.badRoleNames.count == 6)
    }

    @Test(arguments: badRoleNames)
    func invalidRoleName(_ name: String, _ path: String) throws {
        let error = try #require(buildError([Role(name, permissions: ["read:posts"])]))
        #expect(error.code == .invalidRoleName)
        #expect(error.path == path)
    }

    @Test("a role of 128 bytes is accepted")
    func longestRoleName() throws {
        let name = String(repeating: "r", count: 128)
        let policy = try Policy(roles: [Role(name, permissions: ["read:posts"])])
        #expect(policy.roleNames == [name])
    }

    @Test("two roles with one name are an error")
    func duplicateRole() throws {
        let error = try #require(buildError([Role("user"), Role("admin"), Role("user", permissions: ["read:*"])]))
        #expect(error.code == .duplicateRole)
        #expect(error.path == "roles.user")
    }

    @Test("too many roles or entries are refused")
    func limits() throws {
        let many = (0...Policy.maximumRoleCount).map { Role("r\($0)") }
        let tooManyRoles = try #require(buildError(many))
        #expect(tooManyRoles.code == .limitExceeded)
        #expect(tooManyRoles.path == "roles")
        _ = try Policy(roles: Array(many.dropLast()))

        let entries = [String](repeating: "read:posts", count: Policy.maximumEntryCount / 2)
        let tooManyEntries = try #require(
            buildError([Role("a", permissions: entries), Role("b", permissions: entries + ["x:y"])]))
        #expect(tooManyEntries.code == .limitExceeded)
        #expect(tooManyEntries.path == "roles.b")
        _ = try Policy(roles: [Role("a", permissions: entries), Role("b", permissions: entries)])
    }

    @Test("a deep inheritance chain at the limits compiles")
    func deepChain() throws {
        let count = Policy.maximumRoleCount
        let roles = (0..<count).map { index in
            Role("r\(index)", permissions: ["act\(index):res"], inherits: index + 1 < count ? ["r\(index + 1)"] : [])
        }
        let policy = try Policy(roles: roles)
        #expect(policy.grants(ofRole: "r0")?.count == count)
        #expect(policy.grants(ofRole: "r\(count - 1)")?.count == 1)
        let subject = Subject(userID: "u", roles: ["r0"])
        #expect(policy.evaluate(subject, try Permission("act\(count - 1):res")).isAllowed)
        #expect(policy.effectiveRoles(of: subject).count == count)
    }

    @Test("PolicyError equality is by code")
    func errorEquality() throws {
        let a = try #require(buildError([Role("a", inherits: ["x"])]))
        let b = try #require(buildError([Role("b", inherits: ["y"])]))
        #expect(a == b)
        #expect(a.path != b.path)
        #expect(a.code.description == "unknownRole")
    }
}
