import SigilBase64
import SigilHMAC
import SigilJSON
import SigilJWT
import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// The named catalogue of published JWT attack classes (issue #8): one test per class.
///
/// Some overlap with the negative tests next to it on purpose; this file is the list a
/// reviewer checks against RFC 8725 and the usual write-ups. Every token is built from
/// exactly the bytes an attacker would send, signed where the attack needs a valid MAC, so
/// each rejection comes from the rule under test and not from an earlier accident.
@Suite("Known JWT attacks")
struct KnownAttackTests {
    // MARK: - alg none

    @Test(
        "alg none: unsecured tokens are refused in every casing, with or without a signature",
        arguments: ["none", "None", "NONE", "nOnE", "none ", #"NONE\u0000"#])
    func algNone(name: String) throws {
        let verifier = try AttackForge.hsVerifier()
        let header = AttackForge.segment(#"{"alg":"\#(name)","typ":"JWT"}"#)
        let payload = AttackForge.segment(AttackForge.adminClaims)
        for signature in ["", "AA", Base64URL.encode(AttackForge.mac(header + "." + payload))] {
            let error = AttackForge.error { () throws(JWTError) in
                try verifier.verify(header + "." + payload + "." + signature)
            }
            #expect(error?.code == .algorithmNotAllowed || error?.code == .unsupportedAlgorithm)
        }
        // Even when the verifier allows every algorithm it knows.
        var options = AttackForge.options()
        options.allowedAlgorithms = Set(JWTAlgorithm.hmacAlgorithms + JWTAlgorithm.rsaPKCS1Algorithms)
        let permissive = JWTVerifier(key: try AttackForge.hsKey(), options: options)
        let error = AttackForge.error { () throws(JWTError) in try permissive.verify(header + "." + payload + ".") }
        #expect(error != nil)
    }

    // MARK: - HS/RS key confusion

    @Test("HS/RS key confusion: an HS256 token MACed with the RSA public key's PEM text is refused by the RS256 key")
    func hsRsKeyConfusion() throws {
        let publicKey = try AttackForge.rsaPublicKey()
        let verifier = JWTVerifier(key: try JWTKey.rsa(publicKey, algorithm: .rs256), options: AttackForge.options())
        let pem = try AttackForge.rsaPEM()
        // Every spelling of the public key an attacker might feed the HMAC.
        let secrets: [[UInt8]] = [
            Array(pem.utf8),
            Array(pem.utf8).filter { $0 != UInt8(ascii: "\n") },
            Array(pem.utf8.dropLast()),
            Array(publicKey.pemRepresentation.utf8),
            Array(publicKey.pkcs1PEMRepresentation.utf8),
            publicKey.derRepresentation,
            publicKey.pkcs1DERRepresentation,
            publicKey.modulus,
        ]
        for secret in secrets {
            for alg in ["HS256", "HS384", "HS512"] {
                let token = AttackForge.token(
                    header: #"{"alg":"\#(alg)","typ":"JWT"}"#, payload: AttackForge.adminClaims, secret: secret,
                    algorithm: alg)
                let error = AttackForge.error { () throws(JWTError) in try verifier.verify(token) }
                #expect(error?.code == .algorithmNotAllowed, "\(alg) with a \(secret.count)-byte key spelling")
            }
        }
    }

    // MARK: - kid injection

    @Test(
        "kid injection: path traversal and SQL in kid never select a key",
        arguments: [
            "../../../../../../dev/null", "/dev/null", "../../../etc/passwd", "..\\..\\windows\\win.ini",
            "' OR '1'='1", "x' UNION SELECT 'secret' --", "1; DROP TABLE keys; --", "hs\u{0}", "HS", "hs ", " hs",
            "", "%00", "file:///dev/null",
        ])
    func kidInjection(kid: String) throws {
        // Two keys with IDs, so selection is by kid only.
        let keys = JWTKeySet([
            try JWTKey.hmac(AttackForge.secret, algorithm: .hs256, keyID: "hs"),
            try JWTKey.hmac(Array(repeating: 0x42, count: 32), algorithm: .hs256, keyID: "other"),
        ])
        let verifier = JWTVerifier(keys: keys, options: AttackForge.options())
        let header = try AttackForge.headerJSON(["alg": "HS256", "kid": .string(kid)])
        // MACed with what such a kid would resolve to in a naive lookup: empty (/dev/null),
        // the SQL result, and the real secret.
        for secret in [[], Array("secret".utf8), AttackForge.secret] as [[UInt8]] {
            let token = AttackForge.token(header: header, payload: AttackForge.adminClaims, secret: secret)
            let error = AttackForge.error { () throws(JWTError) in try verifier.verify(token) }
            #expect(error?.code == .unknownKeyID)
        }
    }

    // MARK: - jku / x5u / jwk header injection

    @Test("jwk, jku and x5u headers never supply trust: attacker-signed tokens are refused")
    func headerKeyInjection() throws {
        // RS256 tokens signed with an attacker's own 2048-bit key (one embeds it as a jwk
        // header; the others link to it with jku and x5u): a verifier that trusts only HS256
        // refuses the algorithm, and the token never picks the key.
        let hsVerifier = try AttackForge.hsVerifier()
        let rsVerifier = JWTVerifier(
            key: try JWTKey.rsa(try AttackForge.rsaPublicKey(), algorithm: .rs256), options: AttackForge.options())
        for token in AttackForge.attackerRS256Tokens {
            let error = AttackForge.error { () throws(JWTError) in try hsVerifier.verify(token) }
            #expect(error?.code == .algorithmNotAllowed)
            // A verifier that does trust RS256 (RFC 7515 A.2's key) checks the signature with
            // its own key, never the embedded or linked one.
            let rsError = AttackForge.error { () throws(JWTError) in try rsVerifier.verify(token) }
            #expect(rsError?.code == .invalidSignature)
        }
        // HS256: the attacker embeds an oct JWK with their own secret and MACs with it.
        let attackerSecret = Array(repeating: UInt8(0x61), count: 32)
        let verifier = try AttackForge.hsVerifier()
        let injected: [JSONObject] = [
            ["alg": "HS256", "jwk": ["kty": "oct", "k": .string(Base64URL.encode(attackerSecret))]],
            ["alg": "HS256", "jku": "https://attacker.example/jwks.json"],
            ["alg": "HS256", "x5u": "https://attacker.example/cert.pem"],
            ["alg": "HS256", "x5c": ["MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"]],
        ]
        for header in injected {
            let token = AttackForge.token(
                header: JSONValue.object(header).serialized(), payload: AttackForge.adminClaims, secret: attackerSecret)
            let error = AttackForge.error { () throws(JWTError) in try verifier.verify(token) }
            #expect(error?.code == .invalidSignature)
        }
    }

    // MARK: - zero and psychic signatures

    @Test("zero and \"psychic\" signatures are invalid: empty, all-zero, s = 0, 1, n-1, n, n+1, truncated MACs")
    func psychicSignatures() throws {
        let publicKey = try AttackForge.rsaPublicKey()
        let rsVerifier = JWTVerifier(key: try JWTKey.rsa(publicKey, algorithm: .rs256), options: AttackForge.options())
        let input = AttackForge.segment(#"{"alg":"RS256"}"#) + "." + AttackForge.segment(AttackForge.adminClaims)
        let modulus = publicKey.modulus
        let size = modulus.count
        var nPlusOne = modulus
        var index = size - 1
        while index >= 0 {
            nPlusOne[index] &+= 1
            if nPlusOne[index] != 0 { break }
            index -= 1
        }
        var nMinusOne = modulus
        nMinusOne[size - 1] &-= 1  // n is odd, so no borrow
        let signatures: [[UInt8]] = [
            [], [0], Array(repeating: 0, count: size), Array(repeating: 0, count: size - 1) + [1],
            nMinusOne, modulus, nPlusOne, Array(repeating: 0xFF, count: size), [0] + Array(repeating: 0, count: size),
        ]
        for signature in signatures {
            let token = input + "." + Base64URL.encode(signature)
            let error = AttackForge.error { () throws(JWTError) in try rsVerifier.verify(token) }
            #expect(error?.code == .invalidSignature, "\(signature.count)-byte signature")
        }
        // HMAC: empty, zero and truncated tags (a prefix of the right MAC).
        let verifier = try AttackForge.hsVerifier()
        let hsInput = AttackForge.segment(#"{"alg":"HS256"}"#) + "." + AttackForge.segment(AttackForge.adminClaims)
        let mac = AttackForge.mac(hsInput)
        for tag in [
            [], [0], Array(repeating: 0, count: 32), Array(mac.prefix(1)), Array(mac.prefix(16)),
            Array(mac.prefix(31)), mac + [0],
        ] as [[UInt8]] {
            let error = AttackForge.error { () throws(JWTError) in
                try verifier.verify(hsInput + "." + Base64URL.encode(tag))
            }
            #expect(error?.code == .invalidSignature, "\(tag.count)-byte tag")
        }
        // The real MAC is accepted, so the rejections above are about the tag alone.
        #expect(
            AttackForge.error { () throws(JWTError) in try verifier.verify(hsInput + "." + Base64URL.encode(mac)) }
                == nil)
    }

    // MARK: - exp / nbf type and range tricks

    @Test(
        "exp and nbf as 1e300, NaN-like text, strings and other non-numbers are refused",
        arguments: [
            (#"{"sub":"admin","exp":1e300}"#, "exp"), (#"{"sub":"admin","exp":-1e300}"#, "exp"),
            (#"{"sub":"admin","exp":1e400}"#, "exp"), (#"{"sub":"admin","exp":"NaN"}"#, "exp"),
            (#"{"sub":"admin","exp":"Infinity"}"#, "exp"), (#"{"sub":"admin","exp":"4102444800"}"#, "exp"),
            (#"{"sub":"admin","exp":true}"#, "exp"), (#"{"sub":"admin","exp":null}"#, "exp"),
            (#"{"sub":"admin","exp":[4102444800]}"#, "exp"), (#"{"sub":"admin","exp":{"value":4102444800}}"#, "exp"),
            (#"{"sub":"admin","exp":99999999999999999999999999}"#, "exp"),
            (#"{"sub":"admin","exp":4102444800,"nbf":-1e300}"#, "nbf"),
            (#"{"sub":"admin","exp":4102444800,"nbf":"NaN"}"#, "nbf"),
            (#"{"sub":"admin","exp":4102444800,"nbf":"0"}"#, "nbf"),
            (#"{"sub":"admin","exp":4102444800,"nbf":1e300}"#, "nbf"),
            (#"{"sub":"admin","exp":4102444800,"iat":"0"}"#, "iat"),
        ])
    func numericDateTricks(payload: String, claim: String) throws {
        let verifier = try AttackForge.hsVerifier()
        let token = AttackForge.token(
            header: #"{"alg":"HS256","typ":"JWT"}"#, payload: payload, secret: AttackForge.secret)
        let error = AttackForge.error { () throws(JWTError) in try verifier.verify(token) }
        #expect(error != nil, "\(claim) in \(payload)")
        #expect(error?.code != .invalidSignature)
    }

    // MARK: - deep nesting

    @Test("600-deep JSON nesting in the payload or the header is refused without exhausting the stack")
    func deepNesting() throws {
        let verifier = try AttackForge.hsVerifier()
        let arrays = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let objects = String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600)
        for nested in [arrays, objects] {
            let payload = #"{"sub":"admin","exp":4102444800,"x":"# + nested + "}"
            let token = AttackForge.token(header: #"{"alg":"HS256"}"#, payload: payload, secret: AttackForge.secret)
            #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .malformed)
            let header = #"{"alg":"HS256","x":"# + nested + "}"
            let headerToken = AttackForge.token(
                header: header, payload: AttackForge.adminClaims, secret: AttackForge.secret)
            #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(headerToken) }?.code == .malformed)
        }
    }

    // MARK: - many dots

    @Test(
        "tokens made of many dots are malformed",
        arguments: [".", "..", "...", "....", String(repeating: ".", count: 10_000), "a.b.c.d", "a..b", ".a.b", "a.b."])
    func manyDots(token: String) throws {
        let verifier = try AttackForge.hsVerifier()
        let error = AttackForge.error { () throws(JWTError) in try verifier.verify(token) }
        #expect(error?.code == .malformed || error?.code == .tokenTooLarge)
        // Dots appended to a valid token.
        let valid = AttackForge.token(
            header: #"{"alg":"HS256"}"#, payload: AttackForge.adminClaims, secret: AttackForge.secret)
        #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(valid + token) } != nil)
    }

    // MARK: - base64 padding-bit malleability

    @Test(
        "base64url malleability: other spellings of the same bytes (trailing bits, padding, other alphabet) are refused"
    )
    func paddingBitMalleability() throws {
        let verifier = try AttackForge.hsVerifier()
        let token = AttackForge.token(
            header: #"{"alg":"HS256"}"#, payload: AttackForge.adminClaims, secret: AttackForge.secret)
        #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(token) } == nil)
        let segments = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var variants: [String] = []
        for index in 0..<3 {
            for spelling in AttackForge.alternateSpellings(of: segments[index]) {
                var changed = segments
                changed[index] = spelling
                variants.append(changed.joined(separator: "."))
            }
        }
        #expect(!variants.isEmpty)
        for variant in variants {
            let error = AttackForge.error { () throws(JWTError) in try verifier.verify(variant) }
            #expect(error?.code == .malformed || error?.code == .invalidSignature, "\(variant.suffix(8))")
        }
    }

    // MARK: - duplicate claims

    @Test("duplicate claims and duplicate header members are refused, whichever copy would win")
    func duplicateClaims() throws {
        let verifier = try AttackForge.hsVerifier()
        let payloads = [
            #"{"sub":"alice","sub":"admin","exp":4102444800}"#,
            #"{"sub":"admin","exp":1,"exp":4102444800}"#,
            #"{"sub":"admin","roles":["user"],"roles":["admin"],"exp":4102444800}"#,
            #"{"sub":"admin","exp":4102444800,"s\u0075b":"root"}"#,
        ]
        for payload in payloads {
            let token = AttackForge.token(header: #"{"alg":"HS256"}"#, payload: payload, secret: AttackForge.secret)
            #expect(
                AttackForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .malformed,
                "\(payload)")
        }
        let header = #"{"alg":"none","alg":"HS256"}"#
        let token = AttackForge.token(header: header, payload: AttackForge.adminClaims, secret: AttackForge.secret)
        #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .malformed)
    }

    // MARK: - a 10 MB token

    @Test("a 10 MB token is refused before it is read, and in linear time when the limit is raised")
    func tenMegabyteToken() throws {
        let verifier = try AttackForge.hsVerifier()
        let size = 10 * 1024 * 1024
        let huge = String(repeating: "A", count: size)
        let shapes = [huge, "eyJhbGciOiJIUzI1NiJ9." + huge + ".AAAA", String(repeating: "A.", count: size / 2)]
        for token in shapes {
            #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .tokenTooLarge)
            #expect(
                AttackForge.error { () throws(JWTError) in try verifier.verify(utf8: Array(token.utf8)) }?.code
                    == .tokenTooLarge)
        }
        // With the limit raised past the token, it is read once and refused on its signature.
        var options = AttackForge.options()
        options.maximumTokenBytes = 16 * 1024 * 1024
        let raised = JWTVerifier(key: try AttackForge.hsKey(), options: options)
        let signedShape =
            AttackForge.segment(#"{"alg":"HS256"}"#) + "." + huge + "."
            + Base64URL.encode([UInt8](repeating: 0, count: 32))
        #expect(AttackForge.error { () throws(JWTError) in try raised.verify(signedShape) }?.code == .invalidSignature)
        #expect(
            AttackForge.error { () throws(JWTError) in try raised.verify(String(repeating: ".", count: size)) }?.code
                == .malformed)
    }

    // MARK: - a 100,000-bit RSA modulus

    @Test("an RSA modulus of 100,000 bits is refused from every key form before any arithmetic")
    func hugeRSAModulus() throws {
        let bits = 100_000
        var modulus = [UInt8](repeating: 0xC5, count: bits / 8)
        modulus[modulus.count - 1] |= 1
        let exponent: [UInt8] = [0x01, 0x00, 0x01]
        // n and e directly.
        #expect(
            AttackForge.rsaError { () throws(RSAError) in try RSA.PublicKey(modulus: modulus, publicExponent: exponent)
            }?.code == .modulusTooLong)
        #expect(
            AttackForge.rsaError { () throws(RSAError) in
                try RSA.PublicKey(unsafeModulus: modulus, publicExponent: exponent)
            }?.code == .modulusTooLong)
        // DER (SubjectPublicKeyInfo and PKCS#1) and PEM.
        let pkcs1 = AttackForge.der(0x30, AttackForge.derInteger(modulus) + AttackForge.derInteger(exponent))
        let algorithm = AttackForge.der(
            0x30, [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00])
        let spki = AttackForge.der(0x30, algorithm + AttackForge.der(0x03, [0] + pkcs1))
        for der in [spki, pkcs1] {
            let error = AttackForge.rsaError { () throws(RSAError) in try RSA.PublicKey(derRepresentation: der) }
            #expect(error?.code == .modulusTooLong)
            let pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.encode(der) + "\n-----END PUBLIC KEY-----\n"
            #expect(AttackForge.rsaError { () throws(RSAError) in try RSA.PublicKey(pemRepresentation: pem) } != nil)
        }
        // A JWK and a JWKS.
        let jwk = #"{"kty":"RSA","alg":"RS256","n":"\#(Base64URL.encode(modulus))","e":"AQAB"}"#
        #expect(AttackForge.error { () throws(JWTError) in try JWTKey(jwk: jwk) } != nil)
        let jwks = #"{"keys":[\#(jwk)]}"#
        let set = Result { () throws(JWTError) -> JWTKeySet in try JWTKeySet(jwks: jwks) }
        if case .success(let keys) = set { #expect(keys.count == 0) }
        // A 12,500-byte signature against a 2048-bit key.
        let verifier = JWTVerifier(
            key: try JWTKey.rsa(try AttackForge.rsaPublicKey(), algorithm: .rs256), options: AttackForge.options())
        let token =
            AttackForge.segment(#"{"alg":"RS256"}"#) + "." + AttackForge.segment(AttackForge.adminClaims) + "."
            + Base64URL.encode(modulus)
        var options = AttackForge.options()
        options.maximumTokenBytes = 64 * 1024
        let roomy = JWTVerifier(
            key: try JWTKey.rsa(try AttackForge.rsaPublicKey(), algorithm: .rs256), options: options)
        #expect(AttackForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .tokenTooLarge)
        #expect(AttackForge.error { () throws(JWTError) in try roomy.verify(token) }?.code == .invalidSignature)
    }
}

/// Builds attack tokens from raw text, MACed with SigilHMAC directly so that any header,
/// even one SigilJWT's signer would never write, can carry a valid signature.
private enum AttackForge {
    /// The verifier's HS256 secret (32 bytes).
    static let secret = Array("known-attack-suite-hs256-secret!".utf8)
    /// The clock of every verifier here.
    static let now: Int64 = 1_700_000_000
    /// Claims an attacker wants accepted; valid until 2100.
    static let adminClaims = #"{"sub":"admin","roles":["admin"],"exp":4102444800}"#

    static func options() -> JWTValidationOptions {
        JWTValidationOptions(leeway: 0, clock: .fixed(now))
    }

    static func hsKey() throws -> JWTKey { try JWTKey.hmac(secret, algorithm: .hs256) }

    static func hsVerifier() throws -> JWTVerifier { JWTVerifier(key: try hsKey(), options: options()) }

    /// RFC 7515 A.2's RSA public key, as PEM text (from the vectors).
    static func rsaPEM() throws -> String {
        let vectors = try Vectors.jsonObject("rfc/rfc7515_jws.json")
        let tests = try #require(vectors["tests"] as? [[String: Any]])
        let a2 = try #require(tests.first { ($0["alg"] as? String) == "RS256" })
        let key = try #require(a2["key"] as? [String: Any])
        return try #require(key["pem"] as? String)
    }

    static func rsaPublicKey() throws -> RSA.PublicKey { try RSA.PublicKey(pemRepresentation: rsaPEM()) }

    static func segment(_ text: String) -> String { Base64URL.encode(Array(text.utf8)) }

    static func headerJSON(_ object: JSONObject) throws -> String { JSONValue.object(object).serialized() }

    /// HMAC over `input` with `secret` (SHA-256, -384 or -512 by JWS name).
    static func mac(_ input: String, secret: [UInt8] = AttackForge.secret, algorithm: String = "HS256") -> [UInt8] {
        let key = SymmetricKey(data: secret)
        switch algorithm {
        case "HS384": return Array(HMAC<SHA384>.authenticationCode(for: Array(input.utf8), using: key))
        case "HS512": return Array(HMAC<SHA512>.authenticationCode(for: Array(input.utf8), using: key))
        default: return Array(HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: key))
        }
    }

    /// `BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(HMAC(secret, signing input))`.
    static func token(header: String, payload: String, secret: [UInt8], algorithm: String = "HS256") -> String {
        let input = segment(header) + "." + segment(payload)
        return input + "." + Base64URL.encode(mac(input, secret: secret, algorithm: algorithm))
    }

    /// Spellings of a base64url segment that a lenient decoder maps to the same bytes:
    /// non-zero unused bits in the last character, `=` padding, and the standard alphabet.
    static func alternateSpellings(of segment: String) -> [String] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var spellings: [String] = []
        let unusedBits = [0: 0, 2: 4, 3: 2][segment.count % 4] ?? 0
        if unusedBits > 0, let last = segment.last, let value = alphabet.firstIndex(of: last) {
            for low in 1..<(1 << unusedBits) {
                spellings.append(String(segment.dropLast()) + String(alphabet[value | low]))
            }
        }
        let padding = String(repeating: "=", count: (4 - segment.count % 4) % 4)
        if !padding.isEmpty { spellings.append(segment + padding) }
        spellings.append(segment + "=")
        let standard = segment.replacing("-", with: "+").replacing("_", with: "/")
        if standard != segment { spellings.append(standard) }
        return spellings
    }

    /// Three RS256 tokens signed with an attacker's 2048-bit key (made with pyjwt), claims
    /// `{"sub":"admin","roles":["admin"],"exp":4102444800}`.
    ///
    /// Headers: the attacker's public key as `jwk`; `jku` and `x5u` URLs pointing at the
    /// attacker.
    static let attackerRS256Tokens = [
        "eyJhbGciOiJSUzI1NiIsImp3ayI6eyJlIjoiQVFBQiIsImt0eSI6IlJTQSIsIm4iOiJySlBrTG51emFOMzVVQW5rSWtDb3Fh"
            + "OEpkOWhJNEx3eFB2SzJzOVkwVFluQU9wbUhnNVIwZUhHZkZQMGxyRlEyc1JmVGJnUmJXU05OekFvT3EyYUhqUjRWN3lKSFU4"
            + "eVk1XzRvVVVXZkx0TGlEbTRxZGJtbl91RE5tRjh4Qk81djJtRzZvMVd1RkRxSXJNT3E3Zk15OUJOcGw0VjBidlI2Rnhabkdp"
            + "NHd6c1VBM01YYVZvbHFyT0ZRb2xrRlFKT2xHdHo0THlMNllJQTR5ZEJzcFF5bFdLUE9rVllmdTdnY0U2ZlFxOUttRGJBbjBq"
            + "X0dZMUl4Ym9XcDhZQzFlX1F1TDIyUy1xNnI0SXVvUUNQWksxMVh3SUpaS3RNQmxvdFRVblQ5LXVCTWt5UE1PLXhjdTc0ZTJI"
            + "VjB3MmVCMzgwcDByZm5JNlNzMFhCTlFHYWVTX3prSFEifSwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpb"
            + "ImFkbWluIl0sImV4cCI6NDEwMjQ0NDgwMH0.DwQcQn6NXxsd1FhnIJXRV36BADMkMw8gDOaz0pBVXj5fP9zSqrSmLFbgJQdd"
            + "QMnBrEzkN6buRhaqcs2wWymKh4XhpiGhGphCw68wCsS9to9kfBedwMSajNNxbSIT3tMmx3CHoxurgRuqEgHwHVFzoyQo2jA6"
            + "eZTeyukqNymnibJW5aTMwLXHn0rYe4VelD50VZ6VkDP7EKyjJqqm_pH39K1CVkRYT0wF4oQBohDSKg9TdgXs86EkTfaT-4Hd"
            + "n8hA_3DcfrD9JCsPrzxQKtuLktw6LyE_AzFwKT9JMgaEBtS5riLxOTTuirZ8jN354mHd91RYOu4KOw88ASqr1wYvOA",
        "eyJhbGciOiJSUzI1NiIsImprdSI6Imh0dHBzOi8vYXR0YWNrZXIuZXhhbXBsZS9qd2tzLmpzb24iLCJ0eXAiOiJKV1QifQ.e"
            + "yJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluIl0sImV4cCI6NDEwMjQ0NDgwMH0.gd5yfVjZ5jOHcLZXsp78f0P6pcFR0"
            + "7-pUK3ml6gV56ktARG0xDTHMiAxpfUpk4JTHY-OaPED7sJLA5MKaPGcUem915JCrlf0mLYzif1QQuKPuaYtAJYcmQWdQjF6x"
            + "9gshiFqfEvqSN7ALaShtJy4hoUbvBdyyspcNEtg0lrl79C8zXAxqczWt8S7hTam8V48NFg9HHY2mSHDhlHYr6UVCykvOiuBA"
            + "g8xC8ZpgqGcRcvYBC1ssgPrH0sLAGJEdTStMZPwLyuVQocd0N2nThx0e1v5qBqEdDerQe5EdzYTKb_IQ4eea4vsLf7cOk2ma"
            + "ClnSA7EPBYe36lBB6ZoAEbUKg",
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsIng1dSI6Imh0dHBzOi8vYXR0YWNrZXIuZXhhbXBsZS9jZXJ0LnBlbSJ9.eyJ"
            + "zdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluIl0sImV4cCI6NDEwMjQ0NDgwMH0.NXG5SshETsZwOOkrl7ti9CSnwD10YO0"
            + "9NHBojlbj4dec7NL2uDM9yK9jns52c4BZWhZh3jlbj3b6go2O52UL0Vehxp7iJSx24ckXwFLDYHOHIax1sowp25Cpw6nf6lo"
            + "LgQDeNBzToyhmyiNgQxficBDbyMR5CmjYf-jrbRm5omGY4ldzEnmIv1w_SUXjZ6580LQ6iTnWHuYxNLPOpbw01kO9Tl8KWoB"
            + "cPL0B1ZngpnF8U08j7hSb7vRrk3yfYDKqMTSsJTjXIEzCYF9qx8PpMYiHwMd31elAfQQ6y_V_NDvE2ab6Hj_I4ZQlCTCCmnS"
            + "m0SXEmuUWnslCnKiJwQQIsg",
    ]

    static func der(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var count = content.count
            var bytes: [UInt8] = []
            while count > 0 {
                bytes.insert(UInt8(count & 0xFF), at: 0)
                count >>= 8
            }
            length = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + length + content
    }

    static func derInteger(_ magnitude: [UInt8]) -> [UInt8] {
        der(0x02, (magnitude.first ?? 0) & 0x80 != 0 ? [0] + magnitude : magnitude)
    }

    static func error<R>(_ body: () throws(JWTError) -> R) -> JWTError? { TokenForge.error(body) }

    static func rsaError<R>(_ body: () throws(RSAError) -> R) -> RSAError? { TokenForge.error(body) }
}

extension String {
    fileprivate func replacing(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
