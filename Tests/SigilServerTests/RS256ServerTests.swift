import SigilBase64
import SigilExampleServer
import SigilJSON
import SigilJWT
import SigilMCP
import SigilMCPTesting
import SigilRSA
import Testing

/// `sigil-server --signing-key PEM`: RS256 issuance, the published JWK Set, and no
/// algorithm confusion.
///
/// The keys are fixtures made by `Fixtures/make-keys.py` (Python `cryptography`), which also
/// computed the expected kid (RFC 7638) independently of Sigil.
@Suite("sigil-server --signing-key: RS256 tokens and the JWK Set")
struct RS256ServerTests {
    /// What a client of the server checks: its issuer and audience (the defaults).
    static let serverTokens = JWTValidationOptions(issuers: ["sigil-server"], audiences: ["sigil-blog"])

    static let fixtures = String(#filePath.dropLast("RS256ServerTests.swift".count)) + "Fixtures/"
    static let pkcs8 = fixtures + "signing-key-pkcs8.pem"
    static let pkcs1 = fixtures + "signing-key-pkcs1.pem"
    static let privateJWK = fixtures + "signing-key.private.jwk.json"

    /// The JWK Set written by make-keys.py.
    static func expectedJWKS() throws -> JSONValue {
        let bytes = try #require(ServerHarness.readFile(fixtures + "signing-key.jwks.json"))
        return try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Runs `sigil-server ARGUMENTS` with no input; returns its exit status, standard output
    /// lines and standard error.
    static func runToExit(_ arguments: [String]) throws -> (status: Int32, lines: [String], errors: String) {
        let process = try ServerHarness.start(arguments)
        process.closeInput()
        var lines: [String] = []
        while let line = try process.receiveLine() { lines.append(line) }
        let status = process.waitForExit()
        return (status, lines, process.capturedStandardError())
    }

    /// `--print-jwks`'s JWK Set.
    static func printedJWKS(_ arguments: [String]) throws -> String {
        let run = try runToExit(arguments + ["--print-jwks"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.lines.count == 1)
        return try #require(run.lines.first)
    }

    @Test(
        "--print-jwks: kty, use, alg, n, e and kid = the RFC 7638 thumbprint, for PKCS#8 and PKCS#1", arguments: 0..<2)
    func printJWKS(form: Int) throws {
        let text = try Self.printedJWKS(["--signing-key", form == 0 ? Self.pkcs8 : Self.pkcs1])
        let jwks = try JSONValue.parse(text)
        #expect(jwks == (try Self.expectedJWKS()))
        let key = try #require(jwks["keys"]?[0])
        #expect(jwks["keys"]?.arrayValue?.count == 1)
        #expect(key["kty"] == "RSA")
        #expect(key["use"] == "sig")
        #expect(key["alg"] == "RS256")
        #expect(key["e"] == "AQAB")
        #expect(key["kid"]?.stringValue?.count == 43)
        #expect(key["d"] == nil && key["p"] == nil && key["q"] == nil, "no private member is published")
        // Sigil's own thumbprint of the parsed key agrees with Python's.
        let set = try JWTKeySet(jwks: text)
        #expect(set.keys.first?.jwkThumbprint == key["kid"]?.stringValue)
    }

    @Test(
        "--signing-alg RS384 / RS512 / PS256 / PS384 / PS512: the header, the JWK's alg and verification follow",
        arguments: ["RS384", "RS512", "PS256", "PS384", "PS512"])
    func otherAlgorithms(name: String) throws {
        let arguments = ["--signing-key", Self.pkcs8, "--signing-alg", name]
        let jwks = try JWTKeySet(jwks: try Self.printedJWKS(arguments))
        #expect(jwks.keys.first?.algorithm.rawValue == name)
        let server = try ServerHarness.session(arguments)
        defer { ServerHarness.finish(server) }
        let token = try ServerHarness.login(server, "alice").token
        let verified = try JWTVerifier(keys: jwks, options: Self.serverTokens).verify(token)
        #expect(verified.algorithm.rawValue == name)
        #expect(verified.keyID == jwks.keys.first?.keyID)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(token)]).structured["username"] == "alice")
    }

    @Test("login issues RS256 tokens with the kid; they verify with --print-jwks and the jwks tool; whoami works")
    func loginAndVerify() throws {
        let expected = try Self.expectedJWKS()
        let kid = try #require(expected["keys"]?[0]?["kid"]?.stringValue)
        let server = try ServerHarness.session(["--signing-key", Self.pkcs8])
        defer { ServerHarness.finish(server) }

        let info = try server.callTool("public_info").structured
        #expect(info["auth"] == "JWT (RS256) bearer tokens")
        #expect(info["public_keys"]?.stringValue?.isEmpty == false)

        let published = try server.callTool("jwks")
        #expect(published.allowed)
        #expect(published.structured == expected)
        let fromTool = try JWTKeySet(jwks: published.structured.serialized())
        let fromFlag = try JWTKeySet(jwks: try Self.printedJWKS(["--signing-key", Self.pkcs8]))

        let (token, _) = try ServerHarness.login(server, "admin")
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(segments.count == 3)
        let header = try JSONValue.parse(String(decoding: try Base64URL.decode(String(segments[0])), as: UTF8.self))
        #expect(header == ["alg": "RS256", "kid": .string(kid), "typ": "JWT"])
        #expect(try Base64URL.decode(String(segments[2])).count == 256)

        for keys in [fromTool, fromFlag] {
            let verified = try JWTVerifier(keys: keys, options: Self.serverTokens).verify(token)
            #expect(verified.algorithm == .rs256)
            #expect(verified.keyID == kid)
            #expect(verified.claims.subject == "user_admin")
        }
        // sigil-token verifies it with the server's public key as PEM (named by its thumbprint).
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let publicPEM = directory + "/public.pem"
        let pem = String(decoding: try #require(ServerHarness.readFile(Self.pkcs8)), as: UTF8.self)
        try ServerHarness.writeFile(publicPEM, try RSA.PrivateKey(pemRepresentation: pem).publicKey.pemRepresentation)
        let verifiedByCLI = try TokenToolInteropTests.run([
            "verify", "--key", publicPEM, "--issuer", "sigil-server", "--audience", "sigil-blog", token,
        ])
        #expect(try JSONValue.parse(verifiedByCLI.joined())["valid"] == true)

        let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
        #expect(whoami.allowed)
        #expect(whoami.structured["username"] == "admin")
        #expect(whoami.structured["roles"] == ["admin"])
        #expect(try server.callTool("admin_dashboard", arguments: ["auth": auth(token)]).allowed)
        // A tampered signature is refused.
        let last = token.last == "A" ? "B" : "A"
        let tampered = String(token.dropLast()) + String(last)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(tampered)]).errorCode == "invalid_token")
    }

    @Test("refresh and logout keep working in RS256 mode")
    func refreshAndRevocation() throws {
        let server = try ServerHarness.session(["--signing-key", Self.pkcs1])
        defer { ServerHarness.finish(server) }
        let keys = try JWTKeySet(jwks: try server.callTool("jwks").structured.serialized())
        let (token, refresh) = try ServerHarness.login(server, "alice")
        let rotated = try server.callTool("refresh_token", arguments: ["refresh_token": .string(refresh)])
        #expect(rotated.allowed)
        let newToken = try #require(rotated.structured["token"]?.stringValue)
        let newRefresh = try #require(rotated.structured["refresh_token"]?.stringValue)
        #expect(try JWTVerifier(keys: keys, options: Self.serverTokens).verify(newToken).algorithm == .rs256)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(newToken)]).allowed)

        // Reusing a refresh token revokes the whole session, RS256 tokens included.
        let reused = try server.callTool("refresh_token", arguments: ["refresh_token": .string(refresh)])
        #expect(reused.errorCode == "token_revoked")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(token)]).errorCode == "token_revoked")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(newToken)]).errorCode == "token_revoked")
        #expect(
            try server.callTool("refresh_token", arguments: ["refresh_token": .string(newRefresh)]).errorCode
                == "token_revoked")

        // Logout revokes a fresh session's token.
        let bob = try ServerHarness.login(server, "bob").token
        let logout = try server.callTool("logout", arguments: ["auth": auth(bob)])
        #expect(logout.allowed)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(bob)]).errorCode == "token_revoked")
    }

