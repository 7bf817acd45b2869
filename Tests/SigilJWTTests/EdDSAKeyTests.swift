import SigilBase64
import SigilEd25519
import SigilJSON
import SigilJWT
import SigilTestSupport
import Testing

/// EdDSA (RFC 8037): OKP JWKs, the RFC's JWS example, PEM keys, and key confusion with the
/// other families.
@Suite("EdDSA keys")
struct EdDSAKeyTests {
    static func example() throws -> JSONObject {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc6979_ecdsa_rfc8037_eddsa.json"))
        return try #require(file["eddsa"]?[0]?.objectValue)
    }

    static func privateJWK() throws -> JSONObject { try #require(try example()["jwk"]?.objectValue) }

    static func publicJWK() throws -> JSONObject {
        var jwk = try privateJWK()
        jwk["d"] = nil
        return jwk
    }

    @Test("RFC 8037 A.4: the private JWK reproduces the example's signature; the public JWK verifies it")
    func rfcExample() throws {
        let example = try Self.example()
        let input = Array(try #require(example["signingInput"]?.stringValue).utf8)
        let jws = try #require(example["jws"]?.stringValue)
        let signature = try Base64URL.decode(String(jws.split(separator: ".")[2]))

        let signer = try JWTKey(jwk: JSONValue.object(Self.privateJWK()).serialized())
        #expect(signer.algorithm == .edDSA)
        #expect(try signer.signature(for: input) == signature)

        let verifier = JWTVerifier(key: try JWTKey(jwk: JSONValue.object(Self.publicJWK()).serialized()))
        let verified = try verifier.verifySignature(jws)
        #expect(verified.algorithm == .edDSA)
        #expect(String(decoding: verified.payload, as: UTF8.self) == "Example of Ed25519 signing")
    }

    @Test("RFC 8037 A.3: the public key's thumbprint; publicJWK has crv, kty, x")
    func thumbprint() throws {
        let key = try JWTKey(jwk: JSONValue.object(Self.privateJWK()).serialized())
        #expect(key.jwkThumbprint == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        let published = try #require(key.publicJWK)
        #expect(published["kty"] == "OKP")
        #expect(published["crv"] == "Ed25519")
        #expect(try published["x"] == Self.privateJWK()["x"])
        #expect(published["d"] == nil)
    }

    @Test("claims round-trip through PEM keys, and a tampered token is refused")
    func pemRoundTrip() throws {
        let privateKey = Curve25519.Signing.PrivateKey()
        let signer = try JWTKey(pem: privateKey.pemRepresentation)
        let verifierKey = try JWTKey(pem: privateKey.publicKey.pemRepresentation)
        #expect(!verifierKey.canSign)
        var claims = JWTClaims()
        claims.subject = "alice"
        claims.expiration = TokenForge.now + 60
        let token = try JWTSigner(key: signer).sign(claims)
        let verifier = try TokenForge.verifier(key: verifierKey)
        #expect(try verifier.verify(token).claims.subject == "alice")
        var bytes = Array(token.utf8)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let error = TokenForge.error { () throws(JWTError) in
            try verifier.verify(String(decoding: bytes, as: UTF8.self))
        }
        #expect(error?.code == .invalidSignature || error?.code == .malformed)
    }

    @Test("key confusion: HS256 with the public key bytes as a secret, and EdDSA against other families")
    func confusion() throws {
        let edKey = try JWTKey(jwk: JSONValue.object(Self.publicJWK()).serialized())
        let x = try Base64URL.decode(try #require(Self.publicJWK()["x"]?.stringValue))
        // An HS256 token MACed with the public key's bytes (padded to a valid secret length).
        let forged = try TokenForge.token(
            payload: #"{"sub":"mallory","exp":\#(TokenForge.now + 60)}"#, key: try JWTKey.hmac(x + x))
        let verifier = try TokenForge.verifier(key: edKey) { $0.allowedAlgorithms = [.hs256, .edDSA] }
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(forged) }?.code == .algorithmNotAllowed)
        // An EdDSA token presented to an HMAC key.
        let signer = try JWTKey(jwk: JSONValue.object(Self.privateJWK()).serialized())
        let token = try JWTSigner(key: signer).sign(["sub": "a", "exp": .number(JSONNumber(TokenForge.now + 60))])
        let hmacVerifier = try TokenForge.verifier(key: try JWTKey.hmac(x + x)) { $0.allowedAlgorithms = [.edDSA] }
        #expect(
            TokenForge.error { () throws(JWTError) in try hmacVerifier.verify(token) }?.code == .algorithmNotAllowed)
        #expect(!edKey.supports(.hs256) && !edKey.supports(.rs256))
    }

    @Test(
        "malformed OKP JWKs are invalidKey",
        arguments: [
            #"{"kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
            #"{"kty":"OKP","crv":"Ed448","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
            #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcH"}"#,
            #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"AAAA"}"#,
            #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","#
                + #""d":"AWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#,
            #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","alg":"HS256"}"#,
        ])
    func malformed(jwk: String) {
        #expect(TokenForge.error { () throws(JWTError) in try JWTKey(jwk: jwk) }?.code == .invalidKey)
    }
}
