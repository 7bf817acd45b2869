import SigilRBAC
import Testing

/// The sample role table (`Policy.sample`) end to end: every role, and a subject with no
/// role, against a table of requests.
@Suite("Sample role table, end to end")
struct SamplePolicyTests {
    struct Request: Sendable, CustomTestStringConvertible {
        var permission: String
        var owner: String?
        /// Expected outcome for admin, user, viewer, and a subject with no roles.
        var admin: Bool
        var user: Bool
        var viewer: Bool
        var testDescription: String { permission + (owner.map { " owner=\($0)" } ?? "") }
    }

    // Subjects: admin "a", user "u", viewer "v". Owners: "u" (the user's own), "x" (another).
    static let requests: [Request] = [
        Request(permission: "read:posts", owner: nil, admin: true, user: true, viewer: true),
        Request(permission: "read:posts", owner: "x", admin: true, user: true, viewer: true),
        Request(permission: "read:users", owner: nil, admin: true, user: false, viewer: false),
        Request(permission: "read:*", owner: nil, admin: true, user: false, viewer: false),
        Request(permission: "write:posts", owner: "u", admin: true, user: true, viewer: false),
        Request(permission: "write:posts", owner: "v", admin: true, user: false, viewer: false),
        Request(permission: "write:posts", owner: "x", admin: true, user: false, viewer: false),
        Request(permission: "write:posts", owner: nil, admin: true, user: false, viewer: false),
        Request(permission: "write:own_posts", owner: nil, admin: true, user: true, viewer: false),
        Request(permission: "write:own_posts", owner: "x", admin: true, user: false, viewer: false),
        Request(permission: "write:users", owner: "u", admin: true, user: false, viewer: false),
        Request(permission: "delete:posts", owner: "u", admin: true, user: false, viewer: false),
        Request(permission: "delete:posts", owner: "x", admin: true, user: false, viewer: false),
        Request(permission: "delete:*", owner: nil, admin: true, user: false, viewer: false),
        Request(permission: "publish:posts", owner: "u", admin: false, user: false, viewer: false),
        Request(permission: "*:posts", owner: nil, admin: false, user: false, viewer: false),
        Request(permission: "*", owner: nil, admin: false, user: false, viewer: false),
        Request(permission: "reader:posts", owner: nil, admin: false, user: false, viewer: false),
    ]

    @Test("18 requests x 4 subjects = 72 decisions")
    func count() {
        #expect(Self.requests.count == 18)
        #expect(Self.requests.count * 4 == 72)
    }

    @Test(arguments: requests)
    func decide(_ request: Request) throws {
        let policy = Policy.sample
        let permission = try Permission(request.permission)
        let cases: [(Subject, Bool)] = [
            (Subject(userID: "a", roles: ["admin"]), request.admin),
            (Subject(userID: "u", roles: ["user"]), request.user),
            (Subject(userID: "v", roles: ["viewer"]), request.viewer),
            (Subject(userID: "u"), false),
        ]
        for (subject, expected) in cases {
            let decision = policy.evaluate(subject, permission, owner: request.owner)
            #expect(decision.isAllowed == expected, "\(subject.roles) \(request.testDescription)")
            #expect((decision.denial == nil) == expected)
            if expected {
                #expect(throws: Never.self) { try policy.require(subject, permission, owner: request.owner) }
            } else {
                #expect(throws: PermissionDeniedError.self) {
                    try policy.require(subject, permission, owner: request.owner)
                }
            }
        }
    }

    @Test("the user's write on another's post is denied as notOwner, delete as missingPermission")
    func denialCodes() throws {
        let user = Subject(userID: "u", roles: ["user"])
        let write = Policy.sample.evaluate(user, try Permission("write:posts"), owner: "x")
        #expect(write.denial?.code == .notOwner)
        let delete = Policy.sample.evaluate(user, try Permission("delete:posts"), owner: "u")
        #expect(delete.denial?.code == .missingPermission)
    }

    @Test("effective permissions of each role")
    func effective() {
        let policy = Policy.sample
        #expect(
            policy.effectivePermissions(of: Subject(userID: "a", roles: ["admin"])).map(\.rawValue) == [
                "delete:*", "read:*", "write:*",
            ])
        #expect(
            policy.effectivePermissions(of: Subject(userID: "u", roles: ["user"])).map(\.rawValue) == [
                "read:posts", "write:own_posts",
            ])
        #expect(
            policy.effectivePermissions(of: Subject(userID: "v", roles: ["viewer"])).map(\.rawValue) == ["read:posts"])
        #expect(policy.effectivePermissions(of: Subject(userID: "n")).isEmpty)
    }
}
