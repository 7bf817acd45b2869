import SigilRBAC
import Testing

/// Words longer than the 16 bytes a decision compares as integers, and policies past the
/// size where roles are found by comparison rather than by hashing.
@Suite("Long segments, long role names, many roles")
struct LongNameTests {
    @Test("long segments that share a 16-byte prefix are told apart")
    func longSegments() throws {
        let policy = try Policy(roles: [
            Role("r", permissions: ["read:resource-number-000001", "administrate-everything-1:posts"])
        ])
        let subject = Subject(userID: "s", roles: ["r"])
        #expect(policy.evaluate(subject, try Permission("read:resource-number-000001")).isAllowed)
        #expect(!policy.evaluate(subject, try Permission("read:resource-number-000002")).isAllowed)
        #expect(!policy.evaluate(subject, try Permission("read:resource-number-00000")).isAllowed)
        #expect(!policy.evaluate(subject, try Permission("read:resource-number-0000011")).isAllowed)
        #expect(policy.evaluate(subject, try Permission("administrate-everything-1:posts")).isAllowed)
        #expect(!policy.evaluate(subject, try Permission("administrate-everything-2:posts")).isAllowed)
        let direct = Subject(userID: "d", permissions: ["write:own_resource-number-000001"])
        #expect(policy.evaluate(direct, try Permission("write:resource-number-000001"), owner: "d").isAllowed)
        #expect(!policy.evaluate(direct, try Permission("write:resource-number-000009"), owner: "d").isAllowed)
    }

    @Test("long role names that share a 16-byte prefix are told apart")
    func longRoleNames() throws {
        let policy = try Policy(roles: [
            Role("organisation-reader", permissions: ["read:posts"]),
            Role("organisation-readers", permissions: ["read:users"]),
            Role("organisation-writer", permissions: ["write:posts"]),
        ])
        let readers = Subject(userID: "s", roles: ["organisation-readers"])
        #expect(!policy.evaluate(readers, try Permission("read:posts")).isAllowed)
        #expect(policy.evaluate(readers, try Permission("read:users")).isAllowed)
        // Same length and same first 16 bytes as "organisation-readers", but another name.
        let impostor = Subject(userID: "s", roles: ["organisation-readerz"])
        #expect(!policy.evaluate(impostor, try Permission("read:users")).isAllowed)
        #expect(!policy.evaluate(impostor, .anyOf("organisation-readers")).isAllowed)
        #expect(policy.evaluate(readers, .anyOf("organisation-readers")).isAllowed)
        #expect(!policy.evaluate(readers, .anyOf("organisation-reader")).isAllowed)
    }

    @Test("a policy with many roles finds each one")
    func manyRoles() throws {
        let roles = (0..<40).map { Role("role\($0)", permissions: ["act:res\($0)"]) }
        let policy = try Policy(roles: roles)
        for index in 0..<40 {
            let subject = Subject(userID: "s", roles: ["role\(index)"])
            #expect(policy.evaluate(subject, try Permission("act:res\(index)")).isAllowed)
            #expect(!policy.evaluate(subject, try Permission("act:res\((index + 1) % 40)")).isAllowed)
            #expect(policy.evaluate(subject, .anyOf("role\(index)")).isAllowed)
        }
        #expect(!policy.evaluate(Subject(userID: "s", roles: ["role40"]), try Permission("act:res0")).isAllowed)
    }

    @Test("changing a subject's roles or permissions after creation takes effect")
    func mutatedSubject() throws {
        var subject = Subject(userID: "s", roles: ["viewer"])
        let write = try Permission("write:posts")
        #expect(!Policy.sample.evaluate(subject, write, owner: "s").isAllowed)
        subject.roles = ["user"]
        #expect(Policy.sample.evaluate(subject, write, owner: "s").isAllowed)
        subject.roles = []
        subject.permissions = [write]
        #expect(Policy.sample.evaluate(subject, write, owner: "x").isAllowed)
        #expect(subject == Subject(userID: "s", permissions: [write]))
    }
}
