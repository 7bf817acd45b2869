import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import Testing

/// A server with one tool per kind of access rule, and tokens for each of its roles.
struct AuthFixture {
    static let secret = "an-in-memory-test-secret-of-48-bytes-0123456789"
    let provider: JWTProvider
    /// Just what the tools below need: admin may read and write any post; user may read posts and write its own; viewer
    /// may only read.
    ///
    /// No role inherits another.
    let policy: Policy
    var revoked: Set<String> = []

    init() throws {
        provider = try JWTProvider(secret: Self.secret)
        policy = try Policy(roles: [
            Role("admin", permissions: ["read:posts", "write:posts"]),
            Role("user", permissions: ["read:posts", "write:own_posts"]),
            Role("viewer", permissions: ["read:posts"]),
        ])
    }

    func token(_ user: String, roles: [String], permissions: [String] = [], expiresIn: Int64 = 600) throws -> String {
        try provider.createToken(
            userID: "user_\(user)", roles: roles, permissions: permissions, username: user, expiresIn: expiresIn)
    }

    func server(sessionToken: String? = nil, revokedIDs: Set<String> = []) throws -> MCPServer {
        let authentication = MCPAuthentication(
            provider: provider, policy: policy, sessionToken: sessionToken,
            identityCheck: { identity in
                guard let id = identity.tokenID, revokedIDs.contains(id) else { return nil }
                return MCPToolError(.tokenRevoked, "Token revoked")
            })
        var server = MCPServer(info: TestServer.info, authentication: authentication)
        TestServer.initialize(&server)
        let write = try Permission("write:posts")
        let caller: MCPTool.Handler = { call throws(MCPToolError) in
            let caller = try call.authenticatedCaller()
            return [
                "user": .string(caller.userID), "source": .string(caller.tokenSource.rawValue),
                "permissions": .array(caller.effectivePermissions.map { .string($0.rawValue) }),
            ]
        }
        server.register(
            MCPTool(name: "open", description: "Public.", access: .everyone) { call throws(MCPToolError) in
                ["has_caller": .bool(call.caller != nil)]
            })
        server.register(MCPTool(name: "me", description: "Any token.", access: .authenticated, handler: caller))
        server.register(
            MCPTool(
                name: "read", description: "read:posts.", access: .permission(try Permission("read:posts")),
                handler: caller))
        server.register(
            MCPTool(name: "staff", description: "user or admin.", access: .anyOf("user", "admin"), handler: caller))
        server.register(MCPTool(name: "boss", description: "admin.", access: .anyOf("admin"), handler: caller))
        server.register(
            MCPTool(
                name: "edit", description: "write:posts on owned posts.",
                access: .permission(write, ownedByCaller: true),
                parameters: [.string("owner", description: "The post's owner")]
            ) { call throws(MCPToolError) in
                let caller = try call.authenticatedCaller()
                try caller.require(write, owner: try call.arguments.string("owner"))
                return ["edited": true]
            })
        return server
    }
}

