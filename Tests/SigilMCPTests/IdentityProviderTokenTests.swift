import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import SigilTestSupport
import Testing

/// Tokens shaped like an OAuth identity provider's access tokens (RS256, a JWK Set without
/// `alg`, `iss`, `aud`, `scope`, no Sigil claims) authorize MCP tools through the public API
/// only: a verifier built from the JWK Set, an explicit policy and a subject mapping.
@Suite("Tokens from identity providers")
struct IdentityProviderTokenTests {
    static let issuer = "https://issuer.example/"
    static let audience = "https://blog.example/mcp"
    static let now: Int64 = 1_800_000_000

    /// The provider's signing key: RFC 7515 A.2's RSA key, with a kid, as a provider would
    /// name it in its JWK Set.
    static func providerKey() throws -> JWTKey {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc7515_jws.json"))
        let tests = try #require(file["tests"]?.arrayValue)
        let a2 = try #require(tests.first { $0["tcId"] == 4 }?.objectValue)
        let jwk = try #require(a2["key"]?["privateJwk"]).serialized()
        return try JWTKey(jwk: jwk).withKeyID("provider-key-1")
    }

    /// The provider's published JWK Set: the public key with `kid` and `use`, no `alg`.
    static func jwks() throws -> String {
        var jwk = try #require(try providerKey().publicJWK)
        jwk["alg"] = nil
        return JSONValue.object(["keys": .array([.object(jwk)])]).serialized()
    }

    static func token(_ claims: JWTClaims) throws -> String {
        try JWTSigner(key: providerKey()).sign(claims)
    }

    static func claims(scope: String) -> JWTClaims {
        var claims = JWTClaims()
        claims.issuer = issuer
        claims.subject = "auth0|5f7c8ec7c33c6c004bbafe82"
        claims.audience = [audience]
        claims.issuedAt = now - 10
        claims.expiration = now + 3600
        claims["scope"] = .string(scope)
        claims["azp"] = "client-id"
        return claims
    }

    static func server() throws -> MCPServer {
        var options = JWTValidationOptions(issuers: [issuer], audiences: [audience], clock: .fixed(now))
        options.allowedAlgorithms = [.rs256]
        let verifier = JWTVerifier(keys: try JWTKeySet(jwks: jwks()), options: options)
        // The application's own policy: scopes are permissions here, so no role is needed.
        let policy = try Policy(roles: [Role("reader", permissions: ["read:posts"])])
        let authentication = MCPAuthentication(verifier: verifier, policy: policy, subjectMapping: .oauthScopes)
        var server = MCPServer(info: TestServer.info, authentication: authentication)
        server.register(
            MCPTool(
                name: "write_post", description: "Needs write:posts.",
                access: .permission(try Permission("write:posts"))
            ) { call throws(MCPToolError) in
                ["user": .string(try call.authenticatedCaller().userID)]
            })
        _ = server.respond(
            toLine: Array(
                #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#
                    .utf8))
        return server
    }

    static func call(_ token: String) -> String {
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"write_post","arguments":{"auth":{"token":"\#(token)"}}}}"#
    }

    @Test("an RS256 token from the JWK Set whose scope grants write:posts is allowed")
    func scopeGrantsTheTool() throws {
        var server = try Self.server()
        let token = try Self.token(Self.claims(scope: "openid profile write:posts"))
        let result = try TestServer.result(&server, Self.call(token))
        #expect(result["isError"] != .bool(true))
        #expect(result["structuredContent"]?["user"]?.stringValue == "auth0|5f7c8ec7c33c6c004bbafe82")
    }

    @Test("a token without the scope is denied; one for another audience is an invalid token")
    func scopeOrAudienceMissing() throws {
        var server = try Self.server()
        let denied = try TestServer.result(&server, Self.call(try Self.token(Self.claims(scope: "read:posts"))))
        #expect(denied["isError"] == .bool(true))
        #expect(denied["structuredContent"]?["error"]?.stringValue == "permission_denied")

        var elsewhere = Self.claims(scope: "write:posts")
        elsewhere.audience = ["https://other.example"]
        let invalid = try TestServer.result(&server, Self.call(try Self.token(elsewhere)))
        #expect(invalid["structuredContent"]?["error"]?.stringValue == "invalid_token")
    }

    @Test("Okta/Entra scp arrays, groups and Keycloak realm roles map to the subject")
    func mappings() throws {
        let claims: JWTClaims = [
            "sub": "u1", "scp": ["read:posts", "offline_access"], "groups": ["editors"],
            "realm_access": ["roles": ["admin", "uma_authorization"]],
        ]
        #expect(
            MCPSubjectMapping.oauthScopes.subject(for: claims, userID: "u1").permissions.map(\.rawValue) == [
                "read:posts"
            ])
        #expect(MCPSubjectMapping.groups.subject(for: claims, userID: "u1").roles == ["editors"])
        #expect(
            MCPSubjectMapping.keycloakRealmRoles.subject(for: claims, userID: "u1").roles == [
                "admin", "uma_authorization",
            ])
        let combined = MCPSubjectMapping.combining([.groups, .keycloakRealmRoles, .oauthScopes])
            .subject(for: claims, userID: "u1")
        #expect(combined.roles == ["editors", "admin", "uma_authorization"])
        #expect(combined.permissions.map(\.rawValue) == ["read:posts"])
        #expect(combined.userID == "u1")
    }
}
