// Codable conveniences, kept apart from the typed-throws core: Codable needs existentials
// and reflection, which Embedded Swift does not have, so Embedded builds of SigilJWT leave
// these files out. The coder is SigilJSONCodable's, over the same strict parser as the
// core; no Foundation is involved.
#if !hasFeature(Embedded)

/// A typed JWT payload, as in jwt-kit: a `Codable` struct of claims.
///
/// Registered claims (`exp`, `nbf`, `iat`, `iss`, `aud`, `sub`) are validated by the
/// verifier's `JWTValidationOptions` before the payload is decoded, so most payloads need
/// no `verify(using:)` of their own. Override it for application checks; it runs last.
///
/// Payloads are encoded and decoded with `SigilJSONEncoder` and `SigilJSONDecoder`: one
/// strict parse, exact integers. Dates are NumericDates (RFC 7519 §2): use `NumericDate`,
/// an integer type, or Foundation's `Date` with `SigilJWTFoundation` linked.
///
/// ```swift
/// struct SessionClaims: JWTPayload {
///     var sub: String
///     var exp: NumericDate
///     var roles: [String]
/// }
/// let claims = try verifier.verify(token, as: SessionClaims.self)
/// let token = try signer.sign(SessionClaims(sub: "user_admin", exp: expiry, roles: ["admin"]))
/// ```
public protocol JWTPayload: Codable, Sendable {
    /// Application-specific checks, run after the signature and the registered claims.
    ///
    /// - Parameter key: The key that verified the token.
    /// - Throws: Any error, to reject the token.
    func verify(using key: JWTKey) throws
}

extension JWTPayload {
    /// No additional checks.
    public func verify(using key: JWTKey) throws {}
}
#endif