private func call(_ tool: String, token: String? = nil, meta: String? = nil, extra: String = "") -> String {
    var arguments = token.map { #""auth":{"token":"\#($0)"}"# } ?? ""
    if !extra.isEmpty { arguments += (arguments.isEmpty ? "" : ",") + extra }
    let metaPart = meta.map { #","_meta":{"auth":{"token":"\#($0)"}}"# } ?? ""
    return
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"\#(tool)","arguments":{\#(arguments)}\#(metaPart)}}"#
}

@Suite("Authentication and authorization in the runtime")
struct MCPAuthenticationTests {
    /// The example role table: which role may call which tool.
    static let matrix: [(tool: String, role: String?, allowed: Bool, code: String?)] = [
        ("open", nil, true, nil), ("open", "viewer", true, nil),
        ("me", nil, false, "authentication_required"), ("me", "viewer", true, nil), ("me", "user", true, nil),
        ("me", "admin", true, nil),
        ("read", nil, false, "authentication_required"), ("read", "viewer", true, nil), ("read", "user", true, nil),
        ("read", "admin", true, nil), ("read", "nobody", false, "permission_denied"),
        ("staff", nil, false, "authentication_required"), ("staff", "viewer", false, "permission_denied"),
        ("staff", "user", true, nil), ("staff", "admin", true, nil),
        ("boss", nil, false, "authentication_required"), ("boss", "viewer", false, "permission_denied"),
        ("boss", "user", false, "permission_denied"), ("boss", "admin", true, nil),
    ]

    @Test("each access rule against each example role", arguments: matrix.indices)
    func roleMatrix(index: Int) throws {
        let entry = Self.matrix[index]
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let token = try entry.role.map { try fixture.token("u", roles: [$0]) }
        let result = try TestServer.result(&server, call(entry.tool, token: token))
        #expect(result["isError"] == .bool(!entry.allowed), "\(entry)")
        if let code = entry.code {
            #expect(result["structuredContent"]?["error"] == .string(code))
        }
        #expect(Self.matrix.count == 19)
    }

    @Test("denials name what is required, with the NextMCP example's wording")
    func denialMessages() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let viewer = try fixture.token("bob", roles: ["viewer"])
        let cases: [(String, String)] = [
            ("staff", "Permission denied: requires one of the roles user, admin"),
            ("boss", "Permission denied: requires the role admin"),
            ("edit", "Permission denied: requires write:posts"),
        ]
        for (tool, message) in cases {
            let result = try TestServer.result(&server, call(tool, token: viewer, extra: #""owner":"user_bob""#))
            #expect(result["structuredContent"]?["message"] == .string(message))
            #expect(result["content"]?[0]?["text"] == .string(message))
            #expect(result["structuredContent"]?["requires"] != nil)
        }
        let none = try TestServer.result(&server, call("me"))
        #expect(
            none["structuredContent"] == ["error": "authentication_required", "message": "Authentication required"])
    }

    @Test("ownership: a user edits only their own, an admin anyone's, a viewer nothing")
    func ownership() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let alice = try fixture.token("alice", roles: ["user"])
        let admin = try fixture.token("admin", roles: ["admin"])
        let bob = try fixture.token("bob", roles: ["viewer"])
        let own = try TestServer.result(&server, call("edit", token: alice, extra: #""owner":"user_alice""#))
        #expect(own["isError"] == false)
        let other = try TestServer.result(&server, call("edit", token: alice, extra: #""owner":"user_admin""#))
        #expect(other["structuredContent"]?["error"] == "permission_denied")
        #expect(other["structuredContent"]?["owner"] == "user_admin")
        #expect(
            other["structuredContent"]?["message"]
                == "Permission denied: requires write:posts (you may change only your own)")
        let byAdmin = try TestServer.result(&server, call("edit", token: admin, extra: #""owner":"user_alice""#))
        #expect(byAdmin["isError"] == false)
        let byViewer = try TestServer.result(&server, call("edit", token: bob, extra: #""owner":"user_bob""#))
        #expect(byViewer["structuredContent"]?["error"] == "permission_denied")
    }

    @Test("an expired token is token_expired / Token expired")
    func expired() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let token = try fixture.token("alice", roles: ["user"], expiresIn: -3600)
        let result = try TestServer.result(&server, call("me", token: token))
        #expect(result["structuredContent"] == ["error": "token_expired", "message": "Token expired"])
        #expect(result["isError"] == true)
    }

    @Test(
        "a bad token is invalid_token / Invalid token",
        arguments: ["garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."])
    func invalidToken(token: String) throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let result = try TestServer.result(&server, call("me", token: token))
        #expect(result["structuredContent"] == ["error": "invalid_token", "message": "Invalid token"])
    }

    @Test("a token signed with another secret or with an edited payload is invalid")
    func forged() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let other = try JWTProvider(secret: "another-secret-that-is-long-enough-for-hs256!!")
        let foreign = try other.createToken(userID: "user_admin", roles: ["admin"], expiresIn: 600)
        #expect(
            try TestServer.result(&server, call("boss", token: foreign))["structuredContent"]?["error"]
                == "invalid_token")
        let alice = try fixture.token("alice", roles: ["user"])
        let parts = alice.split(separator: ".").map(String.init)
        let edited = parts[0] + "." + String(parts[1].dropLast()) + (parts[1].last == "A" ? "B" : "A") + "." + parts[2]
        #expect(
            try TestServer.result(&server, call("me", token: edited))["structuredContent"]?["error"] == "invalid_token")
    }

    @Test("the identity check refuses revoked tokens with token_revoked")
    func revoked() throws {
        let fixture = try AuthFixture()
        let token = try fixture.token("alice", roles: ["user"])
        let id = try #require(try fixture.provider.authenticate(token: token).tokenID)
        var server = try fixture.server(revokedIDs: [id])
        let result = try TestServer.result(&server, call("me", token: token))
        #expect(result["structuredContent"] == ["error": "token_revoked", "message": "Token revoked"])
    }

    @Test("token lookup order: arguments.auth, then _meta.auth, then the session token")
    func lookupOrder() throws {
        let fixture = try AuthFixture()
        let alice = try fixture.token("alice", roles: ["user"])
        let bob = try fixture.token("bob", roles: ["viewer"])
        let admin = try fixture.token("admin", roles: ["admin"])
        var server = try fixture.server(sessionToken: admin)
        let fromArguments = try TestServer.result(&server, call("me", token: alice, meta: bob))
        #expect(fromArguments["structuredContent"]?["user"] == "user_alice")
        #expect(fromArguments["structuredContent"]?["source"] == "arguments")
        let fromMeta = try TestServer.result(&server, call("me", meta: bob))
        #expect(fromMeta["structuredContent"]?["user"] == "user_bob")
        #expect(fromMeta["structuredContent"]?["source"] == "meta")
        let fromSession = try TestServer.result(&server, call("me"))
        #expect(fromSession["structuredContent"]?["user"] == "user_admin")
        #expect(fromSession["structuredContent"]?["source"] == "session")
        let emptyFallsThrough = try TestServer.result(&server, call("me", token: ""))
        #expect(emptyFallsThrough["structuredContent"]?["source"] == "session")
        let badArgumentWins = try TestServer.result(&server, call("me", token: "garbage"))
        #expect(badArgumentWins["structuredContent"]?["error"] == "invalid_token")
    }

    @Test(
        "a malformed auth argument is invalid_argument_type",
        arguments: [#""auth":"tok""#, #""auth":{"token":5}"#, #""auth":[1]"#])
    func malformedAuth(argument: String) throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let result = try TestServer.result(&server, call("me", extra: argument))
        #expect(result["structuredContent"]?["error"] == "invalid_argument_type")
        #expect(result["structuredContent"]?["argument"] == "auth")
    }

    @Test("effective permissions come from the policy's role table plus direct grants")
    func effectivePermissions() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let user = try fixture.token("alice", roles: ["user"], permissions: ["delete:comments"])
        let result = try TestServer.result(&server, call("me", token: user))
        #expect(result["structuredContent"]?["permissions"] == ["delete:comments", "read:posts", "write:own_posts"])
    }

    @Test("public tools get no caller and ignore a token; protected tools advertise auth in their schema")
    func schemaAndPublic() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        let open = try TestServer.result(&server, call("open", token: "garbage"))
        #expect(open["structuredContent"] == ["has_caller": false])
        let tools = try #require(
            try TestServer.result(&server, #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)["tools"]?.arrayValue)
        for tool in tools {
            let auth = tool["inputSchema"]?["properties"]?["auth"]
            if tool["name"] == "open" {
                #expect(auth == nil)
            } else {
                #expect(auth?["type"] == "object")
                #expect(auth?["properties"]?["token"]?["type"] == "string")
            }
        }
    }

    @Test("denials are counted per tool")
    func denialStatistics() throws {
        let fixture = try AuthFixture()
        var server = try fixture.server()
        _ = try TestServer.result(&server, call("boss"))
        _ = try TestServer.result(&server, call("boss", token: try fixture.token("a", roles: ["user"])))
        _ = try TestServer.result(&server, call("boss", token: try fixture.token("b", roles: ["admin"])))
        #expect(server.statistics[tool: "boss"].denied == 2)
        #expect(server.statistics[tool: "boss"].succeeded == 1)
    }

    @Test("a protected tool on a server without authentication is an internal_error result")
    func noAuthentication() throws {
        var server = MCPServer(info: TestServer.info)
        TestServer.initialize(&server)
        server.register(MCPTool(name: "me", description: "x", access: .authenticated) { _ throws(MCPToolError) in [:] })
        let result = try TestServer.result(&server, call("me"))
        #expect(result["structuredContent"]?["error"] == "internal_error")
    }
}
