import SigilRBAC
import Testing

@Suite("Permission grammar")
struct PermissionTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var action: String
        var resource: String
        var owned: Bool
        var actionWildcard: Bool
        var resourceWildcard: Bool
        var testDescription: String { text }
    }

    static let valid: [Valid] = [
        Valid(
            text: "read:posts", action: "read", resource: "posts", owned: false, actionWildcard: false,
            resourceWildcard: false),
        Valid(
            text: "write:own_posts", action: "write", resource: "posts", owned: true, actionWildcard: false,
            resourceWildcard: false),
        Valid(
            text: "delete:*", action: "delete", resource: "*", owned: false, actionWildcard: false,
            resourceWildcard: true),
        Valid(
            text: "*:posts", action: "*", resource: "posts", owned: false, actionWildcard: true, resourceWildcard: false
        ),
        Valid(text: "*:*", action: "*", resource: "*", owned: false, actionWildcard: true, resourceWildcard: true),
        Valid(text: "*", action: "*", resource: "*", owned: false, actionWildcard: true, resourceWildcard: true),
        Valid(
            text: "write:own_*", action: "write", resource: "*", owned: true, actionWildcard: false,
            resourceWildcard: true),
        Valid(
            text: "*:own_posts", action: "*", resource: "posts", owned: true, actionWildcard: true,
            resourceWildcard: false),
        Valid(
            text: "a.b-c_9:x.y-z_0", action: "a.b-c_9", resource: "x.y-z_0", owned: false, actionWildcard: false,
            resourceWildcard: false),
        Valid(
            text: "read:owners", action: "read", resource: "owners", owned: false, actionWildcard: false,
            resourceWildcard: false),
        Valid(
            text: "read:own", action: "read", resource: "own", owned: false, actionWildcard: false,
            resourceWildcard: false),
        Valid(
            text: "own_x:posts", action: "own_x", resource: "posts", owned: false, actionWildcard: false,
            resourceWildcard: false),
        Valid(
            text: "r:" + String(repeating: "p", count: Permission.maximumLength - 2), action: "r",
            resource: String(repeating: "p", count: Permission.maximumLength - 2), owned: false, actionWildcard: false,
            resourceWildcard: false),
    ]

    @Test("13 valid permissions parse into their segments")
    func validCount() {
        #expect(Self.valid.count == 13)
    }

    @Test(arguments: valid)
    func parses(_ item: Valid) throws {
        let permission = try Permission(item.text)
        #expect(permission.rawValue == item.text)
        #expect(permission.description == item.text)
        #expect(permission.action == item.action)
        #expect(permission.resource == item.resource)
        #expect(permission.isOwnershipScoped == item.owned)
        #expect(permission.isActionWildcard == item.actionWildcard)
        #expect(permission.isResourceWildcard == item.resourceWildcard)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var text: String
        var code: PermissionError.Code
        var offset: Int
        var testDescription: String { "\(text.debugDescription) -> \(code)" }
    }

    static let malformed: [Malformed] = [
        Malformed(text: "", code: .empty, offset: 0),
        Malformed(
            text: String(repeating: "a", count: 64) + ":" + String(repeating: "b", count: 64), code: .tooLong,
            offset: 128),
        Malformed(text: "read", code: .missingSeparator, offset: 4),
        Malformed(text: "read:posts:1", code: .tooManySegments, offset: 10),
        Malformed(text: "::", code: .tooManySegments, offset: 1),
        Malformed(text: "read:", code: .emptySegment, offset: 5),
        Malformed(text: ":posts", code: .emptySegment, offset: 0),
        Malformed(text: ":", code: .emptySegment, offset: 0),
        Malformed(text: "read:post*", code: .misplacedWildcard, offset: 9),
        Malformed(text: "re*d:posts", code: .misplacedWildcard, offset: 2),
        Malformed(text: "**", code: .misplacedWildcard, offset: 0),
        Malformed(text: "*:**", code: .misplacedWildcard, offset: 2),
        Malformed(text: "read*", code: .misplacedWildcard, offset: 4),
        Malformed(text: "write:own_po*", code: .misplacedWildcard, offset: 12),
        Malformed(text: " read:posts", code: .invalidCharacter, offset: 0),
        Malformed(text: "read:posts ", code: .invalidCharacter, offset: 10),
        Malformed(text: "read: posts", code: .invalidCharacter, offset: 5),
        Malformed(text: "read:\tposts", code: .invalidCharacter, offset: 5),
        Malformed(text: "read:posts\n", code: .invalidCharacter, offset: 10),
        Malformed(text: "Read:posts", code: .invalidCharacter, offset: 0),
        Malformed(text: "read:Posts", code: .invalidCharacter, offset: 5),
        Malformed(text: "read:pöst", code: .invalidCharacter, offset: 6),
        Malformed(text: "read:po/sts", code: .invalidCharacter, offset: 7),
        Malformed(text: "read:po\u{0}sts", code: .invalidCharacter, offset: 7),
        Malformed(text: "write:own_", code: .emptyOwnedResource, offset: 10),
        Malformed(text: "write:own_own_posts", code: .nestedOwnership, offset: 10),
    ]

    @Test("26 malformed permissions are rejected")
    func malformedCount() {
        #expect(Self.malformed.count == 26)
    }

    @Test(arguments: malformed)
    func rejects(_ item: Malformed) {
        #expect(throws: PermissionError.self) { try Permission(item.text) }
        do {
            _ = try Permission(item.text)
        } catch {
            #expect(error.code == item.code)
            #expect(error.offset == item.offset)
            #expect(error.value == item.text || item.text.utf8.count > 64)
            #expect(error.description.contains("invalid permission"))
        }
    }

    @Test("the maximum length is accepted, one more byte is not")
    func lengthBoundary() throws {
        let longest = "r:" + String(repeating: "p", count: Permission.maximumLength - 2)
        _ = try Permission(longest)
        let error = #expect(throws: PermissionError.self) { try Permission(longest + "p") }
        #expect(error?.code == .tooLong)
    }

    @Test("error values are cut to 64 bytes and descriptions escape control characters")
    func errorValueIsBounded() {
        let huge = String(repeating: "x", count: 10_000)
        do {
            _ = try Permission(huge)
            Issue.record("accepted a 10000-byte permission")
        } catch {
            #expect(error.value.utf8.count <= 64 + "…".utf8.count)
            #expect(error.description.utf8.count < 200)
        }
        do {
            _ = try Permission("read:\nposts")
            Issue.record("accepted a newline")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains("\\n"))
        }
    }

    @Test("equality and order follow the text; the bare * is Permission.all")
    func equalityAndOrder() throws {
        #expect(try Permission("read:posts") == Permission("read:posts"))
        #expect(try Permission("read:posts") != Permission("read:*"))
        #expect(try Permission("*") == Permission.all)
        let sorted = try ["write:posts", "read:posts", "*", "delete:*", "read:*"].map(Permission.init).sorted()
        #expect(sorted.map(\.rawValue) == ["*", "delete:*", "read:*", "read:posts", "write:posts"])
    }
}

