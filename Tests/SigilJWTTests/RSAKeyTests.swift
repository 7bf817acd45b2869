import SigilBase64
import SigilJSON
import SigilJWT
import SigilRSA
import SigilTestSupport
import Testing

/// RS256/384/512: keys from PEM and JWK, signing, and the HS/RS key confusion in both
/// directions.
///
/// The RSA material is RFC 7515 A.2's key (Vectors/rfc/rfc7515_jws.json).
@Suite("RSA keys")
struct RSAKeyTests {
    static func a2() throws -> JSONObject {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc7515_jws.json"))
        let tests = try #require(file["tests"]?.arrayValue)
        return try #require(tests.first { $0["tcId"] == 4 }?.objectValue)
    }

    static func publicPEM() throws -> String { try #require(try a2()["key"]?["pem"]?.stringValue) }
    static func privateJWK() throws -> String { try #require(try a2()["key"]?["privateJwk"]).serialized() }
    static func publicJWK() throws -> String { try #require(try a2()["key"]?["jwk"]).serialized() }

    static var claims: JWTClaims {
        ["sub": "user_admin", "roles": ["admin"], "exp": .number(JSONNumber(TokenForge.now + 3600))]
    }

    @Test("RFC 7515 A.2: signing with the private JWK reproduces the RFC's signature byte for byte")
    func a2Signature() throws {
        let test = try Self.a2()
        let key = try JWTKey(jwk: Self.privateJWK())
        #expect(key.algorithm == .rs256)
        let input = Array(try #require(test["signingInput"]?.stringValue).utf8)
        let expected = try Base64URL.decode(try #require(test["signatureB64u"]?.stringValue))
        #expect(try key.signature(for: input) == expected)
    }

    @Test(
        "RS256/384/512 tokens round-trip between a private and a public key",
        arguments: [
            JWTAlgorithm.rs256, .rs384, .rs512,
        ])
    func roundTrip(algorithm: JWTAlgorithm) throws {
        let signing = try JWTKey(jwk: Self.privateJWK(), algorithm: algorithm)
        let token = try JWTSigner(key: signing).sign(Self.claims)
        for verifying in [
            try JWTKey.rsa(pem: Self.publicPEM(), algorithm: algorithm),
            try JWTKey(jwk: Self.publicJWK(), algorithm: algorithm),
            signing,
        ] {
            let verified = try TokenForge.verifier(key: verifying).verify(token)
            #expect(verified.claims == Self.claims)
            #expect(verified.algorithm == algorithm)
        }
        let signature = try Base64URL.decode(String(token.split(separator: ".")[2]))
        #expect(signature.count == 256)
    }

    @Test("PEM keys: SPKI and PKCS#1 public, PKCS#8 and PKCS#1 private, recognised by label")
    func pemForms() throws {
        let publicKey = try RSA.PublicKey(pemRepresentation: Self.publicPEM())
        let pkcs1 = try JWTKey.rsa(pem: publicKey.pkcs1PEMRepresentation)
        let spki = try JWTKey.rsa(pem: publicKey.pemRepresentation)
        let token = try JWTSigner(key: JWTKey(jwk: Self.privateJWK())).sign(Self.claims)
        #expect(try TokenForge.verifier(key: pkcs1).verify(token).claims.subject == "user_admin")
        #expect(try TokenForge.verifier(key: spki).verify(token).claims.subject == "user_admin")
        for bad in [
            "", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----",
        ] {
            #expect(TokenForge.error { () throws(JWTError) in try JWTKey.rsa(pem: bad) }?.code == .invalidKey)
        }
    }

    @Test("a public key cannot sign; an RSA key cannot be bound to an HMAC algorithm")
    func publicCannotSign() throws {
        let key = try JWTKey.rsa(pem: Self.publicPEM())
        #expect(
            TokenForge.error { () throws(JWTError) in try JWTSigner(key: key).sign(Self.claims) }?.code == .invalidKey)
        #expect(TokenForge.error { () throws(JWTError) in try key.signature(for: [1, 2, 3]) }?.code == .invalidKey)
        let pem = try Self.publicPEM()
        for algorithm in [JWTAlgorithm.hs256, .hs384, .hs512] {
            let error = TokenForge.error { () throws(JWTError) in try JWTKey.rsa(pem: pem, algorithm: algorithm) }
            #expect(error?.code == .invalidKey)
        }
    }

    /// The classic confusion: the attacker knows the RSA public key (it is public), signs an
    /// HS256 token with its PEM text as the HMAC secret, and hopes the verifier feeds the
    /// same text to HMAC.
    ///
    /// The RS256 key never computes an HMAC.
    @Test("key confusion: an HS256 token MACed with the public key's PEM text, presented to an RS256 key")
    func hsTokenToRSAKey() throws {
        let pem = try Self.publicPEM()
        let forgedKey = try JWTKey.unsafeShortHMAC(Array(pem.utf8))
        let forged = try TokenForge.token(
            header: #"{"alg":"HS256","typ":"JWT"}"#, payload: #"{"sub":"admin","exp":\#(TokenForge.now + 60)}"#,
            key: forgedKey)
        for key in [try JWTKey.rsa(pem: pem), try JWTKey(jwk: Self.publicJWK())] {
            let strict = try TokenForge.verifier(key: key)
            let error = TokenForge.error { () throws(JWTError) in try strict.verify(forged) }
            #expect(error?.code == .algorithmNotAllowed)
            // Even when the allow-list names HS256, the key decides.
            let permissive = try TokenForge.verifier(key: key) { $0.allowedAlgorithms = [.hs256, .rs256] }
            #expect(
                TokenForge.error { () throws(JWTError) in try permissive.verify(forged) }?.code == .algorithmNotAllowed)
        }
        // And in a key set with an HMAC key under another kid, no fallback either.
        let set = JWTKeySet([try JWTKey.rsa(pem: pem, keyID: "rsa"), try JWTKey.hmac(TokenForge.secret, keyID: "hmac")])
        let verifier = JWTVerifier(keys: set, options: JWTValidationOptions(clock: .fixed(TokenForge.now)))
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(forged) }?.code == .unknownKeyID)
        let withKid = try TokenForge.token(
            header: #"{"alg":"HS256","kid":"rsa"}"#, payload: #"{"sub":"admin","exp":\#(TokenForge.now + 60)}"#,
            key: forgedKey)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(withKid) }?.code == .algorithmNotAllowed)
    }

    @Test("key confusion, the reverse: an RS256 token presented to an HMAC key made from the PEM text")
    func rsTokenToHMACKey() throws {
        let pem = try Self.publicPEM()
        let token = try JWTSigner(key: JWTKey(jwk: Self.privateJWK())).sign(Self.claims)
        let hmacKey = try JWTKey.hmac(Array(pem.utf8))  // the PEM is long enough to be a "strong" secret
        let hmacVerifier = try TokenForge.verifier(key: hmacKey)
        let error = TokenForge.error { () throws(JWTError) in try hmacVerifier.verify(token) }
        #expect(error?.code == .algorithmNotAllowed)
        // An RS256 header over an HMAC of the PEM: still no HMAC is computed by an RSA key,
        // and the RSA check fails.
        let forgedKey = try JWTKey.unsafeShortHMAC(Array(pem.utf8))
        let input =
            Base64URL.encode(Array(#"{"alg":"RS256"}"#.utf8)) + "."
            + Base64URL.encode(Array(#"{"exp":\#(TokenForge.now + 60)}"#.utf8))
        let forged = input + "." + Base64URL.encode(try forgedKey.signature(for: Array(input.utf8)))
        let rsaVerifier = try TokenForge.verifier(key: JWTKey.rsa(pem: pem))
        #expect(TokenForge.error { () throws(JWTError) in try rsaVerifier.verify(forged) }?.code == .invalidSignature)
    }

    @Test("RSA JWK: private members all or nothing, no multi-prime, alg family honoured")
    func rsaJWK() throws {
        let full = try #require(try JSONValue.parse(Self.privateJWK()).objectValue)
        for member in ["p", "q", "dp", "dq", "qi"] {
            var partial = full
            partial[member] = nil
            #expect(
                TokenForge.error { () throws(JWTError) in try JWTKey(jwk: JSONValue.object(partial).serialized()) }?
                    .code == .invalidKey, "\(member)")
        }
        var multiPrime = full
        multiPrime["oth"] = []
        #expect(
            TokenForge.error { () throws(JWTError) in try JWTKey(jwk: JSONValue.object(multiPrime).serialized()) }?.code
                == .invalidKey)
        var wrongD = full
        wrongD["d"] = .string(Base64URL.encode([UInt8](repeating: 7, count: 256)))
        #expect(
            TokenForge.error { () throws(JWTError) in try JWTKey(jwk: JSONValue.object(wrongD).serialized()) }?.code
                == .invalidKey)
        var hsAlg = full
        hsAlg["alg"] = "HS256"
        #expect(
            TokenForge.error { () throws(JWTError) in try JWTKey(jwk: JSONValue.object(hsAlg).serialized()) }?.code
                == .invalidKey)
        var shortModulus = try #require(try JSONValue.parse(Self.publicJWK()).objectValue)
        shortModulus["n"] = .string(Base64URL.encode([UInt8](repeating: 0xFF, count: 64)))
        #expect(
            TokenForge.error { () throws(JWTError) in try JWTKey(jwk: JSONValue.object(shortModulus).serialized()) }?
                .code == .invalidKey)
    }

    @Test("publicJWK exports the public half, which reads back as the same key")
    func publicJWKExport() throws {
        let signing = try JWTKey(jwk: Self.privateJWK(), algorithm: .rs256)
        let exported = try #require(try JWTKey.rsa(pem: Self.publicPEM(), keyID: "k1").publicJWK)
        #expect(exported["kid"] == "k1")
        #expect(exported["d"] == nil)
        let expectedN = try #require(try JSONValue.parse(Self.publicJWK())["n"])
        #expect(exported["n"] == expectedN)
        #expect(exported["e"] == "AQAB")
        let set = try JWTKeySet(jwks: JSONValue.object(["keys": [.object(exported)]]).serialized())
        let token = try JWTSigner(key: JWTKey(jwk: Self.privateJWK(), algorithm: .rs256)).sign(Self.claims)
        let verifier = JWTVerifier(keys: set, options: JWTValidationOptions(clock: .fixed(TokenForge.now)))
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) } == nil)
        _ = signing
        #expect(try JWTKey.hmac(TokenForge.secret).publicJWK == nil)
        #expect(try JWTKeySet([signing, JWTKey.hmac(TokenForge.secret)]).publicJWKS["keys"]?.arrayValue?.count == 1)
    }

    @Test("JWTProvider issues RS256 tokens with a private key and verifies with the public key")
    func provider() throws {
        var jwk = try #require(try JSONValue.parse(Self.privateJWK()).objectValue)
        jwk["kid"] = "rs-1"
        let signing = try JWTKey(jwk: JSONValue.object(jwk).serialized())
        let verifying = try JWTKey.rsa(pem: Self.publicPEM(), keyID: "rs-1")
        let provider = JWTProvider(
            signingKey: signing, verificationKeys: JWTKeySet(verifying),
            options: JWTValidationOptions(clock: .fixed(TokenForge.now)))
        let token = try provider.createToken(userID: "user_admin", roles: ["admin"], username: "admin")
        let identity = try provider.authenticate(token: token)
        #expect(identity.userID == "user_admin")
        #expect(try TokenForge.verifier(key: verifying).verify(token).header["kid"] == "rs-1")
    }
}
