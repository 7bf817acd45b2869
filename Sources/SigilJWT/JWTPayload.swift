// Codable conveniences, kept apart from the typed-throws core so that the core can compile
// without Foundation (Embedded Swift, WebAssembly). JSONEncoder and JSONDecoder come from
// FoundationEssentials where it exists.
#if canImport(FoundationEssentials)
import FoundationEssentials

/// A typed JWT payload, as in jwt-kit: a `Codable` struct of claims.
///
/// Registered claims (`exp`, `nbf`, `iat`, `iss`, `aud`, `sub`) are validated by the
/// verifier's `JWTValidationOptions` before the payload is decoded, so most payloads need
/// no `verify(using:)` of their own. Override it for application checks; it runs last.
/// Dates are NumericDates: `Date` properties encode and decode as seconds since the epoch.
///
/// ```swift
/// struct SessionClaims: JWTPayload {
///     var sub: String
///     var exp: Date
///     var roles: [String]
/// }
/// let claims = try verifier.verify(token, as: SessionClaims.self)
/// let token = try signer.sign(SessionClaims(sub: "user_admin", exp: .now + 3600, roles: ["admin"]))
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

extension JSONEncoder {
    /// The encoder for payloads: compact, NumericDate dates, unescaped slashes.
    static var jwtPayload: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}

extension JSONDecoder {
    /// The decoder for payloads: NumericDate dates.
    static var jwtPayload: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }
}
#endif
