import SigilBase64
import SigilExampleServer
import SigilJSON
import SigilJWT
import SigilMCP
import SigilMCPTesting
import Testing

/// `sigil-server --signing-key PEM` with EC (P-256, P-384, P-521) and Ed25519 keys: each starts, signs tokens it
/// verifies itself, and publishes a JWK Set that verifies them through the library.
///
/// The keys are fixtures made by `Fixtures/make-curve-keys.py` (Python `cryptography`), which also computed the
/// published JWKs and their kid (RFC 7638) independently of Sigil.
@Suite("sigil-server --signing-key: ES256/ES384/ES512 and EdDSA tokens and the JWK Set")
struct CurveSigningKeyTests {
    /// What a client of the server checks: its issuer and audience (the defaults).
    static let serverTokens = JWTValidationOptions(issuers: ["sigil-server"], audiences: ["sigil-blog"])

    static let fixtures = String(#filePath.dropLast("CurveSigningKeyTests.swift".count)) + "Fixtures/"

    /// Each algorithm with its signature size (RFC 7518 §3.4: 2 × the curve's size; RFC 8032 §5.1.6: 64).
    static let algorithms: [(name: String, signatureBytes: Int)] = [
        ("ES256", 64), ("ES384", 96), ("ES512", 132), ("EdDSA", 64),
    ]

    /// Every private-key PEM file with the algorithm it signs: SEC 1 and PKCS#8 for EC,
    /// PKCS#8 for Ed25519.
    static let privateKeyFiles: [(algorithm: String, file: String)] = [
        ("ES256", "es256-sec1.pem"), ("ES256", "es256-pkcs8.pem"), ("ES384", "es384-sec1.pem"),
        ("ES384", "es384-pkcs8.pem"), ("ES512", "es512-sec1.pem"), ("ES512", "es512-pkcs8.pem"),
        ("EdDSA", "eddsa-pkcs8.pem"),
    ]

    /// The PKCS#8 private key of an algorithm's fixture.
    static func pkcs8(_ algorithm: String) -> String { fixtures + algorithm.lowercased() + "-pkcs8.pem" }

    /// The JWK Set make-curve-keys.py expects a server with this algorithm's key to publish.
    static func expectedJWKS(_ algorithm: String) throws -> JSONValue {
        let bytes = try #require(ServerHarness.readFile(fixtures + "curve-keys.jwks.json"))
        return try #require(try JSONValue.parse(String(decoding: bytes, as: UTF8.self))[algorithm])
    }

    /// The decoded JOSE header of a compact token.
    static func header(_ token: String) throws -> JSONValue {
        try JSONValue.parse(String(decoding: try Base64URL.decode(String(token.prefix { $0 != "." })), as: UTF8.self))
    }

    @Test("--print-jwks: kty, crv, x (and y), use, alg and kid = the RFC 7638 thumbprint", arguments: privateKeyFiles)
    func printJWKS(algorithm: String, file: String) throws {
        let expected = try Self.expectedJWKS(algorithm)
        for extra in [[], ["--signing-alg", algorithm]] {
            let text = try RS256ServerTests.printedJWKS(["--signing-key", Self.fixtures + file] + extra)
            let jwks = try JSONValue.parse(text)
            #expect(jwks == expected, "\(file) \(extra)")
            let key = try #require(jwks["keys"]?[0])
            #expect(jwks["keys"]?.arrayValue?.count == 1)
            #expect(key["kty"] == (algorithm == "EdDSA" ? "OKP" : "EC"))
            #expect(key["alg"] == .string(algorithm))
            #expect(key["use"] == "sig")
            #expect(key["kid"]?.stringValue?.count == 43)
            #expect(key["d"] == nil, "no private member is published")
            // Sigil's own thumbprint of the parsed key agrees with Python's.
            let set = try JWTKeySet(jwks: text)
            #expect(set.keys.first?.jwkThumbprint == key["kid"]?.stringValue)
            #expect(set.keys.first?.canSign == false)
        }
    }

    @Test(
        "login issues tokens with the key's alg and kid; the jwks tool's set verifies them; whoami works",
        arguments: algorithms)
    func loginAndVerify(algorithm: String, signatureBytes: Int) throws {
        let expected = try Self.expectedJWKS(algorithm)
        let kid = try #require(expected["keys"]?[0]?["kid"]?.stringValue)
        // EC servers start from the SEC 1 form here (PKCS#8 is covered by the other tests).
        let keyFile =
            algorithm == "EdDSA" ? Self.pkcs8(algorithm) : Self.fixtures + algorithm.lowercased() + "-sec1.pem"
        let server = try ServerHarness.session(["--signing-key", keyFile])
        defer { ServerHarness.finish(server) }

        let info = try server.callTool("public_info").structured
        #expect(info["auth"] == .string("JWT (\(algorithm)) bearer tokens"))
        #expect(info["public_keys"]?.stringValue?.isEmpty == false)

        let published = try server.callTool("jwks")
        #expect(published.allowed)
        #expect(published.structured == expected)
        let keys = try JWTKeySet(jwks: published.structured.serialized())

        let (token, refresh) = try ServerHarness.login(server, "admin")
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(segments.count == 3)
        #expect(try Self.header(token) == ["alg": .string(algorithm), "kid": .string(kid), "typ": "JWT"])
        #expect(try Base64URL.decode(String(segments[2])).count == signatureBytes)

        let verified = try JWTVerifier(keys: keys, options: Self.serverTokens).verify(token)
        #expect(verified.algorithm.rawValue == algorithm)
        #expect(verified.keyID == kid)
        #expect(verified.claims.subject == "user_admin")

        // sigil-token verifies it with the public key's PEM (named by its thumbprint).
        let publicPEM = Self.fixtures + algorithm.lowercased() + "-public.pem"
        let verifiedByCLI = try TokenToolInteropTests.run([
            "verify", "--alg", algorithm, "--key", publicPEM, "--issuer", "sigil-server", "--audience", "sigil-blog",
            token,
        ])
        #expect(try JSONValue.parse(verifiedByCLI.joined())["valid"] == true)

        let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
        #expect(whoami.allowed)
        #expect(whoami.structured["username"] == "admin")
        #expect(try server.callTool("admin_dashboard", arguments: ["auth": auth(token)]).allowed)

        // A refreshed token is signed the same way and verifies too.
        let rotated = try server.callTool("refresh_token", arguments: ["refresh_token": .string(refresh)])
        #expect(rotated.allowed)
        let newToken = try #require(rotated.structured["token"]?.stringValue)
        #expect(try JWTVerifier(keys: keys, options: Self.serverTokens).verify(newToken).keyID == kid)

        // A tampered signature is refused, by the server and by the published set.
        let signature = try Base64URL.decode(String(segments[2]))
        var flipped = signature
        flipped[flipped.count / 2] ^= 0x01
        let tampered = String(segments[0]) + "." + String(segments[1]) + "." + Base64URL.encode(flipped)
        #expect(try server.callTool("whoami", arguments: ["auth": auth(tampered)]).errorCode == "invalid_token")
        #expect(throws: JWTError.self) { try JWTVerifier(keys: keys, options: Self.serverTokens).verify(tampered) }
    }

    @Test(
        "sigil-token generate with the key (SEC 1, PKCS#8, private JWK) makes tokens the server accepts; other keys not",
        arguments: algorithms.map(\.name))
    func sigilTokenKeys(algorithm: String) throws {
        let server = try ServerHarness.session(["--signing-key", Self.pkcs8(algorithm)])
        defer { ServerHarness.finish(server) }
        let stem = Self.fixtures + algorithm.lowercased()
        var forms = [stem + "-pkcs8.pem", stem + ".private.jwk.json"]
        if algorithm != "EdDSA" { forms.append(stem + "-sec1.pem") }
        for path in forms {
            for extra in [[], ["--kid-thumbprint"], ["--alg", algorithm]] {
                let token = try #require(
                    try TokenToolInteropTests.run(
                        ["generate", "--key", path, "--user", "alice", "--role", "user", "--quiet"] + extra
                    ).last)
                #expect(try Self.header(token)["alg"] == .string(algorithm), "\(path) \(extra)")
                let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
                #expect(whoami.structured["username"] == "alice", "\(path) \(extra): \(whoami.structured)")
            }
        }
        // Every other key (another family, another curve, another key of the same curve) is
        // refused, with and without this server's kid.
        let kid = try #require(try Self.expectedJWKS(algorithm)["keys"]?[0]?["kid"]?.stringValue)
        var others = Self.algorithms.map(\.name).filter { $0 != algorithm }.map { Self.pkcs8($0) }
        others += [Self.fixtures + "signing-key-pkcs8.pem", Self.fixtures + "es256-other-pkcs8.pem"]
        var refused = 0
        for path in others {
            for extra in [[], ["--kid", kid]] {
                let token = try #require(
                    try TokenToolInteropTests.run(
                        ["generate", "--key", path, "--user", "alice", "--role", "admin", "--quiet"] + extra
                    ).last)
                let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
                #expect(whoami.errorCode == "invalid_token", "\(path) \(extra): \(whoami.structured)")
                refused += 1
            }
        }
        #expect(refused == 10)
    }

    @Test("no key confusion: HS256 tokens keyed with the public key's PEM or JWK are refused", arguments: algorithms)
    func noKeyConfusion(algorithm: String, signatureBytes: Int) throws {
        let server = try ServerHarness.session(["--signing-key", Self.pkcs8(algorithm)])
        defer { ServerHarness.finish(server) }
        let jwk = try #require(try Self.expectedJWKS(algorithm)["keys"]?[0])
        let kid = try #require(jwk["kid"]?.stringValue)
        let publicPEM = String(
            decoding: try #require(ServerHarness.readFile(Self.fixtures + algorithm.lowercased() + "-public.pem")),
            as: UTF8.self)
        let now = ServerHarness.now()
        let claims: JSONObject = [
            "sub": "user_admin", "username": "admin", "roles": ["admin"], "permissions": ["read:*", "write:*"],
            "iat": .number(JSONNumber(now)), "exp": .number(JSONNumber(now + 600)),
        ]
        var forged = [ServerHarness.exampleStyleToken(payload: claims, secret: ServerHarness.secret)]
        for secret in [publicPEM, jwk.serialized()] {
            forged.append(try JWTSigner(key: try JWTKey.hmac(secret, keyID: kid)).sign(JWTClaims(claims)))
        }
        for token in forged {
            #expect(try server.callTool("whoami", arguments: ["auth": auth(token)]).errorCode == "invalid_token")
        }
        // And an HS256 server refuses this server's tokens.
        let token = try ServerHarness.login(server, "admin").token
        let hs256Server = try ServerHarness.session()
        defer { ServerHarness.finish(hs256Server) }
        #expect(try hs256Server.callTool("whoami", arguments: ["auth": auth(token)]).errorCode == "invalid_token")
    }

    @Test("an algorithm the key cannot sign, or a public key, stops the server with status 2 and a clear message")
    func unusableAlgorithms() throws {
        let cases: [([String], String)] = [
            (["--signing-key", Self.pkcs8("ES256"), "--signing-alg", "ES384"], "--signing-alg ES384 cannot be used"),
            (["--signing-key", Self.pkcs8("ES256"), "--signing-alg", "RS256"], "this key signs ES256"),
            (["--signing-key", Self.fixtures + "es384-sec1.pem", "--signing-alg", "ES256"], "this key signs ES384"),
            (["--signing-key", Self.pkcs8("ES512"), "--signing-alg", "PS512"], "this key signs ES512"),
            (["--signing-key", Self.pkcs8("EdDSA"), "--signing-alg", "ES256"], "this key signs EdDSA"),
            (["--signing-key", Self.pkcs8("EdDSA"), "--signing-alg", "eddsa"], "--signing-alg must be one of"),
            (["--signing-key", Self.fixtures + "es256-public.pem"], "it holds a public key"),
            (["--signing-key", Self.fixtures + "eddsa-public.pem"], "it holds a public key"),
            (["--signing-key", Self.fixtures + "es256.private.jwk.json"], "not a usable private key"),
        ]
        for (arguments, message) in cases {
            let run = try RS256ServerTests.runToExit(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.lines.isEmpty, "\(arguments)")
            #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
            // No line of the key file (PEM base64 or JWK members) shows up in the message.
            let key = String(decoding: try #require(ServerHarness.readFile(arguments[1])), as: UTF8.self)
            for line in key.split(separator: "\n") where line.count >= 16 && !line.hasPrefix("-----") {
                #expect(!run.errors.contains(String(line.suffix(16))), "no key material in the message")
            }
        }
        #expect(cases.count == 9)
    }
}
