import SigilJSON
import SigilJWT
import Testing

/// Registered-claim validation (RFC 7519 §4.1) with the leeway and an injected clock.
///
/// `now` is TokenForge.now; the default leeway is 60 s.
@Suite("Claim validation")
struct ClaimValidationTests {
    static let now = TokenForge.now

    static func check(
        _ payload: String,
        configure: (inout JWTValidationOptions) -> Void = { _ in }
    ) throws -> JWTError? {
        let token = try TokenForge.token(payload: payload)
        let verifier = try TokenForge.verifier(configure: configure)
        return TokenForge.error { () throws(JWTError) in try verifier.verify(token) }
    }

    @Test("the default leeway is 60 seconds, and exp is required")
    func defaults() {
        let options = JWTValidationOptions()
        #expect(options.leeway == 60)
        #expect(JWTValidationOptions.defaultLeeway == 60)
        #expect(options.requireExpiration)
    }

    /// exp: valid while now < exp + leeway.
    ///
    /// At the edge (now == exp + leeway) it has expired.
    @Test("exp exactly at, before and one second past the leeway edge")
    func expirationEdge() throws {
        let leeway: Int64 = 60
        #expect(try Self.check(#"{"exp":\#(Self.now - leeway + 1)}"#) == nil)
        #expect(try Self.check(#"{"exp":\#(Self.now - leeway)}"#)?.code == .expired)
        #expect(try Self.check(#"{"exp":\#(Self.now - leeway - 1)}"#)?.code == .expired)
        // With no leeway, exp == now has expired (RFC 7519 §4.1.4: now MUST be before exp).
        #expect(try Self.check(#"{"exp":\#(Self.now)}"#) { $0.leeway = 0 }?.code == .expired)
        #expect(try Self.check(#"{"exp":\#(Self.now + 1)}"#) { $0.leeway = 0 } == nil)
        // Non-integral NumericDates compare exactly.
        #expect(try Self.check(#"{"exp":\#(Self.now).5}"#) { $0.leeway = 0 } == nil)
        #expect(try Self.check(#"{"exp":\#(Self.now - 1).5}"#) { $0.leeway = 0 }?.code == .expired)
    }

    /// nbf: valid once now + leeway >= nbf.
    @Test("nbf exactly at and one second past the leeway edge")
    func notBeforeEdge() throws {
        let exp = Self.now + 3600
        #expect(try Self.check(#"{"exp":\#(exp),"nbf":\#(Self.now + 60)}"#) == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"nbf":\#(Self.now + 61)}"#)?.code == .notYetValid)
        #expect(try Self.check(#"{"exp":\#(exp),"nbf":\#(Self.now)}"#) { $0.leeway = 0 } == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"nbf":\#(Self.now + 1)}"#) { $0.leeway = 0 }?.code == .notYetValid)
    }

    @Test("iat in the future beyond the leeway is issuedInFuture")
    func issuedAt() throws {
        let exp = Self.now + 3600
        #expect(try Self.check(#"{"exp":\#(exp),"iat":\#(Self.now + 60)}"#) == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"iat":\#(Self.now + 61)}"#)?.code == .issuedInFuture)
        #expect(try Self.check(#"{"exp":\#(exp),"iat":0}"#) == nil)
    }

