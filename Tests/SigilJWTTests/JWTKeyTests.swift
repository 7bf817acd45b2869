import SigilBase64
import SigilJSON
import SigilJWT
import Testing

/// HMAC key strength, JWK (RFC 7517) reading, key sets and `kid` selection.
@Suite("Keys")
struct JWTKeyTests {
    @Test("HMAC secrets shorter than the hash output are weakKey (RFC 7518 §3.2)")
    func secretLength() throws {
        for (algorithm, size) in [(JWTAlgorithm.hs256, 32), (.hs384, 48), (.hs512, 64)] {
            _ = try JWTKey.hmac(Array(repeating: 1, count: size), algorithm: algorithm)
            let error = TokenForge.error { () throws(JWTError) in
                try JWTKey.hmac(Array(repeating: 1, count: size - 1), algorithm: algorithm)
            }
            #expect(error?.code == .weakKey, "\(algorithm)")
        }
        #expect(TokenForge.error { () throws(JWTError) in try JWTKey.hmac("short") }?.code == .weakKey)
        #expect(TokenForge.error { () throws(JWTError) in try JWTProvider(secret: "secret") }?.code == .weakKey)
    }

    @Test("a short secret works only through unsafeShortHMAC, and never empty")
    func unsafeShort() throws {
        let key = try JWTKey.unsafeShortHMAC(Array("secret".utf8))
        let token = try JWTSigner(key: key).sign(["exp": 1_700_003_600])
        #expect(try TokenForge.verifier(key: key).verify(token).claims.expiration == 1_700_003_600)
        #expect(TokenForge.error { () throws(JWTError) in try JWTKey.unsafeShortHMAC([UInt8]()) }?.code == .weakKey)
    }

    @Test("an HMAC key cannot be bound to an RSA algorithm")
    func hmacFamily() throws {
        for algorithm in [JWTAlgorithm.rs256, .rs384, .rs512] {
            let error = TokenForge.error { () throws(JWTError) in
                try JWTKey.hmac(Array(repeating: 1, count: 64), algorithm: algorithm)
            }
            #expect(error?.code == .invalidKey)
        }
    }

    @Test("descriptions never show key material")
    func description() throws {
        let secret = "a-very-secret-value-of-32-bytes!"
        let key = try JWTKey.hmac(secret, keyID: "k1")
        #expect(!key.description.contains(secret))
        #expect(key.description == "JWTKey(HS256, kid: k1)")
    }

    static let octSecret = Array(repeating: UInt8(0x5A), count: 32)
    static var octK: String { Base64URL.encode(octSecret) }

