import SigilBase64
import SigilJSON
import SigilJWT
import SigilMCP
import SigilMCPTesting
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("sigil-server: tokens, login, refresh and logout")
struct TokenTests {
    @Test("a wrong password and an unknown user get the same answer")
    func indistinguishableLogin() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let wrong = try server.callTool("login", arguments: ["username": "alice", "password": "nope"])
        let unknown = try server.callTool("login", arguments: ["username": "mallory", "password": "nope"])
        let invalidName = try server.callTool("login", arguments: ["username": "Not A Name!", "password": "nope"])
        #expect(wrong.errorCode == "invalid_credentials")
        #expect(wrong == unknown)
        #expect(wrong == invalidName)
        #expect(wrong.structured["message"] == "Invalid username or password")
    }

    @Test("login answers in the NextMCP example's shape plus a refresh token")
    func loginShape() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let result = try server.callTool("login", arguments: ["username": "alice", "password": "alice-demo"])
        let body = result.structured
        #expect(body["status"] == "success")
        #expect(body["message"] == "Login successful for alice")
        #expect(body["expires_in"] == 3600)
        #expect(body["token_type"] == "Bearer")
        #expect(body["user"] == ["username": "alice", "roles": ["user"]])
        #expect(body["refresh_token"]?.stringValue?.hasPrefix("rt_") == true)
        let identity = try ServerHarness.provider().authenticate(token: try #require(body["token"]?.stringValue))
        #expect(identity.userID == "user_alice")
        #expect(identity.permissions == ["read:posts", "write:own_posts"])
        #expect(identity.tokenID != nil)
    }

    @Test("expired, tampered, foreign and malformed tokens are refused with stable codes")
    func badTokens() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let provider = try ServerHarness.provider()
        let expired = try provider.createToken(
            userID: "user_alice", roles: ["user"], username: "alice", expiresIn: -3600)
        let result = try server.callTool("whoami", arguments: ["auth": auth(expired)])
        #expect(result.structured == ["error": "token_expired", "message": "Token expired"])

        let alice = try ServerHarness.login(server, "alice").token
        var parts = alice.split(separator: ".").map(String.init)
        let claims = try JSONValue.parse(try SigilBase64Bridge.decode(parts[1]))
        var edited = try #require(claims.objectValue)
        edited["roles"] = ["admin"]
        parts[1] = SigilBase64Bridge.encode(JSONValue.object(edited).serializedBytes())
        let tampered = parts.joined(separator: ".")
        let denied = try server.callTool("admin_dashboard", arguments: ["auth": auth(tampered)])
        #expect(denied.structured == ["error": "invalid_token", "message": "Invalid token"])

        let foreign = try ServerHarness.provider(secret: "some-other-secret-that-is-long-enough-1234")
            .createToken(userID: "user_admin", roles: ["admin"], username: "admin")
        #expect(try server.callTool("admin_dashboard", arguments: ["auth": auth(foreign)]).errorCode == "invalid_token")
        #expect(try server.callTool("whoami", arguments: ["auth": auth("x.y.z")]).errorCode == "invalid_token")
        #expect(try server.callTool("whoami", arguments: ["auth": "plain"]).errorCode == "invalid_argument_type")
    }

    @Test("tokens in the NextMCP example's structure from another library (no jti, no iss) are accepted")
    func exampleStyleToken() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let now = ServerHarness.now()
        let token = ServerHarness.exampleStyleToken(payload: [
            "sub": "user_alice", "iat": .number(JSONNumber(now)), "exp": .number(JSONNumber(now + 600)),
            "roles": ["user"], "permissions": ["read:posts", "write:own_posts"], "username": "alice",
        ])
        let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
        #expect(whoami.allowed)
        #expect(whoami.structured["username"] == "alice")
        #expect(whoami.structured["token_id"] == .null)
        let created = try server.callTool(
            "create_post", arguments: ["title": "t", "content": "c", "auth": auth(token)])
        #expect(created.allowed)
        let logout = try server.callTool("logout", arguments: ["auth": auth(token)])
        #expect(logout.errorCode == "token_not_revocable")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(token)]).allowed)
    }

    @Test("the token is read from arguments, then _meta, then SIGIL_TOKEN")
    func tokenSources() throws {
        let provider = try ServerHarness.provider()
        let admin = try provider.createToken(userID: "user_admin", roles: ["admin"], username: "admin")
        let bob = try provider.createToken(userID: "user_bob", roles: ["viewer"], username: "bob")
        let server = try ServerHarness.session(extraEnvironment: ["SIGIL_TOKEN=\(admin)"])
        defer { ServerHarness.finish(server) }
        let session = try server.callTool("whoami")
        #expect(session.structured["username"] == "admin")
        #expect(session.structured["token_source"] == "session")
        let meta = try server.callTool("whoami", meta: ["auth": auth(bob)])
        #expect(meta.structured["username"] == "bob")
        #expect(meta.structured["token_source"] == "meta")
        let arguments = try server.callTool(
            "admin_dashboard", arguments: ["auth": auth(bob)], meta: ["auth": auth(admin)])
        #expect(arguments.errorCode == "permission_denied")
    }

    @Test("refresh tokens rotate; reusing one revokes the whole session")
    func refreshRotation() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let (first, r1) = try ServerHarness.login(server, "alice")
        let rotated = try server.callTool("refresh_token", arguments: ["refresh_token": .string(r1)])
        #expect(rotated.allowed)
        let a2 = try #require(rotated.structured["token"]?.stringValue)
        let r2 = try #require(rotated.structured["refresh_token"]?.stringValue)
        #expect(r2 != r1)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(a2)]).allowed)
        let reuse = try server.callTool("refresh_token", arguments: ["refresh_token": .string(r1)])
        #expect(reuse.errorCode == "token_revoked")
        #expect(
            try server.callTool("refresh_token", arguments: ["refresh_token": .string(r2)]).errorCode == "token_revoked"
        )
        #expect(try server.callTool("whoami", arguments: ["auth": auth(a2)]).errorCode == "token_revoked")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(first)]).errorCode == "token_revoked")
        let other = try ServerHarness.login(server, "bob")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(other.token)]).allowed)
        #expect(
            try server.callTool("refresh_token", arguments: ["refresh_token": "rt_unknown"]).errorCode
                == "invalid_token")
    }

    @Test("an expired refresh token is token_expired")
    func expiredRefresh() throws {
        let server = try ServerHarness.session(["--refresh-ttl", "1"])
        defer { ServerHarness.finish(server) }
        let (_, refresh) = try ServerHarness.login(server, "bob")
        sleep(2)
        let result = try server.callTool("refresh_token", arguments: ["refresh_token": .string(refresh)])
        #expect(result.errorCode == "invalid_token" || result.errorCode == "token_expired")
    }

    @Test("logout revokes the presented token until it expires, and only that session")
    func logout() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let one = try ServerHarness.login(server, "alice")
        let two = try ServerHarness.login(server, "alice")
        let result = try server.callTool("logout", arguments: ["auth": auth(one.token)])
        #expect(result.structured["status"] == "logged_out")
        #expect(result.structured["session_revoked"] == true)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(one.token)]).errorCode == "token_revoked")
        #expect(try server.callTool("logout", arguments: ["auth": auth(one.token)]).errorCode == "token_revoked")
        #expect(
            try server.callTool("refresh_token", arguments: ["refresh_token": .string(one.refresh)]).errorCode
                == "token_revoked")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(two.token)]).allowed)
    }
}

/// Base64url through SigilBase64, for editing token parts.
enum SigilBase64Bridge {
    static func decode(_ text: String) throws -> [UInt8] { try Base64URL.decode(text) }
    static func encode(_ bytes: [UInt8]) -> String { Base64URL.encode(bytes) }
}
