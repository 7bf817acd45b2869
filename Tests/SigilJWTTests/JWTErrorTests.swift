import SigilJSON
import SigilJWT
import Testing

@Suite("JWTError and JWTClaims")
struct JWTErrorTests {
    static let codes: [JWTError.Code] = [
        .malformed, .unsupportedAlgorithm, .algorithmNotAllowed, .unknownKeyID, .invalidSignature, .expired,
        .notYetValid, .issuedInFuture, .issuerMismatch, .audienceMismatch, .subjectMismatch, .missingClaim,
        .wrongClaimType, .unsupportedCriticalHeader, .tokenTooLarge, .typeMismatch, .invalidKey, .weakKey,
    ]

    @Test("18 distinct codes with distinct names; equality by code only")
    func codes() {
        #expect(Self.codes.count == 18)
        #expect(Set(Self.codes).count == 18)
        #expect(Set(Self.codes.map(\.description)).count == 18)
        #expect(!Self.codes.map(\.description).contains("unknown"))
        #expect(JWTError(.expired, "a") == JWTError(.expired, "b"))
        #expect(JWTError(.expired, "a") != JWTError(.malformed, "a"))
        #expect(JWTError(.expired, "the token has expired").description == "JWTError.expired: the token has expired")
    }

    @Test("code names are the `error` field of `sigil-token verify`, unchanged")
    func codeNames() {
        let names = [
            "malformed", "unsupportedAlgorithm", "algorithmNotAllowed", "unknownKeyID", "invalidSignature", "expired",
            "notYetValid", "issuedInFuture", "issuerMismatch", "audienceMismatch", "subjectMismatch", "missingClaim",
            "wrongClaimType", "unsupportedCriticalHeader", "tokenTooLarge", "typeMismatch", "invalidKey", "weakKey",
        ]
        #expect(Self.codes.map(\.description) == names)
        #expect(JWTError.Code.signingFailed.description == "signingFailed")
    }

    @Test("an error records the file and line that made it, and equality ignores them")
    func sourceLocation() {
        let first = JWTError(.expired, "a")
        let second = JWTError(.expired, "a")
        #expect(first.file == "SigilJWTTests/JWTErrorTests.swift")
        #expect(second.line == first.line + 1)
        #expect(first == second)
    }

    @Test("clientMessage: \"Token expired\" for expiry only, \"Invalid token\" for every other code")
    func clientMessages() {
        for code in Self.codes {
            #expect(JWTError(code, "").clientMessage == (code == .expired ? "Token expired" : "Invalid token"))
        }
    }

    @Test("registered-claim accessors read leniently and write the right JSON")
    func claimAccessors() {
        var claims = JWTClaims()
        claims.subject = "alice"
        claims.issuer = "https://auth.example"
        claims.id = "t-1"
        claims.expiration = 1_700_003_600
        claims.notBefore = 1_700_000_000
        claims.issuedAt = 1_700_000_000
        claims.audience = ["api"]
        #expect(claims["aud"] == "api")
        claims.audience = ["api", "web"]
        #expect(claims["aud"] == ["api", "web"])
        #expect(claims.audience == ["api", "web"])
        #expect(claims.object.keys == ["sub", "iss", "jti", "exp", "nbf", "iat", "aud"])
        claims.audience = []
        #expect(!claims.contains("aud"))
        claims.subject = nil
        #expect(claims.subject == nil && !claims.contains("sub"))
        // Wrong types and out-of-range dates read as nil; fractions round down.
        let odd: JWTClaims = [
            "sub": 5, "exp": "soon", "nbf": .number(JSONNumber(literal: "1e300")!),
            "iat": .number(JSONNumber(literal: "1700000000.9")!), "aud": ["a", 1],
        ]
        #expect(odd.subject == nil)
        #expect(odd.expiration == nil)
        #expect(odd.notBefore == nil)
        #expect(odd.issuedAt == 1_700_000_000)
        #expect(odd.audience == ["a"])
        #expect(odd.strings("aud") == nil)
    }

    @Test("verify(utf8:) takes the token's bytes")
    func verifyBytes() throws {
        let token = try TokenForge.token(payload: #"{"sub":"alice","exp":\#(TokenForge.now + 60)}"#)
        let verifier = try TokenForge.verifier()
        #expect(try verifier.verify(utf8: Array(token.utf8)).claims.subject == "alice")
        #expect(try verifier.verify(utf8: token.utf8).claims.subject == "alice")
        let error = TokenForge.error { () throws(JWTError) in try verifier.verify(utf8: Array(token.utf8.dropLast())) }
        #expect(error?.code == .invalidSignature || error?.code == .malformed)
    }
}
