import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import Testing

/// The README's "Using Sigil in your app" snippets, compiled and run.
///
/// Keep each in step with the README section it names.
@Suite("README: using Sigil in your app")
struct ReadmeAppExampleTests {
    // MARK: (a) Verifying an identity provider's tokens, with key rotation

    /// Verifies an identity provider's tokens, and fetches its JWK Set again when a token
    /// names a key it does not know yet (the provider rotated its keys).
    struct ProviderVerifier {
        let options: JWTValidationOptions
        let fetchJWKS: () throws -> String  // e.g. GET https://issuer.example/.well-known/jwks.json
        private(set) var verifier: JWTVerifier

        init(options: JWTValidationOptions, fetchJWKS: @escaping () throws -> String) throws {
            self.options = options
            self.fetchJWKS = fetchJWKS
            verifier = JWTVerifier(keys: try JWTKeySet(jwks: fetchJWKS()), options: options)
        }

        mutating func verify(_ token: String) throws -> VerifiedJWT {
            do {
                return try verifier.verify(token)
            } catch let error where error.code == .unknownKeyID {
                // A kid we have not seen: refresh once (rate-limit this in production), retry.
                verifier = JWTVerifier(keys: try JWTKeySet(jwks: fetchJWKS()), options: options)
                return try verifier.verify(token)
            }
        }
    }

    @Test("(a) a rotated key is picked up on unknownKeyID")
    func rotation() throws {
        let now: Int64 = 1_800_000_000
        let oldKey = try JWTKey.hmac(Array(repeating: 1, count: 32), keyID: "old")
        let newKey = try JWTKey.hmac(Array(repeating: 2, count: 32), keyID: "new")
        // Symmetric keys stand in for the provider's RSA keys: the flow is the same. The
        // secrets are 32 bytes of 0x01 and of 0x02, base64url.
        let secrets = [
            "old": "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE", "new": "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI",
        ]
        func jwks(_ kids: [String]) -> String {
            let entries = kids.map { kid -> JSONValue in
                ["kty": "oct", "kid": .string(kid), "k": .string(secrets[kid] ?? "")]
            }
            return JSONValue.object(["keys": .array(entries)]).serialized()
        }
        var published = ["old"]
        var options = JWTValidationOptions(issuers: ["https://issuer.example/"], clock: .fixed(now))
        options.allowedAlgorithms = [.hs256]
        var provider = try ProviderVerifier(options: options, fetchJWKS: { jwks(published) })

        var claims = JWTClaims()
        claims.issuer = "https://issuer.example/"
        claims.subject = "alice"
        claims.expiration = now + 60
        #expect(try provider.verify(JWTSigner(key: oldKey).sign(claims)).claims.subject == "alice")
        published = ["old", "new"]  // the provider rotates
        #expect(try provider.verify(JWTSigner(key: newKey).sign(claims)).keyID == "new")
    }

    // MARK: (c) Protecting a tool with a permission in your own MCP server

    @Test("(c) a tool that needs write:posts")
    func protectedTool() throws {
        let secret = Array("a secret of at least thirty-two bytes".utf8)
        let verifier = JWTVerifier(key: try JWTKey.hmac(secret))

        let policy = try Policy(roles: [Role("editor", permissions: ["write:posts"])])
        let authentication = MCPAuthentication(verifier: verifier, policy: policy)  // roles/permissions claims
        var server = MCPServer(info: MCPServerInfo(name: "my-server", version: "1.0.0"), authentication: authentication)
        server.register(
            MCPTool(
                name: "publish", description: "Publish a post.",
                access: .permission(try Permission("write:posts")),
                parameters: [.string("title", description: "The post's title", maximumLength: 200)]
            ) { call throws(MCPToolError) in
                let caller = try call.authenticatedCaller()
                return ["title": .string(try call.arguments.string("title")), "by": .string(caller.userID)]
            })
        // In main.swift: MCPStdioTransport.ignoreBrokenPipeSignals(); var stdio = MCPStdioTransport()
        //                _ = server.run(on: &stdio)

        var claims = JWTClaims()
        claims.subject = "alice"
        claims.expiration = 4_102_444_800
        claims["roles"] = ["editor"]
        let token = try JWTSigner(key: JWTKey.hmac(secret)).sign(claims)
        let request =
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"publish","arguments":"#
            + #"{"title":"Hello","auth":{"token":"\#(token)"}}}}"#
        _ = server.respond(
            toLine: Array(
                #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#
                    .utf8))
        let answer = server.respond(toLine: Array(request.utf8))
        let response = try JSONValue.parse(try #require(answer))
        #expect(response["result"]?["structuredContent"]?["by"] == "alice")
    }
}
