import SigilBase64
import SigilEC
import SigilJSON
import SigilJWT
import SigilTestSupport
import Testing

/// ES256/384/512 (RFC 7518 §3.4) and PS256/384/512 (RFC 7518 §3.5) as JWT families: EC
/// JWKs, deterministic signatures, the R‖S format, curve pinning, and PSS beside PKCS#1 v1.5
/// on the same RSA key.
@Suite("ECDSA and RSASSA-PSS keys")
struct ECDSAAndPSSKeyTests {
    static func rfc6979() throws -> [JSONValue] {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc6979_ecdsa_rfc8037_eddsa.json"))
        return try #require(file["ecdsa"]?.arrayValue)
    }

    static func hexToBase64URL(_ hex: String?) throws -> String {
        Base64URL.encode(try bytes(hex))
    }

    static func bytes(_ hex: String?) throws -> [UInt8] {
        let text = try #require(hex)
        return try #require([UInt8](hex: text))
    }

    @Test("RFC 6979's keys as EC JWKs reproduce its deterministic signatures, R‖S, byte for byte")
    func rfc6979Signatures() throws {
        let cases = try Self.rfc6979()
        #expect(cases.count == 6)
        for entry in cases {
            let curve = try #require(entry["curve"]?.stringValue)
            let jwk: JSONValue = [
                "kty": "EC", "crv": .string(curve),
                "d": .string(try Self.hexToBase64URL(entry["d"]?.stringValue)),
                "x": .string(try Self.hexToBase64URL(entry["Qx"]?.stringValue)),
                "y": .string(try Self.hexToBase64URL(entry["Qy"]?.stringValue)),
            ]
            let key = try JWTKey(jwk: jwk.serialized())
            let expectedAlgorithm: JWTAlgorithm = ["P-256": .es256, "P-384": .es384, "P-521": .es512][curve] ?? .hs256
            #expect(key.algorithm == expectedAlgorithm)
            let message = Array(try #require(entry["message"]?.stringValue).utf8)
            let r = try Self.bytes(entry["r"]?.stringValue)
            let s = try Self.bytes(entry["s"]?.stringValue)
            let signature = try key.signature(for: message)
            #expect(signature == r + s, "\(curve) \(entry["message"]?.stringValue ?? "")")
            #expect(key.isValidSignature(signature, for: message))
            // Each curve verifies its own algorithm only.
            for other in JWTAlgorithm.ecdsaAlgorithms where other != expectedAlgorithm {
                #expect(!key.supports(other))
            }
        }
    }

    @Test("ES256 tokens round-trip through PEM keys; DER-encoded signatures are refused", arguments: [0, 1, 2])
    func roundTrip(curveIndex: Int) throws {
        let (signer, verifierKey): (JWTKey, JWTKey)
        switch curveIndex {
        case 0:
            let key = P256.Signing.PrivateKey()
            (signer, verifierKey) = (
                try JWTKey(pem: key.pemRepresentation), try JWTKey(pem: key.publicKey.pemRepresentation)
            )
        case 1:
            let key = P384.Signing.PrivateKey()
            (signer, verifierKey) = (
                try JWTKey(pem: key.sec1PEMRepresentation), try JWTKey(pem: key.publicKey.pemRepresentation)
            )
        default:
            let key = P521.Signing.PrivateKey()
            (signer, verifierKey) = (JWTKey.es512(key), JWTKey.es512(key.publicKey))
        }
        var claims = JWTClaims()
        claims.subject = "alice"
        claims.expiration = TokenForge.now + 60
        let token = try JWTSigner(key: signer).sign(claims)
        let verifier = try TokenForge.verifier(key: verifierKey)
        #expect(try verifier.verify(token).claims.subject == "alice")
        // The same signature in DER is not a JWS signature (RFC 7518 §3.4).
        let parts = token.split(separator: ".").map(String.init)
        let raw = try Base64URL.decode(parts[2])
        let half = raw.count / 2
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var trimmed = Array(bytes.drop { $0 == 0 })
            if trimmed.isEmpty || trimmed[0] & 0x80 != 0 { trimmed.insert(0, at: 0) }
            return [0x02, UInt8(trimmed.count)] + trimmed
        }
        let body = integer(raw[..<half]) + integer(raw[half...])
        let der = body.count < 128 ? [0x30, UInt8(body.count)] + body : [0x30, 0x81, UInt8(body.count)] + body
        let forged = parts[0] + "." + parts[1] + "." + Base64URL.encode(der)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(forged) }?.code == .invalidSignature)
        #expect(!verifierKey.canSign)
    }

    @Test("EC JWKs: coordinates of the wrong size, points off the curve, and a d that does not match are refused")
    func malformedECJWKs() throws {
        let entry = try Self.rfc6979()[0]
        let x = try Self.hexToBase64URL(entry["Qx"]?.stringValue)
        let y = try Self.hexToBase64URL(entry["Qy"]?.stringValue)
        let otherD = Base64URL.encode(Array(repeating: 7, count: 32))
        let cases = [
            #"{"kty":"EC","crv":"P-256","x":"\#(x)"}"#,
            #"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(x)"}"#,
            #"{"kty":"EC","crv":"P-384","x":"\#(x)","y":"\#(y)"}"#,
            #"{"kty":"EC","crv":"secp256k1","x":"\#(x)","y":"\#(y)"}"#,
            #"{"kty":"EC","crv":"P-256","x":"AA\#(x)","y":"\#(y)"}"#,
            #"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","d":"\#(otherD)"}"#,
            #"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","alg":"ES384"}"#,
        ]
        for jwk in cases {
            #expect(TokenForge.error { () throws(JWTError) in try JWTKey(jwk: jwk) }?.code == .invalidKey, "\(jwk)")
        }
        // The well-formed public key loads, is pinned to ES256, and has the RFC 7638 members.
        let key = try JWTKey(jwk: #"{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)"}"#)
        #expect(key.algorithm == .es256 && key.supports(.es256) && !key.supports(.es384))
        #expect(try #require(key.publicJWK)["crv"] == "P-256")
        #expect(key.jwkThumbprint?.count == 43)
    }

    @Test(
        "PS256/384/512 round-trip on an RSA key; a key pinned to RS256 refuses PS256",
        arguments: [
            JWTAlgorithm.ps256, .ps384, .ps512,
        ])
    func pss(algorithm: JWTAlgorithm) throws {
        let signer = try JWTKey(jwk: RSAKeyTests.privateJWK(), algorithm: algorithm)
        var claims = JWTClaims()
        claims.subject = "alice"
        claims.expiration = TokenForge.now + 60
        let token = try JWTSigner(key: signer).sign(claims)
        // PSS is randomised: two signatures differ, both verify.
        #expect(try JWTSigner(key: signer).sign(claims) != token)
        let publicKey = try JWTKey.rsa(pem: RSAKeyTests.publicPEM())  // not pinned
        let allowing = try TokenForge.verifier(key: publicKey) { $0.allowedAlgorithms = [algorithm] }
        #expect(try allowing.verify(token).algorithm == algorithm)
        let pinned = try TokenForge.verifier(key: try JWTKey.rsa(pem: RSAKeyTests.publicPEM(), algorithm: .rs256))
        #expect(TokenForge.error { () throws(JWTError) in try pinned.verify(token) }?.code == .algorithmNotAllowed)
        // A PSS signature presented as RS256 does not verify as PKCS#1 v1.5.
        let parts = token.split(separator: ".").map(String.init)
        let rsHeader = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
        let relabelled = rsHeader + "." + parts[1] + "." + parts[2]
        let rs = try TokenForge.verifier(key: publicKey)
        #expect(TokenForge.error { () throws(JWTError) in try rs.verify(relabelled) }?.code == .invalidSignature)
    }
}
