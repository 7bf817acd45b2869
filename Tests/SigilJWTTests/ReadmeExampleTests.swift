import SigilBase64
import SigilHMAC
import SigilJSON
import SigilJWT
import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// The README's quick-start snippets, compiled and run, so the README stays true.
///
/// Keep each test's body in step with the README section it names.
@Suite("README quick start")
struct ReadmeExampleTests {
    @Test("Hashing")
    func hashing() {
        let digest = SHA256.hash(data: Array("abc".utf8))
        #expect(digest.description == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

        var hasher = SHA512()
        hasher.update(data: Array("a".utf8))
        hasher.update(data: Array("bc".utf8))
        let streamed = hasher.finalize()  // finalize() does not consume the hasher
        #expect(streamed == SHA512.hash(data: Array("abc".utf8)))
    }

    @Test("HMAC")
    func hmac() {
        let key = SymmetricKey(data: Array("a 32-byte secret for HMAC-SHA256".utf8))
        let tag = HMAC<SHA256>.authenticationCode(for: Array("message".utf8), using: key)
        let ok = HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: Array("message".utf8), using: key)
        #expect(ok)

        // Many MACs under one key: the ipad/opad blocks are absorbed once.
        let prepared = HMACKey<SHA256>(key)
        let tag2 = prepared.authenticationCode(for: Array("message".utf8))
        #expect(tag2 == tag)
    }

    @Test("base64url")
    func base64url() throws {
        let segment = Base64URL.encode(Array("{\"alg\":\"HS256\"}".utf8))
        #expect(segment == "eyJhbGciOiJIUzI1NiJ9")
        let bytes = try Base64URL.decode(segment)
        #expect(bytes == Array("{\"alg\":\"HS256\"}".utf8))
    }

    @Test("JSON")
    func json() throws {
        let value = try JSONValue.parse(#"{"exp":9007199254740993,"roles":["admin"]}"#)
        #expect(value["exp"]?.numberValue?.literal == "9007199254740993")
        #expect(value.serialized() == #"{"exp":9007199254740993,"roles":["admin"]}"#)
    }

    @Test("JWT: the NextMCP example's API")
    func provider() throws {
        let secret = "an HS256 secret of at least 32 bytes!"
        let provider = try JWTProvider(secret: secret)  // HS256 by default
        let token = try provider.createToken(
            userID: "user_admin", roles: ["admin"], permissions: ["read:*", "write:*", "delete:*"],
            username: "admin", expiresIn: 3600)
        let identity = try provider.authenticate(token: token)  // throws JWTError
        #expect(identity.userID == "user_admin")
        #expect(identity.roles == ["admin"])
        #expect(identity.tokenID != nil)

        do {
            _ = try provider.authenticate(token: token + "x")
            Issue.record("a tampered token was accepted")
        } catch {
            #expect(error.code == .invalidSignature)
            #expect(error.clientMessage == "Invalid token")
        }
    }

    @Test("JWT: verifier with options, key sets and RS256")
    func verifier() throws {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        let groups = try #require(document["testGroups"] as? [[String: Any]])
        let privateKeyPEM = try #require(groups[2]["privateKeyPem"] as? String)

        // Issue RS256 tokens with a private key; publish its public half as a JWK Set.
        let signingKey = try JWTKey.rsa(pem: privateKeyPEM, algorithm: .rs256, keyID: "2026-11")
        let signer = JWTSigner(key: signingKey)
        var claims = JWTClaims()
        claims.subject = "alice"
        claims.issuer = "https://auth.example"
        claims.audience = ["blog-api"]
        claims.expiration = 4_102_444_800  // 2100-01-01
        let token = try signer.sign(claims)
        let jwks = JSONValue.object(JWTKeySet(signingKey).publicJWKS).serialized()  // {"keys":[{"kty":"RSA",…}]}

        // Verify: the key fixes the algorithm; exp is required; 60 s leeway; 16 KiB limit.
        var options = JWTValidationOptions()
        options.issuers = ["https://auth.example"]
        options.audiences = ["blog-api"]
        let verifier = JWTVerifier(keys: try JWTKeySet(jwks: jwks), options: options)
        let verified = try verifier.verify(token)
        #expect(verified.claims.subject == "alice")
        #expect(verified.algorithm == .rs256)
        #expect(verified.keyID == "2026-11")

        options.audiences = ["another-api"]
        #expect(throws: JWTError(.audienceMismatch, "")) {
            try JWTVerifier(keys: try JWTKeySet(jwks: jwks), options: options).verify(token)
        }
    }

    /// README, "Using Sigil in your app", (b): a Codable payload.
    struct AccessClaims: JWTPayload {
        var sub: String
        var scope: String
        var exp: NumericDate
    }

    @Test("Using Sigil in your app: Codable payloads")
    func codablePayload() throws {
        let key = try JWTKey.hmac(Array("a secret of at least thirty-two bytes".utf8))
        let exp = try #require(NumericDate(seconds: Int64(4_102_444_800)))
        let token = try JWTSigner(key: key).sign(AccessClaims(sub: "alice", scope: "read:posts", exp: exp))
        let claims = try JWTVerifier(key: key).verify(token, as: AccessClaims.self)
        #expect(claims.sub == "alice" && claims.scope == "read:posts" && claims.exp == exp)
    }
}
