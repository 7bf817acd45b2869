import SigilJSON

/// Who a verified token speaks for: the identity fields Sigil's own tokens carry (`sub`,
/// `username`, `roles`, `permissions`, `jti`), read from its claims.
public struct AuthenticatedIdentity: Sendable, Hashable {
    /// `sub`.
    public let userID: String
    /// `username`, if the token has one.
    public let username: String?
    /// `roles`, empty if absent.
    public let roles: [String]
    /// `permissions`, empty if absent.
    public let permissions: [String]
    /// All the token's claims.
    public let claims: JWTClaims
    /// `exp` in whole seconds, if present.
    public let expiresAt: Int64?
    /// `jti`, if present: the handle for revoking this token.
    public let tokenID: String?

    /// Reads the identity from validated claims.
    ///
    /// - Throws: `.missingClaim` without `sub`; `.wrongClaimType` if `sub`, `username` or
    ///   `jti` is not a string, or `roles` or `permissions` is not an array of strings.
    public init(claims: JWTClaims) throws(JWTError) {
        // One pass over the members, picking out the identity claims by name.
        var sub: JSONValue?
        var username: JSONValue?
        var roles: JSONValue?
        var permissions: JSONValue?
        var jti: JSONValue?
        for (name, value) in claims.object {
            switch name {
            case "sub": sub = value
            case "username": username = value
            case "roles": roles = value
            case "permissions": permissions = value
            case "jti": jti = value
            default: continue
            }
        }
        guard let sub else { throw JWTError(.missingClaim, "the token has no sub claim", claim: "sub") }
        guard case .string(let userID) = sub else {
            throw JWTError(.wrongClaimType, "the sub claim is not a string", claim: "sub")
        }
        self.userID = userID
        self.username = try AuthenticatedIdentity.optionalString(username, "username")
        self.roles = try AuthenticatedIdentity.stringList(roles, "roles")
        self.permissions = try AuthenticatedIdentity.stringList(permissions, "permissions")
        self.tokenID = try AuthenticatedIdentity.optionalString(jti, "jti")
        self.expiresAt = claims.expiration
        self.claims = claims
    }

    private static func optionalString(_ value: JSONValue?, _ name: String) throws(JWTError) -> String? {
        guard let value else { return nil }
        guard case .string(let string) = value else {
            throw JWTError(.wrongClaimType, "the \(name) claim is not a string", claim: name)
        }
        return string
    }

    private static func stringList(_ value: JSONValue?, _ name: String) throws(JWTError) -> [String] {
        guard let value else { return [] }
        guard case .array(let elements) = value else {
            throw JWTError(.wrongClaimType, "the \(name) claim is not an array of strings", claim: name)
        }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let string) = element else {
                throw JWTError(.wrongClaimType, "the \(name) claim is not an array of strings", claim: name)
            }
            strings.append(string)
        }
        return strings
    }
}
