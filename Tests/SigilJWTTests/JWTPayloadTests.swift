#if canImport(FoundationEssentials)
import FoundationEssentials
import SigilJSON
import SigilJWT
import Testing

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
}
#endif
