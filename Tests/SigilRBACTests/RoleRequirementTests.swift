import SigilRBAC
import Testing

@Suite("Role requirements")
struct RoleRequirementTests {
    let inheriting: Policy

    init() throws {
        inheriting = try Policy(roles: [
            Role("admin", permissions: ["*"], inherits: ["user"]),
            Role("user", permissions: ["read:posts"], inherits: ["viewer"]),
            Role("viewer", permissions: ["read:posts"]),
            Role("auditor", permissions: ["read:logs"]),
        ])
    }

    @Test("any of user, admin, under the example role table")
    func exampleAnyOf() throws {
        let requirement = RoleRequirement.anyOf("user", "admin")
        #expect(requirement.roles == ["user", "admin"])
        #expect(RoleRequirement(anyOf: ["user", "admin"]) == requirement)
        let policy = Policy.sample
        #expect(policy.evaluate(Subject(userID: "1", roles: ["admin"]), requirement).isAllowed)
        #expect(policy.evaluate(Subject(userID: "2", roles: ["user"]), requirement).isAllowed)
        #expect(policy.evaluate(Subject(userID: "3", roles: ["viewer", "user"]), requirement).isAllowed)
        let viewer = policy.evaluate(Subject(userID: "3", roles: ["viewer"]), requirement)
        #expect(viewer.denial?.code == .missingRole)
        #expect(viewer.denial?.requiredRoles == ["user", "admin"])
        #expect(viewer.denial?.userID == "3")
        #expect(!policy.evaluate(Subject(userID: "4"), requirement).isAllowed)
        // The example role table has no inheritance: an admin is not a "user".
        #expect(!policy.evaluate(Subject(userID: "1", roles: ["admin"]), .anyOf("user")).isAllowed)
    }

    @Test("an inheriting role satisfies a requirement for an ancestor, not the other way")
    func inheritance() {
        let admin = Subject(userID: "1", roles: ["admin"])
        #expect(inheriting.evaluate(admin, .anyOf("user")).isAllowed)
        #expect(inheriting.evaluate(admin, .anyOf("viewer")).isAllowed)
        #expect(!inheriting.evaluate(admin, .anyOf("auditor")).isAllowed)
        let viewer = Subject(userID: "2", roles: ["viewer"])
        #expect(!inheriting.evaluate(viewer, .anyOf("user", "admin")).isAllowed)
        #expect(inheriting.effectiveRoles(of: admin) == ["admin", "user", "viewer"])
        #expect(inheriting.effectiveRoles(of: viewer) == ["viewer"])
        #expect(inheriting.effectiveRoles(of: Subject(userID: "3", roles: ["ghost", "auditor"])) == ["auditor"])
        #expect(inheriting.effectiveRoles(of: nil) == [])
    }

    @Test("unknown roles match nothing, on the subject or in the requirement")
    func unknownRoles() {
        let ghost = Subject(userID: "1", roles: ["ghost"])
        #expect(inheriting.evaluate(ghost, .anyOf("ghost")).denial?.code == .missingRole)
        #expect(!Policy.sample.evaluate(Subject(userID: "1", roles: ["Admin"]), .anyOf("admin")).isAllowed)
    }

    @Test("an empty requirement is never met")
    func emptyRequirement() {
        let admin = Subject(userID: "1", roles: ["admin"])
        let decision = inheriting.evaluate(admin, RoleRequirement(anyOf: []))
        #expect(decision.denial?.code == .missingRole)
        #expect(decision.denial?.reason.contains("lists no roles") == true)
    }

    @Test("require throws PermissionDeniedError for a missing role")
    func require() throws {
        let viewer = Subject(userID: "v7", roles: ["viewer"])
        #expect(throws: Never.self) {
            try Policy.sample.require(Subject(userID: "a", roles: ["admin"]), .anyOf("user", "admin"))
        }
        do {
            try Policy.sample.require(viewer, .anyOf("user", "admin"))
            Issue.record("a viewer met any of user, admin")
        } catch {
            #expect(error.code == .missingRole)
            #expect(error.userID == "v7")
            #expect(error.requiredRoles == ["user", "admin"])
            #expect(error.requiredPermission == nil)
            #expect(error.reason == "permission denied: user \"v7\" has none of the roles user, admin")
        }
        #expect(throws: PermissionDeniedError.self) { try Policy.sample.require(nil, .anyOf("user")) }
    }

    @Test("validate rejects requirements naming undefined roles, or none")
    func validate() throws {
        try Policy.sample.validate(.anyOf("user", "admin"))
        do {
            try Policy.sample.validate(.anyOf("user", "admn"))
            Issue.record("a typo was accepted")
        } catch {
            #expect(error.code == .unknownRole)
            #expect(error.path == "requirement.roles[1]")
            #expect(error.value == "admn")
        }
        #expect(throws: PolicyError.self) { try Policy.sample.validate(RoleRequirement(anyOf: [])) }
    }
}