    @Test("a missing exp is missingClaim unless not required")
    func missingExpiration() throws {
        let error = try Self.check(#"{"sub":"alice"}"#)
        #expect(error?.code == .missingClaim)
        #expect(error?.claim == "exp")
        #expect(try Self.check(#"{"sub":"alice"}"#) { $0.requireExpiration = false } == nil)
    }

    @Test(
        "NumericDates of the wrong type or out of range are wrongClaimType",
        arguments: [
            #""1700003600""#, "true", "null", "[1700003600]", #"{"t":1}"#, "1e300", "-1e300", "1E400",
            "1234567890123456789012345", "-1", "253402300800", "1e12",
        ])
    func numericDateTypes(value: String) throws {
        for claim in ["exp", "nbf", "iat"] {
            let payload = claim == "exp" ? #"{"exp":\#(value)}"# : #"{"exp":1700003600,"\#(claim)":\#(value)}"#
            let error = try Self.check(payload)
            #expect(error?.code == .wrongClaimType, "\(claim)=\(value)")
            #expect(error?.claim == claim)
        }
    }

    @Test(
        "NumericDates in range, integral or not, are accepted",
        arguments: ["1700003600", "1700003600.25", "1.7000036e9", "17000036e2"])
    func numericDateForms(value: String) throws {
        #expect(try Self.check(#"{"exp":\#(value)}"#) == nil, "\(value)")
    }

    @Test("iss: exact match against one value or a set")
    func issuer() throws {
        let exp = Self.now + 3600
        let one: (inout JWTValidationOptions) -> Void = { $0.issuers = ["https://auth.example"] }
        let set: (inout JWTValidationOptions) -> Void = { $0.issuers = ["a", "https://auth.example"] }
        #expect(try Self.check(#"{"exp":\#(exp),"iss":"https://auth.example"}"#, configure: one) == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"iss":"https://auth.example"}"#, configure: set) == nil)
        #expect(
            try Self.check(#"{"exp":\#(exp),"iss":"https://auth.example/"}"#, configure: one)?.code == .issuerMismatch)
        #expect(
            try Self.check(#"{"exp":\#(exp),"iss":"HTTPS://AUTH.EXAMPLE"}"#, configure: one)?.code == .issuerMismatch)
        #expect(try Self.check(#"{"exp":\#(exp)}"#, configure: one)?.code == .missingClaim)
        #expect(try Self.check(#"{"exp":\#(exp),"iss":7}"#, configure: one)?.code == .wrongClaimType)
        #expect(try Self.check(#"{"exp":\#(exp),"iss":7}"#)?.code == .wrongClaimType)
        // No Unicode normalization: "é" precomposed is not "e" + combining acute.
        let composed: (inout JWTValidationOptions) -> Void = { $0.issuers = ["caf\u{E9}"] }
        #expect(try Self.check(#"{"exp":\#(exp),"iss":"cafe\u0301"}"#, configure: composed)?.code == .issuerMismatch)
        #expect(try Self.check(#"{"exp":\#(exp),"iss":"caf\u00e9"}"#, configure: composed) == nil)
    }

    @Test("aud: a string or an array, any match")
    func audience() throws {
        let exp = Self.now + 3600
        let api: (inout JWTValidationOptions) -> Void = { $0.audiences = ["api"] }
        #expect(try Self.check(#"{"exp":\#(exp),"aud":"api"}"#, configure: api) == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":["web","api"]}"#, configure: api) == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":["web"]}"#, configure: api)?.code == .audienceMismatch)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":"web"}"#, configure: api)?.code == .audienceMismatch)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":[]}"#, configure: api)?.code == .audienceMismatch)
        #expect(try Self.check(#"{"exp":\#(exp)}"#, configure: api)?.code == .missingClaim)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":["api",1]}"#, configure: api)?.code == .wrongClaimType)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":{"api":true}}"#, configure: api)?.code == .wrongClaimType)
        // Not checked, but still type-checked.
        // With no audience configured, a token that names one is refused (RFC 7519 §4.1.3),
        // unless the verifier says it ignores aud.
        #expect(try Self.check(#"{"exp":\#(exp),"aud":"anything"}"#)?.code == .audienceMismatch)
        #expect(
            try Self.check(#"{"exp":\#(exp),"aud":"anything"}"#) { $0.acceptsAudienceWithoutConfiguredAudiences = true }
                == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"aud":5}"#)?.code == .wrongClaimType)
    }

    @Test("sub: exact match when pinned")
    func subject() throws {
        let exp = Self.now + 3600
        let alice: (inout JWTValidationOptions) -> Void = { $0.subject = "alice" }
        #expect(try Self.check(#"{"exp":\#(exp),"sub":"alice"}"#, configure: alice) == nil)
        #expect(try Self.check(#"{"exp":\#(exp),"sub":"bob"}"#, configure: alice)?.code == .subjectMismatch)
        #expect(try Self.check(#"{"exp":\#(exp)}"#, configure: alice)?.code == .missingClaim)
        #expect(try Self.check(#"{"exp":\#(exp),"sub":["alice"]}"#)?.code == .wrongClaimType)
    }

    @Test("required claims must be present")
    func requiredClaims() throws {
        let exp = Self.now + 3600
        let required: (inout JWTValidationOptions) -> Void = { $0.requiredClaims = ["jti", "scope"] }
        #expect(try Self.check(#"{"exp":\#(exp),"jti":"x","scope":null}"#, configure: required) == nil)
        let error = try Self.check(#"{"exp":\#(exp),"jti":"x"}"#, configure: required)
        #expect(error?.code == .missingClaim)
        #expect(error?.claim == "scope")
    }

    @Test("duplicate claims are malformed, never last-one-wins")
    func duplicateClaims() throws {
        #expect(try Self.check(#"{"exp":1,"exp":\#(Self.now + 3600)}"#)?.code == .malformed)
        #expect(try Self.check(#"{"sub":"alice","sub":"admin","exp":\#(Self.now + 3600)}"#)?.code == .malformed)
    }

    @Test(
        "a payload that is not a JSON object is malformed", arguments: ["[]", "1", #""x""#, "null", "", "{", "\u{FF}"])
    func payloadShape(payload: String) throws {
        #expect(try Self.check(payload)?.code == .malformed)
    }

    @Test("600-deep nesting in the payload is malformed, not a crash")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(try Self.check(#"{"exp":\#(Self.now + 3600),"x":\#(deep)}"#)?.code == .malformed)
    }

    @Test("validate(_:) checks a claims set directly against the clock")
    func validateDirectly() throws {
        var options = JWTValidationOptions()
        options.clock = .fixed(Self.now)
        var claims = JWTClaims()
        claims.expiration = Self.now + 10
        try options.validate(claims)
        claims.expiration = Self.now - 100
        #expect(TokenForge.error { () throws(JWTError) in try options.validate(claims) }?.code == .expired)
        options.clock = .custom { 0 }
        try options.validate(claims)
        // A huge leeway is clamped, never overflows.
        options.clock = .fixed(Int64.max)
        options.leeway = Int64.max
        #expect(TokenForge.error { () throws(JWTError) in try options.validate(claims) }?.code == .expired)
        options.leeway = Int64.min
        options.clock = .fixed(Self.now - 200)
        try options.validate(claims)
    }
}
