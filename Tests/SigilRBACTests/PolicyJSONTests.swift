import SigilJSON
import SigilRBAC
import Testing

@Suite("Policy JSON loading")
struct PolicyJSONTests {
    static let exampleDocument = """
        {
          "roles": {
            "admin":  { "permissions": ["read:*", "write:*", "delete:*"] },
            "user":   { "permissions": ["read:posts", "write:own_posts"] },
            "viewer": { "permissions": ["read:posts"] }
          }
        }
        """

    @Test("the example role table as JSON behaves as Policy.sample")
    func exampleTable() throws {
        let loaded = try Policy(json: Self.exampleDocument)
        #expect(loaded.roles == Policy.sample.roles)
        for role in ["admin", "user", "viewer"] {
            #expect(loaded.grants(ofRole: role) == Policy.sample.grants(ofRole: role))
        }
        let user = Subject(userID: "u", roles: ["user"])
        #expect(loaded.evaluate(user, try Permission("write:posts"), owner: "u").isAllowed)
        #expect(!loaded.evaluate(user, try Permission("write:posts"), owner: "x").isAllowed)
    }

    @Test("bytes and parsed documents load the same policy")
    func otherInputs() throws {
        let fromBytes = try Policy(json: Array(Self.exampleDocument.utf8))
        let fromValue = try Policy(json: try JSONValue.parse(Self.exampleDocument))
        #expect(fromBytes.roles == Policy.sample.roles)
        #expect(fromValue.roles == Policy.sample.roles)
    }

    @Test("inheritance, optional members and an empty role list")
    func inheritance() throws {
        let policy = try Policy(
            json:
                #"{"roles":{"editor":{"permissions":["delete:own_posts"],"inherits":["viewer"]},"viewer":{"permissions":["read:posts"]},"nobody":{}}}"#
        )
        #expect(policy.roles.map(\.name) == ["editor", "viewer", "nobody"])
        #expect(policy.grants(ofRole: "editor")?.map(\.rawValue) == ["delete:own_posts", "read:posts"])
        #expect(policy.grants(ofRole: "nobody") == [])
        let empty = try Policy(json: #"{"roles":{}}"#)
        #expect(empty.roles.isEmpty)
        #expect(!empty.evaluate(Subject(userID: "a", roles: ["admin"]), try Permission("read:posts")).isAllowed)
    }

    @Test("jsonValue writes the documented format and loads back")
    func roundTrip() throws {
        let text = Policy.sample.jsonValue().serialized()
        #expect(
            text
                == #"{"roles":{"admin":{"permissions":["read:*","write:*","delete:*"]},"user":{"permissions":["read:posts","write:own_posts"]},"viewer":{"permissions":["read:posts"]}}}"#
        )
        #expect(try Policy(json: text).roles == Policy.sample.roles)
        let inheriting = try Policy(roles: [Role("a", permissions: ["x:y"], inherits: ["b"]), Role("b")])
        #expect(try Policy(json: inheriting.jsonValue()).roles == inheriting.roles)
        #expect(
            inheriting.jsonValue().serialized()
                == #"{"roles":{"a":{"permissions":["x:y"],"inherits":["b"]},"b":{"permissions":[]}}}"#)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var document: String
        var code: PolicyError.Code
        var path: String
        var testDescription: String { "\(code) at \(path.isEmpty ? "(document)" : path)" }
    }

    static let deep =
        #"{"roles":{"a":{"permissions":"# + String(repeating: "[", count: 80) + String(repeating: "]", count: 80)
        + "}}}"

