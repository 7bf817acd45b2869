import SigilBase64
import SigilJWT
import Testing

/// SigilJWT's resource limits at their defaults, each at the boundary and one past it
/// (issue #8): token size 16 KiB, payload nesting 32, header nesting 8, JWK nesting 8.
@Suite("JWT resource limits")
struct JWTResourceLimitTests {
    /// A token whose payload carries `filler` in a `pad` claim and whose total length is
    /// exactly `byteCount`, or nil when base64url cannot hit that length.
    static func token(byteCount: Int) throws -> String? {
        let base = try TokenForge.token(payload: #"{"exp":1700003600,"pad":""}"#)
        var padding = max(0, (byteCount - base.utf8.count) * 3 / 4 - 3)
        while padding < byteCount {
            let token = try TokenForge.token(
                payload: #"{"exp":1700003600,"pad":""# + String(repeating: "x", count: padding) + "\"}")
            if token.utf8.count == byteCount { return token }
            if token.utf8.count > byteCount { return nil }
            padding += 1
        }
        return nil
    }

    @Test("a token of exactly 16,384 bytes verifies; 16,385 bytes is tokenTooLarge")
    func tokenSize() throws {
        #expect(JWTValidationOptions.defaultMaximumTokenBytes == 16_384)
        let verifier = try TokenForge.verifier()
        let exact = try #require(try Self.token(byteCount: 16_384))
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(exact) } == nil)
        // One byte more: a validly signed token of 16,385 bytes, and the exact one plus a byte.
        let over = try #require(try Self.token(byteCount: 16_385))
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(over) }?.code == .tokenTooLarge)
        let plusOne = exact + "A"
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(plusOne) }?.code == .tokenTooLarge)
    }

    @Test("payload nesting of depth 32 verifies; depth 33 is malformed")
    func payloadDepth() throws {
        let verifier = try TokenForge.verifier()
        func payload(arrays: Int) -> String {
            #"{"exp":1700003600,"x":"# + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays)
                + "}"
        }
        let deepest = try TokenForge.token(payload: payload(arrays: 31))
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(deepest) } == nil)
        let tooDeep = try TokenForge.token(payload: payload(arrays: 32))
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(tooDeep) }?.code == .malformed)
    }

    @Test("header nesting of depth 8 verifies; depth 9 is malformed")
    func headerDepth() throws {
        let verifier = try TokenForge.verifier()
        let key = try TokenForge.hs256Key()
        func header(arrays: Int) -> String {
            #"{"alg":"HS256","x":"# + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays)
                + "}"
        }
        let payload = #"{"exp":1700003600}"#
        let deepest = try TokenForge.token(header: header(arrays: 7), payload: payload, key: key)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(deepest) } == nil)
        let tooDeep = try TokenForge.token(header: header(arrays: 8), payload: payload, key: key)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(tooDeep) }?.code == .malformed)
    }

    @Test("a JWK nested to depth 8 is read; depth 9 is invalidKey")
    func jwkDepth() throws {
        let secret = Base64URL.encode([UInt8](repeating: 7, count: 32))
        func jwk(arrays: Int) -> String {
            #"{"kty":"oct","k":"\#(secret)","x":"# + String(repeating: "[", count: arrays)
                + String(repeating: "]", count: arrays) + "}"
        }
        #expect(TokenForge.error { () throws(JWTError) in try JWTKey(jwk: jwk(arrays: 7)) } == nil)
        #expect(TokenForge.error { () throws(JWTError) in try JWTKey(jwk: jwk(arrays: 8)) }?.code == .invalidKey)
        let set = #"{"keys":["# + jwk(arrays: 5) + "]}"  // 1 + 1 + 1 + 5 = 8
        #expect(TokenForge.error { () throws(JWTError) in try JWTKeySet(jwks: set) } == nil)
        let deepSet = #"{"keys":["# + jwk(arrays: 6) + "]}"
        #expect(TokenForge.error { () throws(JWTError) in try JWTKeySet(jwks: deepSet) }?.code == .invalidKey)
    }
}
