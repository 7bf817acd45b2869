import SigilJSON
import SigilJSONCodable
import SigilJWT
import SigilJWTFoundation
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#elseif canImport(Foundation)
import Foundation
#endif

/// The Codable conveniences: `JWTPayload`, `sign(_:)` and `verify(_:as:)`.
@Suite("Codable payloads")
struct JWTPayloadTests {
    struct SessionClaims: JWTPayload, Equatable {
        var sub: String
        var exp: Date
        var roles: [String]
        var level: Int?
    }

    struct AdminOnly: JWTPayload {
        var sub: String
        var exp: Date
        var roles: [String]

        struct NotAdmin: Error {}

        func verify(using key: JWTKey) throws {
            guard roles.contains("admin") else { throw NotAdmin() }
        }
    }

    /// The same payload without Foundation: NumericDate and exact integers.
    struct PortableClaims: JWTPayload, Equatable {
        var sub: String
        var exp: NumericDate
        var iat: Int64
        var roles: [String]
        var scope: String?
    }

    static let expiry = Date(timeIntervalSince1970: TimeInterval(TokenForge.now + 3600))

    @Test("a typed payload round-trips, with dates as NumericDates")
    func roundTrip() throws {
        let key = try TokenForge.hs256Key()
        let claims = SessionClaims(sub: "user_admin", exp: Self.expiry, roles: ["admin"], level: 3)
        let token = try JWTSigner(key: key).sign(claims)
        let verifier = try TokenForge.verifier(key: key)
        #expect(try verifier.verify(token, as: SessionClaims.self) == claims)
        // The dynamic view sees exp as a number of seconds.
        #expect(try verifier.verify(token).claims.expiration == TokenForge.now + 3600)
    }

    @Test("registered claims are validated before the payload is decoded")
    func registeredClaimsFirst() throws {
        let key = try TokenForge.hs256Key()
        let expired = SessionClaims(
            sub: "u", exp: Date(timeIntervalSince1970: TimeInterval(TokenForge.now - 3600)), roles: [])
        let token = try JWTSigner(key: key).sign(expired)
        let verifier = try TokenForge.verifier(key: key)
        #expect(throws: JWTError(.expired, "")) { try verifier.verify(token, as: SessionClaims.self) }
    }

