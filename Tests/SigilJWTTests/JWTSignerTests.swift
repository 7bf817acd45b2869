import SigilBase64
import SigilJSON
import SigilJWT
import Testing

/// Signing: the header the signer writes, round trips for every HMAC algorithm, and the
/// raw JWS helpers.
@Suite("Signing")
struct JWTSignerTests {
    @Test("HS256/384/512 tokens round-trip", arguments: [JWTAlgorithm.hs256, .hs384, .hs512])
    func roundTrip(algorithm: JWTAlgorithm) throws {
        let digestByteCount = [JWTAlgorithm.hs256: 32, .hs384: 48, .hs512: 64][algorithm] ?? 0
        let key = try JWTKey.hmac(Array(repeating: 9, count: digestByteCount), algorithm: algorithm)
        var claims = JWTClaims()
        claims.subject = "user_admin"
        claims.expiration = TokenForge.now + 3600
        claims["roles"] = ["admin"]
        let token = try JWTSigner(key: key).sign(claims)
        let verified = try TokenForge.verifier(key: key).verify(token)
        #expect(verified.claims == claims)
        #expect(verified.algorithm == algorithm)
        #expect(verified.header == ["alg": .string(algorithm.rawValue), "typ": "JWT"])
        // The signature segment has the digest's length.
        let signature = try Base64URL.decode(String(token.split(separator: ".")[2]))
        #expect(signature.count == digestByteCount)
    }

    @Test("the header is compact JSON with sorted members, as PyJWT writes it")
    func header() throws {
        let plain = try JWTSigner(key: TokenForge.hs256Key()).sign(["exp": 1])
        let header = String(decoding: try Base64URL.decode(String(plain.split(separator: ".")[0])), as: UTF8.self)
        #expect(header == #"{"alg":"HS256","typ":"JWT"}"#)
        let withKid = try JWTSigner(key: TokenForge.hs256Key(keyID: "k\"1")).sign(["exp": 1])
        let header2 = String(decoding: try Base64URL.decode(String(withKid.split(separator: ".")[0])), as: UTF8.self)
        #expect(header2 == #"{"alg":"HS256","kid":"k\"1","typ":"JWT"}"#)
        let untyped = try JWTSigner(key: TokenForge.hs256Key(), type: nil).sign(["exp": 1])
        let header3 = String(decoding: try Base64URL.decode(String(untyped.split(separator: ".")[0])), as: UTF8.self)
        #expect(header3 == #"{"alg":"HS256"}"#)
    }

    @Test("the payload is the claims' compact JSON, in order, numbers exact")
    func payload() throws {
        let claims: JWTClaims = [
            "sub": "a\u{2019}b\n", "big": .number(JSONNumber(literal: "18446744073709551616")!), "exp": 1,
        ]
        let token = try JWTSigner(key: TokenForge.hs256Key()).sign(claims)
        let payload = String(decoding: try Base64URL.decode(String(token.split(separator: ".")[1])), as: UTF8.self)
        #expect(payload == "{\"sub\":\"a\u{2019}b\\n\",\"big\":18446744073709551616,\"exp\":1}")
    }

    @Test("sign(payload:) and verifySignature(_:) handle non-JSON payloads")
    func rawJWS() throws {
        let key = try TokenForge.hs256Key()
        let token = try JWTSigner(key: key).sign(payload: Array("hello, world".utf8))
        let verified = try TokenForge.verifier(key: key).verifySignature(token)
        #expect(verified.payload == Array("hello, world".utf8))
        #expect(verified.algorithm == .hs256)
        // verify(_:) wants a claims object.
        let verifier = try TokenForge.verifier(key: key)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .malformed)
    }

    @Test("tampering with any segment is caught")
    func tampering() throws {
        let key = try TokenForge.hs256Key()
        let token = try JWTSigner(key: key).sign(["sub": "alice", "exp": .number(JSONNumber(TokenForge.now + 60))])
        let verifier = try TokenForge.verifier(key: key)
        var parts = token.split(separator: ".").map(String.init)
        // Header: a different but valid header.
        parts[0] = Base64URL.encode(Array(#"{"alg":"HS256"}"#.utf8))
        #expect(
            TokenForge.error { () throws(JWTError) in try verifier.verify(parts.joined(separator: ".")) }?.code
                == .invalidSignature)
        // Payload: admin instead of alice.
        parts = token.split(separator: ".").map(String.init)
        parts[1] = Base64URL.encode(Array(#"{"sub":"admin","exp":\#(TokenForge.now + 60)}"#.utf8))
        #expect(
            TokenForge.error { () throws(JWTError) in try verifier.verify(parts.joined(separator: ".")) }?.code
                == .invalidSignature)
        // Signature: every single-bit flip of the MAC, zero, and truncated or extended tags.
        parts = token.split(separator: ".").map(String.init)
        let mac = try Base64URL.decode(parts[2])
        var rejected = 0
        for bit in 0..<(mac.count * 8) {
            var flipped = mac
            flipped[bit / 8] ^= 1 << (bit % 8)
            parts[2] = Base64URL.encode(flipped)
            if TokenForge.error({ () throws(JWTError) in try verifier.verify(parts.joined(separator: ".")) })?.code
                == .invalidSignature
            {
                rejected += 1
            }
        }
        #expect(rejected == 256)
        for forged in [[UInt8](repeating: 0, count: 32), [], Array(mac.prefix(16)), mac + [0]] {
            parts[2] = Base64URL.encode(forged)
            #expect(
                TokenForge.error { () throws(JWTError) in try verifier.verify(parts.joined(separator: ".")) }?.code
                    == .invalidSignature)
        }
    }

    @Test("JWTKey.signature and isValidSignature are the raw JWS operations")
    func rawSignature() throws {
        let key = try TokenForge.hs256Key()
        let signature = try key.signature(for: Array("a.b".utf8))
        #expect(signature.count == 32)
        #expect(key.isValidSignature(signature, for: Array("a.b".utf8)))
        #expect(!key.isValidSignature(signature, for: Array("a.c".utf8)))
        #expect(!key.isValidSignature(signature.dropLast(), for: Array("a.b".utf8)))
    }
}