    @Test("oct JWK: alg, kid, use and key_ops are honoured")
    func octJWK() throws {
        let key = try JWTKey(jwk: #"{"kty":"oct","k":"\#(Self.octK)","alg":"HS256","kid":"k1","use":"sig"}"#)
        #expect(key.algorithm == .hs256)
        #expect(key.keyID == "k1")
        // Without alg: the requested algorithm, else HS256.
        #expect(try JWTKey(jwk: #"{"kty":"oct","k":"\#(Self.octK)"}"#).algorithm == .hs256)
        let long = Base64URL.encode(Array(repeating: UInt8(1), count: 64))
        #expect(try JWTKey(jwk: #"{"kty":"oct","k":"\#(long)"}"#, algorithm: .hs512).algorithm == .hs512)

        let invalid = [
            #"{"kty":"oct","k":"\#(Self.octK)","alg":"HS384"}"#,  // 32 bytes for HS384: weak
            #"{"kty":"oct","k":"\#(Self.octK)","use":"enc"}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","alg":"RS256"}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","alg":"A128KW"}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","key_ops":["encrypt"]}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","key_ops":["sign","sign"]}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","key_ops":"sign"}"#,
            #"{"kty":"oct","k":"\#(Self.octK)=","alg":"HS256"}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","kid":7}"#,
            #"{"kty":"oct"}"#,
            #"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#,
            #"{"k":"\#(Self.octK)"}"#,
            #"{"kty":"oct","k":"\#(Self.octK)","kty":"oct"}"#,
            #"[]"#,
            "not json",
        ]
        for jwk in invalid {
            let error = TokenForge.error { () throws(JWTError) in try JWTKey(jwk: jwk) }
            #expect(error?.code == .invalidKey || error?.code == .weakKey, "\(jwk)")
        }
        // alg given both ways must agree.
        let mismatch = TokenForge.error { () throws(JWTError) in
            try JWTKey(jwk: #"{"kty":"oct","k":"\#(long)","alg":"HS256"}"#, algorithm: .hs512)
        }
        #expect(mismatch?.code == .invalidKey)
    }

    @Test("key_ops limit a key to what they allow")
    func keyOperations() throws {
        let verifyOnly = try JWTKey(jwk: #"{"kty":"oct","k":"\#(Self.octK)","key_ops":["verify"]}"#)
        let signOnly = try JWTKey(jwk: #"{"kty":"oct","k":"\#(Self.octK)","key_ops":["sign"]}"#)
        let signError = TokenForge.error { () throws(JWTError) in try JWTSigner(key: verifyOnly).sign(["exp": 1]) }
        #expect(signError?.code == .invalidKey)
        let token = try JWTSigner(key: signOnly).sign(["exp": 1_700_003_600])
        #expect(try TokenForge.verifier(key: verifyOnly).verify(token).claims.expiration == 1_700_003_600)
        let verifier = try TokenForge.verifier(key: signOnly)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .invalidSignature)
    }

    static func octKey(_ byte: UInt8, kid: String) -> String {
        #"{"kty":"oct","kid":"\#(kid)","alg":"HS256","k":"\#(Base64URL.encode(Array(repeating: byte, count: 32)))"}"#
    }

    @Test("JWKS: kid lookup, unknown kty and unusable entries skipped")
    func jwks() throws {
        let jwks = """
            {"keys":[
              {"kty":"XYZ","kid":"ec","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"},
              \(Self.octKey(1, kid: "a")),
              {"kty":"OKP","crv":"Ed448","kid":"ed","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
              \(Self.octKey(2, kid: "b")),
              {"kty":"oct","kid":"enc","use":"enc","k":"\(Base64URL.encode(Array(repeating: UInt8(3), count: 32)))"},
              {"kty":"RSA","kid":"ps","alg":"PS256","n":"AQAB","e":"AQAB"}
            ]}
            """
        let set = try JWTKeySet(jwks: jwks)
        #expect(set.count == 2)
        #expect(set.key(withID: "a") != nil)
        #expect(set.key(withID: "ec") == nil)
        // Every unusable entry is reported, with its position, kid and reason.
        #expect(set.skippedEntries.map(\.index) == [0, 2, 4, 5])
        #expect(set.skippedEntries.map(\.keyID) == ["ec", "ed", "enc", "ps"])
        #expect(set.skippedEntries.allSatisfy { $0.error.code == .invalidKey })
        // Strict mode fails on the first of them instead.
        var strict = JWTKeySet.JWKSReadingOptions()
        strict.isStrict = true
        #expect(
            TokenForge.error { () throws(JWTError) in try JWTKeySet(jwks: jwks, options: strict) }?.code == .invalidKey)

        let keyB = try JWTKey.hmac(Array(repeating: 2, count: 32), keyID: "b")
        let token = try JWTSigner(key: keyB).sign(["exp": .number(JSONNumber(TokenForge.now + 60))])
        var options = JWTValidationOptions()
        options.clock = .fixed(TokenForge.now)
        #expect(try JWTVerifier(keys: set, options: options).verify(token).keyID == "b")

        // Malformed sets and entries of a supported type.
        let invalid = [
            #"{"keys":{}}"#, #"{}"#, #"{"keys":[1]}"#, #"{"keys":[]}"#,
            #"{"keys":[{"kty":"EC","crv":"P-256"}]}"#,
            #"{"keys":[{"kty":"oct","k":"!!"}]}"#,
        ]
        for text in invalid {
            let error = TokenForge.error { () throws(JWTError) in try JWTKeySet(jwks: text) }
            #expect(error?.code == .invalidKey, "\(text)")
        }
    }

    @Test("JWKS: a duplicate kid, and symmetric keys mixed with asymmetric ones, are refused")
    func jwksMixedAndDuplicates() throws {
        let ed = #"{"kty":"OKP","crv":"Ed25519","kid":"ed","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#
        let mixed = #"{"keys":["# + Self.octKey(1, kid: "a") + "," + ed + "]}"
        let error = TokenForge.error { () throws(JWTError) in try JWTKeySet(jwks: mixed) }
        #expect(error?.code == .invalidKey)
        #expect(error?.reason.contains("mixes") == true)
        var options = JWTKeySet.JWKSReadingOptions()
        options.allowsMixedKeyTypes = true
        #expect(try JWTKeySet(jwks: mixed, options: options).count == 2)

        let duplicate = #"{"keys":["# + Self.octKey(1, kid: "a") + "," + Self.octKey(2, kid: "a") + "]}"
        let duplicateError = TokenForge.error { () throws(JWTError) in try JWTKeySet(jwks: duplicate) }
        #expect(duplicateError?.code == .invalidKey)
        #expect(duplicateError?.reason.contains("same kid") == true)
    }

    @Test("a JWKS without alg plus an allow-list verifies any allowed algorithm of the key's family")
    func unpinnedKeySet() throws {
        let jwks =
            #"{"keys":[{"kty":"oct","kid":"k","k":"\#(Base64URL.encode(Array(repeating: UInt8(5), count: 64)))"}]}"#
        let set = try JWTKeySet(jwks: jwks)
        let signer = try JWTKey.hmac(Array(repeating: 5, count: 64), algorithm: .hs384, keyID: "k")
        let token = try JWTSigner(key: signer).sign(["exp": .number(JSONNumber(TokenForge.now + 60))])
        var options = JWTValidationOptions()
        options.clock = .fixed(TokenForge.now)
        // Without an allow-list the unpinned key takes only its family's default, HS256.
        let strictError = TokenForge.error { () throws(JWTError) in
            try JWTVerifier(keys: set, options: options).verify(token)
        }
        #expect(strictError?.code == .algorithmNotAllowed)
        options.allowedAlgorithms = [.hs256, .hs384]
        #expect(try JWTVerifier(keys: set, options: options).verify(token).algorithm == .hs384)
        // A key that names its alg keeps it, whatever the allow-list says.
        let pinned = try JWTKeySet(
            jwks:
                #"{"keys":[{"kty":"oct","kid":"k","alg":"HS256","k":"\#(Base64URL.encode(Array(repeating: UInt8(5), count: 64)))"}]}"#
        )
        let pinnedError = TokenForge.error { () throws(JWTError) in
            try JWTVerifier(keys: pinned, options: options).verify(token)
        }
        #expect(pinnedError?.code == .algorithmNotAllowed)
    }

    @Test("unknown kid is an error, never a fallback")
    func unknownKid() throws {
        let keyA = try JWTKey.hmac(Array(repeating: 1, count: 32), keyID: "a")
        let keyB = try JWTKey.hmac(Array(repeating: 2, count: 32), keyID: "b")
        var options = JWTValidationOptions()
        options.clock = .fixed(TokenForge.now)
        let claims: JWTClaims = ["exp": .number(JSONNumber(TokenForge.now + 60))]

        // Signed with the right secret, but naming a kid the set does not have.
        let stranger = try JWTKey.hmac(Array(repeating: 1, count: 32), keyID: "c")
        let token = try JWTSigner(key: stranger).sign(claims)
        for keys in [[keyA], [keyA, keyB]] {
            let verifier = JWTVerifier(keys: JWTKeySet(keys), options: options)
            #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .unknownKeyID)
        }
        // kid present, single key without an ID: still unknown.
        let anonymous = try JWTKey.hmac(Array(repeating: 1, count: 32))
        let verifier = JWTVerifier(key: anonymous, options: options)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .unknownKeyID)
        // Kid values carrying path or SQL injection are just unknown IDs.
        for kid in ["../../../../dev/null", "' OR '1'='1", "a\u{0}", ""] {
            let injected = try JWTSigner(key: JWTKey.hmac(Array(repeating: 1, count: 32), keyID: kid)).sign(claims)
            let set = JWTVerifier(keys: JWTKeySet([keyA, keyB]), options: options)
            #expect(TokenForge.error { () throws(JWTError) in try set.verify(injected) }?.code == .unknownKeyID)
        }
    }

    @Test("a token without kid: accepted by a one-key set, refused by a several-key set")
    func missingKid() throws {
        let keyA = try JWTKey.hmac(Array(repeating: 1, count: 32), keyID: "a")
        let keyB = try JWTKey.hmac(Array(repeating: 2, count: 32), keyID: "b")
        var options = JWTValidationOptions()
        options.clock = .fixed(TokenForge.now)
        let claims: JWTClaims = ["exp": .number(JSONNumber(TokenForge.now + 60))]
        let token = try JWTSigner(key: JWTKey.hmac(Array(repeating: 1, count: 32))).sign(claims)

        #expect(try JWTVerifier(key: keyA, options: options).verify(token).keyID == "a")
        let several = JWTVerifier(keys: JWTKeySet([keyA, keyB]), options: options)
        #expect(TokenForge.error { () throws(JWTError) in try several.verify(token) }?.code == .unknownKeyID)
        let empty = JWTVerifier(keys: JWTKeySet([]), options: options)
        #expect(TokenForge.error { () throws(JWTError) in try empty.verify(token) }?.code == .unknownKeyID)
    }

    @Test("a kid naming a key of another algorithm is algorithmNotAllowed")
    func kidAlgorithmMismatch() throws {
        let key384 = try JWTKey.hmac(Array(repeating: 1, count: 48), algorithm: .hs384, keyID: "k")
        let key256 = try JWTKey.hmac(Array(repeating: 1, count: 48), algorithm: .hs256, keyID: "k")
        var options = JWTValidationOptions()
        options.clock = .fixed(TokenForge.now)
        let token = try JWTSigner(key: key256).sign(["exp": .number(JSONNumber(TokenForge.now + 60))])
        let verifier = JWTVerifier(key: key384, options: options)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .algorithmNotAllowed)
    }