    @Test("a payload that does not decode is a claim error")
    func decodingErrors() throws {
        let key = try TokenForge.hs256Key()
        let verifier = try TokenForge.verifier(key: key)
        let exp = TokenForge.now + 60
        let missing = try TokenForge.token(payload: #"{"sub":"u","exp":\#(exp)}"#, key: key)
        #expect(throws: JWTError(.missingClaim, "")) { try verifier.verify(missing, as: SessionClaims.self) }
        let wrongType = try TokenForge.token(payload: #"{"sub":"u","exp":\#(exp),"roles":"admin"}"#, key: key)
        #expect(throws: JWTError(.wrongClaimType, "")) { try verifier.verify(wrongType, as: SessionClaims.self) }
        let null = try TokenForge.token(payload: #"{"sub":"u","exp":\#(exp),"roles":null}"#, key: key)
        #expect(throws: JWTError(.missingClaim, "")) { try verifier.verify(null, as: SessionClaims.self) }
    }

    @Test("the payload's own verify(using:) runs last")
    func customVerify() throws {
        let key = try TokenForge.hs256Key()
        let verifier = try TokenForge.verifier(key: key)
        let admin = try JWTSigner(key: key).sign(AdminOnly(sub: "a", exp: Self.expiry, roles: ["admin"]))
        #expect(try verifier.verify(admin, as: AdminOnly.self).sub == "a")
        let user = try JWTSigner(key: key).sign(AdminOnly(sub: "u", exp: Self.expiry, roles: ["user"]))
        #expect(throws: AdminOnly.NotAdmin.self) { try verifier.verify(user, as: AdminOnly.self) }
    }

    @Test("NumericDate and integer claims, no Foundation: the token's payload is exactly the JSON")
    func portablePayload() throws {
        let key = try TokenForge.hs256Key()
        let expiry = try #require(NumericDate(seconds: TokenForge.now + 3600))
        let claims = PortableClaims(sub: "u", exp: expiry, iat: TokenForge.now, roles: ["a", "b"], scope: nil)
        let token = try JWTSigner(key: key).sign(claims)
        let verifier = try TokenForge.verifier(key: key)
        let verified = try verifier.verify(token)
        #expect(
            String(decoding: verified.payload, as: UTF8.self)
                == #"{"sub":"u","exp":\#(TokenForge.now + 3600),"iat":\#(TokenForge.now),"roles":["a","b"]}"#)
        #expect(try verifier.verify(token, as: PortableClaims.self) == claims)
    }

    @Test("a NumericDate claim out of range, or a Date without a NumericDate form, is a claim error")
    func numericDateRange() throws {
        #expect(NumericDate(seconds: -1 as Int64) == nil)
        #expect(NumericDate(seconds: Double.infinity) == nil)
        #expect(NumericDate(seconds: NumericDate.maximum + 1) == nil)
        #expect(try SigilJSONDecoder().decode(NumericDate.self, from: Array("1.5".utf8)).seconds == 1.5)
        #expect(throws: DecodingError.self) { try SigilJSONDecoder().decode(NumericDate.self, from: Array("-1".utf8)) }
        #expect(throws: DecodingError.self) { try SigilJSONDecoder().decode(Date.self, from: Array("1e300".utf8)) }
        #expect(throws: EncodingError.self) {
            try SigilJSONEncoder().encode(Date(timeIntervalSince1970: -1))
        }
        #expect(try SigilJSONEncoder().encode(Date(timeIntervalSince1970: 1.5)) == Array("1.5".utf8))
        // exp is checked by the verifier first; a custom date claim goes through the coder.
        struct Event: JWTPayload {
            var exp: Int64
            var at: Date
        }
        let key = try TokenForge.hs256Key()
        let verifier = try TokenForge.verifier(key: key)
        let token = try TokenForge.token(payload: #"{"exp":\#(TokenForge.now + 60),"at":"2026-01-01"}"#, key: key)
        #expect(throws: JWTError(.wrongClaimType, "")) { try verifier.verify(token, as: Event.self) }
    }

    @Test("duplicate claims never reach the decoder; integers out of range are malformed")
    func strictness() throws {
        let key = try TokenForge.hs256Key()
        let verifier = try TokenForge.verifier(key: key)
        let exp = TokenForge.now + 60
        let duplicate = try TokenForge.token(payload: #"{"sub":"a","sub":"b","exp":\#(exp)}"#, key: key)
        #expect(throws: JWTError(.malformed, "")) { try verifier.verify(duplicate, as: PortableClaims.self) }
        struct Counter: JWTPayload {
            var exp: Int64
            var count: Int64
        }
        let huge = try TokenForge.token(payload: #"{"exp":\#(exp),"count":9223372036854775808}"#, key: key)
        #expect(throws: JWTError(.malformed, "")) { try verifier.verify(huge, as: Counter.self) }
        let exact = try TokenForge.token(payload: #"{"exp":\#(exp),"count":9223372036854775807}"#, key: key)
        #expect(try verifier.verify(exact, as: Counter.self).count == Int64.max)
    }

    @Test("the Codable verify checks registered claims as verify does: escaped names, types, required claims")
    func registeredClaimsOnTheCodablePath() throws {
        let key = try TokenForge.hs256Key()
        struct Subject: JWTPayload { var sub: String }
        let past = TokenForge.now - 60
        let future = TokenForge.now + 60
        let cases: [(String, JWTError.Code)] = [
            (#"{"sub":"u","\u0065xp":\#(past)}"#, .expired),
            (#"{"sub":"u","exp":\#(future),"n\u0062f":\#(future + 3600)}"#, .notYetValid),
            (#"{"sub":"u","exp":"\#(future)"}"#, .wrongClaimType),
            (#"{"sub":"u","exp":\#(future),"iss":7}"#, .wrongClaimType),
            (#"{"sub":"u","exp":\#(future),"aud":"api"}"#, .audienceMismatch),
            (#"{"sub":"u"}"#, .missingClaim),
            (#"{"sub":"u","exp":\#(future)}"#, .missingClaim),
        ]
        let verifier = try TokenForge.verifier(key: key) { $0.requiredClaims = ["jti"] }
        for (payload, code) in cases {
            let token = try TokenForge.token(payload: payload, key: key)
            #expect(throws: JWTError(code, ""), "\(payload)") { try verifier.verify(token, as: Subject.self) }
            #expect(throws: JWTError(code, ""), "\(payload)") { try verifier.verify(token) }
        }
        let good = try TokenForge.token(payload: #"{"sub":"u","exp":\#(future),"j\u0074i":"t"}"#, key: key)
        #expect(try verifier.verify(good, as: Subject.self).sub == "u")
        let pinned = try TokenForge.verifier(key: key) {
            $0.subject = "u"
            $0.issuers = ["https://issuer.example"]
        }
        let wrongSubject = try TokenForge.token(
            payload: #"{"sub":"v","iss":"https://issuer.example","exp":\#(future)}"#, key: key)
        #expect(throws: JWTError(.subjectMismatch, "")) { try pinned.verify(wrongSubject, as: Subject.self) }
        let wrongIssuer = try TokenForge.token(
            payload: #"{"sub":"u","iss":"https://other","exp":\#(future)}"#, key: key)
        #expect(throws: JWTError(.issuerMismatch, "")) { try pinned.verify(wrongIssuer, as: Subject.self) }
        let right = try TokenForge.token(
            payload: #"{"s\u0075b":"u","iss":"https://issuer.example","exp":\#(future)}"#, key: key)
        #expect(try pinned.verify(right, as: Subject.self).sub == "u")
        let notObject = try TokenForge.token(payload: "[1]", key: key)
        #expect(throws: JWTError(.malformed, "")) { try verifier.verify(notObject, as: Subject.self) }
    }
}