    @Test("no key confusion: HS256 tokens are refused in RS256 mode, whatever their secret or kid")
    func noKeyConfusion() throws {
        let server = try ServerHarness.session(["--signing-key", Self.pkcs8])
        defer { ServerHarness.finish(server) }
        let expected = try Self.expectedJWKS()
        let kid = try #require(expected["keys"]?[0]?["kid"]?.stringValue)
        let now = ServerHarness.now()
        let claims: JSONObject = [
            "sub": "user_admin", "username": "admin", "roles": ["admin"], "permissions": ["read:*", "write:*"],
            "iat": .number(JSONNumber(now)), "exp": .number(JSONNumber(now + 600)),
        ]
        // The HS256 secret an HS256 server would use: the demo secret, and the one in the
        // environment (ServerHarness sets SIGIL_JWT_SECRET, which RS256 mode ignores).
        let demo = ServerHarness.exampleStyleToken(payload: claims, secret: SigilDemo.secret)
        let configured = ServerHarness.exampleStyleToken(payload: claims, secret: ServerHarness.secret)
        // The classic confusion: HS256 keyed with the public key's PEM and its JWK text, with the kid.
        let publicPEM = try RSA.PrivateKey(
            pemRepresentation: String(decoding: try #require(ServerHarness.readFile(Self.pkcs8)), as: UTF8.self)
        ).publicKey.pemRepresentation
        var forged: [String] = [demo, configured]
        for secret in [publicPEM, try #require(expected["keys"]?[0]).serialized()] {
            let key = try JWTKey.hmac(secret, keyID: kid)
            forged.append(try JWTSigner(key: key).sign(JWTClaims(claims)))
        }
        #expect(forged.count == 4)
        for token in forged {
            let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
            #expect(whoami.errorCode == "invalid_token", "\(whoami.structured)")
            let dashboard = try server.callTool("admin_dashboard", arguments: ["auth": auth(token)])
            #expect(dashboard.errorCode == "invalid_token")
        }
        // And the other way: an HS256 server refuses this server's RS256 tokens.
        let rs256 = try ServerHarness.login(server, "admin").token
        let hs256Server = try ServerHarness.session()
        defer { ServerHarness.finish(hs256Server) }
        #expect(try hs256Server.callTool("whoami", arguments: ["auth": auth(rs256)]).errorCode == "invalid_token")
    }

    @Test(
        "sigil-token generate --key (PKCS#8, PKCS#1, private JWK) makes tokens the server accepts, for its alg only",
        arguments: ["RS256", "RS384", "RS512"])
    func sigilTokenKeys(name: String) throws {
        let server = try ServerHarness.session(["--signing-key", Self.pkcs1, "--signing-alg", name])
        defer { ServerHarness.finish(server) }
        var checked = 0
        for path in [Self.pkcs8, Self.pkcs1, Self.privateJWK] {
            for algorithm in ["RS256", "RS384", "RS512"] {
                let token = try #require(
                    try TokenToolInteropTests.run(
                        ["generate", "--alg", algorithm, "--key", path, "--user", "alice", "--role", "user", "--quiet"]
                    ).last)
                let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
                if algorithm == name {
                    #expect(whoami.structured["username"] == "alice", "\(path) \(algorithm): \(whoami.structured)")
                } else {
                    // The same key under another RSA algorithm is refused too.
                    #expect(whoami.errorCode == "invalid_token", "\(path) \(algorithm)")
                }
                checked += 1
            }
        }
        #expect(checked == 9)
        // With the kid the server publishes (RFC 7638 thumbprint), and with another kid.
        let expectedKeyID = try #require(try Self.expectedJWKS()["keys"]?[0]?["kid"]?.stringValue)
        for (extra, accepted) in [(["--kid-thumbprint"], true), (["--kid", "not-this-servers-key"], false)] {
            let token = try #require(
                try TokenToolInteropTests.run(
                    ["generate", "--alg", name, "--key", Self.pkcs8, "--user", "bob", "--role", "viewer", "--quiet"]
                        + extra
                ).last)
            let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
            if accepted {
                #expect(whoami.structured["username"] == "bob", "\(whoami.structured)")
                let header = try JSONValue.parse(
                    String(decoding: try Base64URL.decode(String(token.prefix { $0 != "." })), as: UTF8.self))
                #expect(header["kid"] == .string(expectedKeyID))
            } else {
                #expect(whoami.errorCode == "invalid_token")
            }
        }
    }

    @Test("unusable signing keys and flags stop the server with status 2 and a clear message")
    func badKeys() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let publicPath = directory + "/public.pem"
        let pem = String(decoding: try #require(ServerHarness.readFile(Self.pkcs8)), as: UTF8.self)
        try ServerHarness.writeFile(publicPath, try RSA.PrivateKey(pemRepresentation: pem).publicKey.pemRepresentation)
        let truncatedPath = directory + "/truncated.pem"
        try ServerHarness.writeFile(truncatedPath, String(pem.prefix(pem.count / 2)) + "\n-----END PRIVATE KEY-----\n")
        let cases: [([String], String)] = [
            (["--signing-key", publicPath], "it holds a public key"),
            (["--signing-key", truncatedPath], "not a usable private key"),
            (["--signing-key", Self.fixtures + "signing-key.jwks.json"], "not a usable private key"),
            (["--signing-key", directory + "/missing.pem"], "cannot read --signing-key"),
            (
                ["--signing-key", Self.pkcs8, "--signing-alg", "HS256"],
                "--signing-alg must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA"
            ),
            (
                ["--signing-key", Self.pkcs8, "--signing-alg", "ES256"],
                "--signing-alg ES256 cannot be used with --signing-key \(Self.pkcs8): this key signs RS256, RS384, "
                    + "RS512, PS256, PS384, PS512"
            ),
            (["--signing-key", Self.pkcs8, "--signing-alg", "EdDSA"], "--signing-alg EdDSA cannot be used"),
            (["--signing-alg", "RS256"], "--signing-alg needs --signing-key"),
            (["--print-jwks"], "--print-jwks needs --signing-key"),
        ]
        for (arguments, message) in cases {
            let run = try Self.runToExit(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.lines.isEmpty, "\(arguments)")
            #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
            #expect(!run.errors.contains("MII"), "no key material in the message")
        }
        #expect(cases.count == 9)
    }
}
