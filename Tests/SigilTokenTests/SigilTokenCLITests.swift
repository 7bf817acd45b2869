import Foundation
import SigilBase64
import SigilJSON
import SigilJWT
import Testing

/// Runs the built `sigil-token` binary (a test dependency, so it is built with the tests).
enum SigilToken {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String

        var json: JSONValue? { try? JSONValue.parse(stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The binary, found next to the running test bundle in the build products directory.
    static let binary: URL? = {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if !FileManager.default.fileExists(atPath: directory.path) {
            directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        }
        for _ in 0..<5 {
            directory = directory.deletingLastPathComponent()
            let candidate = directory.appendingPathComponent("sigil-token")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static let secret = "cli-test-secret-0123456789abcdef-0123456789"

    /// Writing to a child that exited without reading stdin must not kill the test runner.
    static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    static func run(_ arguments: [String], stdin: String? = nil, secret: String? = SigilToken.secret) throws -> Output {
        _ = ignoreBrokenPipes
        let binary = try #require(binary, "sigil-token must be built next to the test bundle")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SIGIL_JWT_SECRET"] = secret
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFile(_ contents: String) throws -> String {
        let path = NSTemporaryDirectory() + "sigil-token-test-\(UUID().uuidString)"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

@Suite("sigil-token CLI")
struct SigilTokenCLITests {
    @Test(
        "every token generate makes verifies with verify",
        arguments: [
            ["generate", "--user", "admin", "--role", "admin"],
            ["--user", "admin", "--role", "admin"],  // the NextMCP example's command line, no subcommand
            ["generate", "--user", "alice", "--role", "user", "--expires", "60"],
            ["generate", "--user", "bob", "--role", "viewer", "--permission", "read:comments"],
            [
                "generate", "--user", "carol", "--role", "user", "--role", "viewer", "--claim", "tenant=blue",
                "--claim", "level=3", "--claim", #"tags=["a","b"]"#,
            ],
            ["generate", "--user", "dave", "--role", "admin", "--alg", "HS256"],
        ])
    func generateThenVerify(arguments: [String]) throws {
        let generated = try SigilToken.run(arguments + ["--quiet"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let token = generated.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.split(separator: ".").count == 3)
        let verified = try SigilToken.run(["verify", token])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        let json = try #require(verified.json)
        #expect(json["valid"] == true)
        #expect(json["header"]?["alg"] == "HS256")
        let payload = try #require(json["payload"]?.objectValue)
        #expect(payload.keys.starts(with: ["sub", "username", "roles", "permissions", "iat", "exp", "jti"]))
        // And with the library directly, with the same secret.
        let provider = try JWTProvider(secret: SigilToken.secret)
        let identity = try provider.authenticate(token: token)
        #expect(identity.userID.hasPrefix("user_"))
    }

    @Test("generate writes the NextMCP example's claims and role permissions")
    func generateClaims() throws {
        let output = try SigilToken.run(["generate", "--user", "admin", "--role", "admin", "--quiet"])
        let identity = try JWTProvider(secret: SigilToken.secret).authenticate(
            token: output.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(identity.userID == "user_admin")
        #expect(identity.username == "admin")
        #expect(identity.roles == ["admin"])
        #expect(identity.permissions == ["delete:*", "read:*", "write:*"])
        let user = try SigilToken.run(["generate", "--user", "alice", "--role", "user", "--quiet"])
        let alice = try JWTProvider(secret: SigilToken.secret).authenticate(
            token: user.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(alice.permissions == ["read:posts", "write:own_posts"])
        let viewer = try SigilToken.run(["--user", "bob", "--role", "viewer", "--quiet"])
        let bob = try JWTProvider(secret: SigilToken.secret).authenticate(
            token: viewer.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(bob.permissions == ["read:posts"])
        let custom = try SigilToken.run(
            ["generate", "--user", "x", "--role", "user", "--claim", "level=3", "--claim", "name=x y", "--quiet"])
        let claims = try JWTProvider(secret: SigilToken.secret).authenticate(
            token: custom.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        ).claims
        #expect(claims["level"] == 3)
        #expect(claims["name"] == "x y")
    }

    @Test("the human summary names user, role, permissions, expiry and the token")
    func summary() throws {
        let output = try SigilToken.run(["generate", "--user", "admin", "--role", "admin"])
        #expect(output.status == 0)
        for text in ["User:", "admin", "Role:", "Permissions:", "read:*", "Expires:", "Token:", "eyJ"] {
            #expect(output.stdout.contains(text), "\(text)")
        }
    }

    @Test("without SIGIL_JWT_SECRET the demo secret is used, with a warning on stderr")
    func demoSecret() throws {
        let output = try SigilToken.run(["generate", "--user", "a", "--role", "user", "--quiet"], secret: nil)
        #expect(output.status == 0)
        #expect(output.stderr.contains("warning"))
        let token = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // sigil-token's documented demo secret, public on purpose.
        let demoSecret = "sigil-demo-secret-PUBLIC-do-not-use-in-production"
        #expect(try JWTProvider(secret: demoSecret).authenticate(token: token).userID == "user_a")
        // A secret under 32 bytes is refused.
        let weak = try SigilToken.run(["generate", "--user", "a", "--role", "user"], secret: "short")
        #expect(weak.status == 2)
        #expect(weak.stderr.contains("32"))
    }

    @Test("verify reports invalid tokens as JSON with exit status 1")
    func verifyInvalid() throws {
        let token = try SigilToken.run(["generate", "--user", "a", "--role", "user", "--quiet", "--expires", "60"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cases: [([String], String)] = [
            (["verify", token + ".x"], "malformed"),
            (["verify", String(token.dropLast(3)) + "AAA"], "invalidSignature"),
            (["verify", "--now", "4102444800", token], "expired"),
            (["verify", "--issuer", "me", token], "missingClaim"),
            (["verify", "--alg", "RS256", token], "algorithmNotAllowed"),
            (["verify", "a.b"], "malformed"),
            (["verify", "--require", "scope", token], "missingClaim"),
        ]
        for (arguments, code) in cases {
            let output = try SigilToken.run(arguments)
            #expect(output.status == 1, "\(arguments)")
            let json = try #require(output.json, "\(output.stdout)")
            #expect(json["valid"] == false)
            #expect(json["error"]?.stringValue == code, "\(arguments): \(output.stdout)")
            #expect(json["message"]?.stringValue?.isEmpty == false)
            #expect(!output.stdout.contains(token))
        }
        // With another secret.
        let other = try SigilToken.run(["verify", token], secret: "another-secret-another-secret-0123")
        #expect(other.status == 1)
        #expect(other.json?["error"] == "invalidSignature")
    }

    @Test("verify reads the token from stdin with -, and a secret from --secret-file")
    func verifyInputs() throws {
        let token = try SigilToken.run(["generate", "--user", "a", "--role", "user", "--quiet"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let stdin = try SigilToken.run(["verify", "-"], stdin: token + "\n")
        #expect(stdin.status == 0)
        let file = try SigilToken.temporaryFile(SigilToken.secret + "\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let fromFile = try SigilToken.run(
            ["verify", "--secret-file", file, token], secret: "unused-unused-unused-unused-unused")
        #expect(fromFile.status == 0, "\(fromFile.stdout)")
        // A JWK file holding the same secret.
        let jwk = try SigilToken.temporaryFile(
            #"{"kty":"oct","alg":"HS256","k":"\#(Base64URL.encode(Array(SigilToken.secret.utf8)))"}"#)
        defer { try? FileManager.default.removeItem(atPath: jwk) }
        let fromJWK = try SigilToken.run(["verify", "--key", jwk, token])
        #expect(fromJWK.status == 0, "\(fromJWK.stdout) \(fromJWK.stderr)")
        // --now and --leeway.
        let payload = try #require(try SigilToken.run(["verify", token]).json?["payload"])
        let exp = try #require(payload["exp"]?.numberValue?.int64Value)
        #expect(try SigilToken.run(["verify", "--now", "\(exp + 59)", token]).status == 0)
        #expect(try SigilToken.run(["verify", "--now", "\(exp + 60)", token]).status == 1)
        #expect(try SigilToken.run(["verify", "--now", "\(exp)", "--leeway", "0", token]).status == 1)
    }

    @Test("decode prints header and payload marked unverified")
    func decode() throws {
        let token = try SigilToken.run(["generate", "--user", "a", "--role", "user", "--quiet"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let output = try SigilToken.run(["decode", token])
        #expect(output.status == 0)
        #expect(output.json?["verified"] == false)
        #expect(output.json?["payload"]?["sub"] == "user_a")
        #expect(output.stderr.contains("UNVERIFIED"))
        // Decoding does not need the secret, and works on a tampered token.
        let tampered = String(token.dropLast(3)) + "AAA"
        #expect(try SigilToken.run(["decode", tampered], secret: nil).status == 0)
        #expect(try SigilToken.run(["decode", "a.b"]).status == 1)
        #expect(try SigilToken.run(["decode", "!!.b.c"]).status == 1)
    }

    @Test("hash-password prints a PHC string that verifies")
    func hashPassword() throws {
        let output = try SigilToken.run(["hash-password", "--iterations", "1000"], stdin: "correct horse\n")
        #expect(output.status == 0, "\(output.stderr)")
        let encoded = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(encoded.hasPrefix("$pbkdf2-sha256$i=1000$"))
        let empty = try SigilToken.run(["hash-password"], stdin: "\n")
        #expect(empty.status == 2)
        #expect(try SigilToken.run(["hash-password", "--iterations", "5"], stdin: "pw\n").status == 2)
        #expect(try SigilToken.run(["hash-password", "pw"], stdin: "pw\n").status == 2)
    }

    @Test(
        "--help works for every command and exits 0",
        arguments: [
            ["--help"], ["generate", "--help"], ["verify", "--help"], ["decode", "--help"],
            ["hash-password", "--help"],
            ["verify", "-h"],
        ])
    func help(arguments: [String]) throws {
        let output = try SigilToken.run(arguments)
        #expect(output.status == 0)
        #expect(output.stdout.contains("Usage: sigil-token"))
    }

    @Test(
        "unknown flags, missing values and bad arguments exit 2",
        arguments: [
            ["generate", "--user", "a", "--role", "user", "--bogus"],
            ["--user", "a", "--role", "user", "--bogus"],
            ["generate", "--role", "user"],
            ["generate", "--user", "a"],
            ["generate", "--user"],
            ["generate", "--user", "a", "--role", "user", "--expires", "soon"],
            ["generate", "--user", "a", "--role", "user", "--expires", "-5"],
            ["generate", "--user", "a", "--role", "user", "--alg", "none"],
            ["generate", "--user", "a", "--role", "user", "--claim", "novalue"],
            ["generate", "--user", "a", "--user", "b", "--role", "user"],
            ["generate", "--user", "a", "--role", "user", "--quiet=yes"],
            ["generate", "--user", "a", "--role", "user", "extra"],
            ["verify"],
            ["verify", "--bogus", "x.y.z"],
            ["verify", "a.b.c", "d.e.f"],
            ["verify", "--alg", "ES256K", "a.b.c"],
            ["verify", "--leeway", "-1", "a.b.c"],
            ["verify", "--key", "/nonexistent/key.pem", "a.b.c"],
            ["decode"],
            ["decode", "--bogus", "a.b.c"],
            ["frobnicate"],
            [],
        ])
    func usageErrors(arguments: [String]) throws {
        let output = try SigilToken.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stdout)")
        #expect(!output.stderr.isEmpty)
    }
}

@Suite("sigil-token CLI with RSA keys")
struct SigilTokenRSACLITests {
    /// SigilJWT's PyJWT fixtures (RSA keys in PEM and JWK form), read through `#filePath`.
    static func fixtures() throws -> JSONObject {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SigilJWTTests/Fixtures/pyjwt_tokens.json")
        return try #require(try JSONValue.parse(String(decoding: Data(contentsOf: url), as: UTF8.self)).objectValue)
    }

    @Test("generate --alg RS256 --key private.pem; verify --key public.pem (and JWK, JWKS)")
    func rsaRoundTrip() throws {
        let fixtures = try Self.fixtures()
        let privatePEM = try SigilToken.temporaryFile(try #require(fixtures["rsaTestPrivateKeyPEM"]?.stringValue))
        let publicPEM = try SigilToken.temporaryFile(try #require(fixtures["rsaPublicKeyPEM"]?.stringValue))
        let jwk = try #require(fixtures["rsaPublicJWK"])
        let publicJWK = try SigilToken.temporaryFile(jwk.serialized())
        let jwks = try SigilToken.temporaryFile(JSONValue.object(["keys": [jwk]]).serialized())
        defer {
            for path in [privatePEM, publicPEM, publicJWK, jwks] { try? FileManager.default.removeItem(atPath: path) }
        }
        for algorithm in ["RS256", "RS384", "RS512"] {
            let generated = try SigilToken.run(
                ["generate", "--alg", algorithm, "--key", privatePEM, "--user", "admin", "--role", "admin", "--quiet"],
                secret: nil)
            #expect(generated.status == 0, "\(generated.stderr)")
            #expect(!generated.stderr.contains("warning"))  // no secret involved
            let token = generated.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let verified = try SigilToken.run(["verify", "--key", publicPEM, "--alg", algorithm, token])
            #expect(verified.status == 0, "\(verified.stdout)")
            #expect(verified.json?["header"]?["alg"]?.stringValue == algorithm)
            // By default only the key's own algorithm (RS256 for a PEM key) is allowed.
            let strict = try SigilToken.run(["verify", "--key", publicPEM, token])
            #expect(strict.status == (algorithm == "RS256" ? 0 : 1))
        }
        // PEM defaults to RS256 without --alg; the JWK (alg RS256) and JWKS verify it.
        let token = try SigilToken.run(["generate", "--key", privatePEM, "--user", "a", "--role", "user", "--quiet"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try SigilToken.run(["verify", "--key", publicJWK, token]).status == 0)
        #expect(try SigilToken.run(["verify", "--key", jwks, token]).status == 0)
        // The classic confusion through the CLI: the public PEM as an HMAC secret file.
        let forged = try SigilToken.run(
            ["generate", "--secret-file", publicPEM, "--user", "admin", "--role", "admin", "--quiet"])
        #expect(forged.status == 0)
        let rejected = try SigilToken.run(
            ["verify", "--key", publicPEM, forged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(rejected.status == 1)
        #expect(rejected.json?["error"] == "algorithmNotAllowed")
        // A public key cannot sign; RS256 without --key is a usage error.
        #expect(try SigilToken.run(["generate", "--key", publicPEM, "--user", "a", "--role", "user"]).status == 2)
        #expect(try SigilToken.run(["generate", "--alg", "RS256", "--user", "a", "--role", "user"]).status == 2)
    }

    @Test("generate --kid ID and --kid-thumbprint (RFC 7638) write the header's kid; misuse is a usage error")
    func keyIDs() throws {
        let fixtures = try Self.fixtures()
        let pem = try #require(fixtures["rsaTestPrivateKeyPEM"]?.stringValue)
        let privatePEM = try SigilToken.temporaryFile(pem)
        let publicPEM = try SigilToken.temporaryFile(try #require(fixtures["rsaPublicKeyPEM"]?.stringValue))
        defer { for path in [privatePEM, publicPEM] { try? FileManager.default.removeItem(atPath: path) } }
        let thumbprint = try #require(try JWTKey.rsa(pem: pem).jwkThumbprint)
        let base = ["generate", "--key", privatePEM, "--user", "a", "--role", "user", "--quiet"]
        for (extra, kid) in [(["--kid-thumbprint"], thumbprint), (["--kid", "2026-11"], "2026-11")] {
            let generated = try SigilToken.run(base + extra)
            #expect(generated.status == 0, "\(generated.stderr)")
            let token = generated.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let decoded = try SigilToken.run(["decode", token])
            #expect(decoded.json?["header"] == ["alg": "RS256", "kid": .string(kid), "typ": "JWT"])
            // A JWK Set naming the key by that kid verifies it.
            var jwk = try #require(fixtures["rsaPublicJWK"]?.objectValue)
            jwk["kid"] = .string(kid)
            let jwks = try SigilToken.temporaryFile(JSONValue.object(["keys": [.object(jwk)]]).serialized())
            defer { try? FileManager.default.removeItem(atPath: jwks) }
            let verified = try SigilToken.run(["verify", "--key", jwks, token])
            #expect(verified.status == 0, "\(verified.stdout)")
            // A PEM public key is named by its thumbprint: it verifies that kid, and no other.
            let byPEM = try SigilToken.run(["verify", "--key", publicPEM, token])
            #expect(byPEM.status == (kid == thumbprint ? 0 : 1), "\(byPEM.stdout)")
            if kid != thumbprint { #expect(byPEM.json?["error"] == "unknownKeyID") }
        }
        let misuses: [[String]] = [
            base + ["--kid", "x", "--kid-thumbprint"],
            base + ["--kid", ""],
            ["generate", "--user", "a", "--role", "user", "--kid-thumbprint"],
        ]
        for arguments in misuses {
            let result = try SigilToken.run(arguments, secret: String(repeating: "s", count: 32))
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(misuses.count == 3)
    }
}