    static let malformed: [Malformed] = [
        Malformed(document: "", code: .invalidJSON, path: ""),
        Malformed(document: "roles: admin", code: .invalidJSON, path: ""),
        Malformed(document: #"{"roles":{"a":{}},}"#, code: .invalidJSON, path: ""),
        Malformed(document: #"{"roles":{"a":{},"a":{}}}"#, code: .invalidJSON, path: ""),
        Malformed(document: #"{"roles":{"a":{"permissions":[],"permissions":["*"]}}}"#, code: .invalidJSON, path: ""),
        Malformed(document: #"{"roles":{}} {}"#, code: .invalidJSON, path: ""),
        Malformed(document: deep, code: .invalidJSON, path: ""),
        Malformed(document: "[]", code: .unexpectedType, path: ""),
        Malformed(document: #""roles""#, code: .unexpectedType, path: ""),
        Malformed(document: "{}", code: .missingField, path: "roles"),
        Malformed(document: #"{"roles":[]}"#, code: .unexpectedType, path: "roles"),
        Malformed(document: #"{"roles":null}"#, code: .unexpectedType, path: "roles"),
        Malformed(document: #"{"roles":{},"version":1}"#, code: .unknownField, path: "version"),
        Malformed(document: #"{"roles":{},"Roles":{}}"#, code: .unknownField, path: #"["Roles"]"#),
        Malformed(document: #"{"roles":{"admin":["read:*"]}}"#, code: .unexpectedType, path: "roles.admin"),
        Malformed(
            document: #"{"roles":{"admin":{"permission":["read:*"]}}}"#, code: .unknownField,
            path: "roles.admin.permission"),
        Malformed(
            document: #"{"roles":{"admin":{"inherit":["user"]},"user":{}}}"#, code: .unknownField,
            path: "roles.admin.inherit"),
        Malformed(
            document: #"{"roles":{"admin":{"permissions":"read:*"}}}"#, code: .unexpectedType,
            path: "roles.admin.permissions"),
        Malformed(
            document: #"{"roles":{"admin":{"permissions":null}}}"#, code: .unexpectedType,
            path: "roles.admin.permissions"),
        Malformed(
            document: #"{"roles":{"admin":{"permissions":["read:*",7]}}}"#, code: .unexpectedType,
            path: "roles.admin.permissions[1]"),
        Malformed(
            document: #"{"roles":{"admin":{"permissions":["read:*","write:*","de lete:*"]}}}"#,
            code: .invalidPermission,
            path: "roles.admin.permissions[2]"),
        Malformed(
            document: #"{"roles":{"a":{"permissions":["read:\u0000x"]}}}"#, code: .invalidPermission,
            path: "roles.a.permissions[0]"),
        Malformed(
            document: #"{"roles":{"admin":{"inherits":"user"},"user":{}}}"#, code: .unexpectedType,
            path: "roles.admin.inherits"),
        Malformed(
            document: #"{"roles":{"admin":{"inherits":["user",null]},"user":{}}}"#, code: .unexpectedType,
            path: "roles.admin.inherits[1]"),
        Malformed(
            document: #"{"roles":{"admin":{"inherits":["user"]}}}"#, code: .unknownRole, path: "roles.admin.inherits[0]"
        ),
        Malformed(
            document: #"{"roles":{"a":{"inherits":["a"]}}}"#, code: .inheritanceCycle, path: "roles.a.inherits[0]"),
        Malformed(
            document: #"{"roles":{"a":{"inherits":["b"]},"b":{"inherits":["c"]},"c":{"inherits":["a"]}}}"#,
            code: .inheritanceCycle, path: "roles.c.inherits[0]"),
        Malformed(document: #"{"roles":{"Admin":{}}}"#, code: .invalidRoleName, path: #"roles["Admin"]"#),
        Malformed(document: #"{"roles":{"":{}}}"#, code: .invalidRoleName, path: #"roles[""]"#),
    ]

    @Test("29 malformed policy documents, each naming the field")
    func malformedCount() {
        #expect(Self.malformed.count == 29)
    }

    @Test(arguments: malformed)
    func rejects(_ item: Malformed) {
        let error = #expect(throws: PolicyError.self) { try Policy(json: item.document) }
        #expect(error?.code == item.code)
        #expect(error?.path == item.path)
        if !item.path.isEmpty {
            #expect(error?.description.hasPrefix(item.path + ": ") == true, "\(error?.description ?? "")")
        }
    }

    @Test("invalid JSON keeps the reader's error")
    func jsonErrorDetail() throws {
        let duplicate = #expect(throws: PolicyError.self) { try Policy(json: #"{"roles":{"a":{},"a":{}}}"#) }
        #expect(duplicate?.jsonError?.code == .duplicateKey)
        #expect(duplicate?.jsonError?.offset == 17)
        #expect(duplicate?.description == "policy: invalid JSON (at byte 17: a repeated object member name)")
        let empty = #expect(throws: PolicyError.self) { try Policy(json: "") }
        #expect(empty?.jsonError?.code == .unexpectedEnd)
        let deep = #expect(throws: PolicyError.self) { try Policy(json: Self.deep) }
        #expect(deep?.jsonError?.code == .depthLimitExceeded)
    }

    @Test("the reader's limits apply")
    func readerLimits() throws {
        let small = JSONLimits(maximumBytes: 32)
        let error = #expect(throws: PolicyError.self) { try Policy(json: Self.exampleDocument, limits: small) }
        #expect(error?.jsonError?.code == .sizeLimitExceeded)
        let fromBytes = #expect(throws: PolicyError.self) {
            try Policy(json: Array(Self.exampleDocument.utf8), limits: small)
        }
        #expect(fromBytes?.jsonError?.code == .sizeLimitExceeded)
    }

    @Test("an invalid permission keeps the grammar error")
    func permissionDetail() throws {
        let error = #expect(throws: PolicyError.self) {
            try Policy(json: #"{"roles":{"admin":{"permissions":["read:*","write:*","de lete:*"]}}}"#)
        }
        #expect(error?.permissionError?.code == .invalidCharacter)
        #expect(error?.permissionError?.offset == 2)
        #expect(error?.value == "de lete:*")
    }

    @Test("too many roles in a document")
    func tooManyRoles() throws {
        let members = (0...Policy.maximumRoleCount).map { #""r\#($0)":{}"# }.joined(separator: ",")
        let error = #expect(throws: PolicyError.self) { try Policy(json: #"{"roles":{"# + members + "}}") }
        #expect(error?.code == .limitExceeded)
        #expect(error?.path == "roles")
        let entries = [String](repeating: #""a:b""#, count: Policy.maximumEntryCount + 1).joined(separator: ",")
        let tooManyEntries = #expect(throws: PolicyError.self) {
            try Policy(json: #"{"roles":{"r":{"permissions":["# + entries + "]}}}")
        }
        #expect(tooManyEntries?.code == .limitExceeded)
        #expect(tooManyEntries?.path == "roles.r.permissions")
    }
}