    @Test("rotation: old and new keys overlap, then the old kid is refused")
    func rotation() throws {
        let old = try JWTKey.hmac(Array(repeating: 1, count: 32), keyID: "2026-10")
        let new = try JWTKey.hmac(Array(repeating: 2, count: 32), keyID: "2026-11")
        var options = JWTValidationOptions()
        options.clock = .fixed(TokenForge.now)
        let claims: JWTClaims = ["exp": .number(JSONNumber(TokenForge.now + 60))]
        let oldToken = try JWTSigner(key: old).sign(claims)
        let newToken = try JWTSigner(key: new).sign(claims)

        var keys = JWTKeySet(old)
        keys.add(new)
        let overlap = JWTVerifier(keys: keys, options: options)
        #expect(try overlap.verify(oldToken).keyID == "2026-10")
        #expect(try overlap.verify(newToken).keyID == "2026-11")

        keys.removeKeys(withID: "2026-10")
        let rotated = JWTVerifier(keys: keys, options: options)
        #expect(try rotated.verify(newToken).keyID == "2026-11")
        #expect(TokenForge.error { () throws(JWTError) in try rotated.verify(oldToken) }?.code == .unknownKeyID)

        // The same rotation through JWKS documents.
        let before = try JWTKeySet(
            jwks: #"{"keys":[\#(JWTKeyTests.octKey(1, kid: "2026-10")),\#(JWTKeyTests.octKey(2, kid: "2026-11"))]}"#)
        let after = try JWTKeySet(jwks: #"{"keys":[\#(JWTKeyTests.octKey(2, kid: "2026-11"))]}"#)
        #expect(try JWTVerifier(keys: before, options: options).verify(oldToken).keyID == "2026-10")
        let afterVerifier = JWTVerifier(keys: after, options: options)
        #expect(TokenForge.error { () throws(JWTError) in try afterVerifier.verify(oldToken) }?.code == .unknownKeyID)
    }
}