@Suite("Permission coverage and wildcards")
struct PermissionCoverageTests {
    /// Cases of (grant, other, whether the grant covers the other).
    static let cases: [(String, String, Bool)] = [
        ("read:*", "read:posts", true),
        ("read:*", "reader:x", false),
        ("read:*", "read:*", true),
        ("read:posts", "read:*", false),
        ("read:post", "read:posts", false),
        ("read:posts", "read:post", false),
        ("read:posts", "read:posts", true),
        ("read:posts", "write:posts", false),
        ("rea:*", "read:posts", false),
        ("*:posts", "delete:posts", true),
        ("*:posts", "delete:users", false),
        ("*:posts", "*:*", false),
        ("*", "delete:users", true),
        ("*", "*", true),
        ("*", "*:*", true),
        ("*:*", "*", true),
        ("*", "write:own_posts", true),
        ("read:posts", "*", false),
        ("write:*", "write:own_posts", true),
        ("write:posts", "write:own_posts", true),
        ("write:own_posts", "write:posts", false),
        ("write:own_posts", "write:own_posts", true),
        ("write:own_*", "write:own_posts", true),
        ("write:own_*", "write:posts", false),
        ("write:own_posts", "write:own_*", false),
        ("write:own_posts", "write:own_users", false),
        ("*:own_posts", "delete:own_posts", true),
        ("read:posts", "read:own_posts", true),
    ]

    @Test("28 coverage cases")
    func count() {
        #expect(Self.cases.count == 28)
    }

    @Test(arguments: cases)
    func covers(_ grant: String, _ other: String, _ expected: Bool) throws {
        #expect(try Permission(grant).covers(Permission(other)) == expected)
    }
}
