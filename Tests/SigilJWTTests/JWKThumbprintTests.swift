import SigilBase64
import SigilJSON
import SigilJWT
import SigilRSA
import Testing

/// RFC 7638 JWK thumbprints, the `kid` sigil-server publishes.
@Suite("JWK thumbprints (RFC 7638)")
struct JWKThumbprintTests {
    /// RFC 7638 §3.1's example key (RFC 7517 A.1) and its SHA-256 thumbprint.
    static let modulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3"
        + "oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgd"
        + "AZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCu"
        + "r-kEgU8awapJzKnqDKgw"
    static let thumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"

    @Test("RFC 7638 §3.1: the example key's thumbprint, whatever its alg, kid and use")
    func rfcExample() throws {
        let publicKey = try RSA.PublicKey(modulus: Base64URL.decode(Self.modulus), publicExponent: [1, 0, 1])
        #expect(try JWTKey.rsa(publicKey).jwkThumbprint == Self.thumbprint)
        for algorithm in [JWTAlgorithm.rs256, .rs384, .rs512] {
            #expect(
                try JWTKey.rsa(publicKey, algorithm: algorithm, keyID: "2011-04-29").jwkThumbprint == Self.thumbprint)
        }
        let jwk = #"{"kty":"RSA","n":"\#(Self.modulus)","e":"AQAB","alg":"RS256","kid":"2011-04-29","use":"sig"}"#
        #expect(try JWTKey(jwk: jwk).jwkThumbprint == Self.thumbprint)
    }

    @Test("a private key's thumbprint is its public key's; withKeyID names it; the JWKS carries it")
    func privateKeyAndKeyID() throws {
        let privateJWK = try RSAKeyTests.privateJWK()
        let privateKey = try JWTKey(jwk: privateJWK)
        let publicKey = try JWTKey(jwk: RSAKeyTests.publicJWK())
        let thumbprint = try #require(privateKey.jwkThumbprint)
        #expect(thumbprint.count == 43)
        #expect(publicKey.jwkThumbprint == thumbprint)

        let named = privateKey.withKeyID(thumbprint)
        #expect(named.keyID == thumbprint)
        #expect(named.algorithm == privateKey.algorithm)
        let token = try JWTSigner(key: named).sign(RSAKeyTests.claims)
        let verified = try TokenForge.verifier(key: publicKey.withKeyID(thumbprint)).verify(token)
        #expect(verified.keyID == thumbprint)
        #expect(verified.header["kid"] == .string(thumbprint))
        #expect(named.withKeyID(nil).keyID == nil)

        let jwks = JWTKeySet(named).publicJWKS
        #expect(jwks["keys"]?[0]?["kid"] == .string(thumbprint))
        #expect(jwks["keys"]?[0]?["d"] == nil)
    }

    @Test("HMAC keys have no thumbprint: it would be a hash of the secret")
    func hmacHasNone() throws {
        let key = try JWTKey.hmac(TokenForge.secret)
        #expect(key.jwkThumbprint == nil)
        #expect(key.withKeyID("k").jwkThumbprint == nil)
    }
}
