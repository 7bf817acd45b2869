import SigilRBAC
import Testing

@Suite("Effective permissions")
struct EffectivePermissionsTests {
    @Test("direct permissions join role grants, minimal and sorted")
    func combined() throws {
        let subject = Subject(
            userID: "u", roles: ["user", "viewer", "ghost"],
            permissions: ["write:posts", "delete:own_posts", "read:posts"])
        let effective = Policy.sample.effectivePermissions(of: subject).map(\.rawValue)
        #expect(effective == ["delete:own_posts", "read:posts", "write:posts"])
    }

    @Test("wider grants hide the ones they cover")
    func covered() throws {
        let subject = Subject(
            userID: "a", roles: ["admin", "user"], permissions: ["delete:own_posts", "publish:drafts"])
        let effective = Policy.sample.effectivePermissions(of: subject).map(\.rawValue)
        #expect(effective == ["delete:*", "publish:drafts", "read:*", "write:*"])
        let root = Subject(userID: "r", roles: ["admin"], permissions: ["*"])
        #expect(Policy.sample.effectivePermissions(of: root).map(\.rawValue) == ["*"])
    }

    @Test("order is stable whatever the order of roles and permissions")
    func stable() throws {
        let one = Subject(userID: "x", roles: ["viewer", "user"], permissions: ["b:c", "a:b"])
        let two = Subject(userID: "x", roles: ["user", "viewer"], permissions: ["a:b", "b:c"])
        #expect(Policy.sample.effectivePermissions(of: one) == Policy.sample.effectivePermissions(of: two))
        #expect(
            Policy.sample.effectivePermissions(of: one).map(\.rawValue) == [
                "a:b", "b:c", "read:posts", "write:own_posts",
            ])
    }

    @Test("nobody has nothing")
    func nobody() {
        #expect(Policy.sample.effectivePermissions(of: nil).isEmpty)
        #expect(Policy.sample.effectivePermissions(of: Subject(userID: "n", roles: ["ghost"])).isEmpty)
    }

    @Test("every effective permission is allowed, for the subject's own resource")
    func consistentWithDecisions() throws {
        let subject = Subject(userID: "u", roles: ["user"], permissions: ["delete:own_posts"])
        for permission in Policy.sample.effectivePermissions(of: subject) {
            #expect(Policy.sample.evaluate(subject, permission, owner: "u").isAllowed, "\(permission)")
        }
    }
}
