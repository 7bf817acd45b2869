import SigilBase64
import SigilJSON

/// The seed's programmatic API: issue tokens for a user, and authenticate presented tokens.
///
/// Tokens have the seed's structure, `sub`, `username`, `roles`, `permissions`, `iat`,
/// `exp`, plus a random `jti` so that a single token can be revoked, and any custom claims.
///
/// ```swift
/// let provider = try JWTProvider(secret: secret)
/// let token = try provider.createToken(userID: "user_admin", roles: ["admin"], username: "admin")
/// let identity = try provider.authenticate(token: token)   // identity.roles == ["admin"]
/// ```
public struct JWTProvider: Sendable {
    /// Signs new tokens.
    public let signer: JWTSigner
    /// Verifies presented tokens.
    public let verifier: JWTVerifier

    /// A provider that signs and verifies with one HMAC secret.
    ///
    /// - Parameters:
    ///   - secret: The shared secret; at least 32, 48 or 64 bytes for HS256, HS384, HS512.
    ///   - algorithm: `.hs256` (the default), `.hs384` or `.hs512`.
    ///   - options: How presented tokens are validated.
    /// - Throws: `.weakKey` for a short secret, `.invalidKey` for a non-HMAC algorithm.
    public init(
        secret: some Sequence<UInt8>,
        algorithm: JWTAlgorithm = .hs256,
        options: JWTValidationOptions = JWTValidationOptions()
    ) throws(JWTError) {
        let key = try JWTKey.hmac(secret, algorithm: algorithm)
        self.init(signingKey: key, verificationKeys: JWTKeySet(key), options: options)
    }

    /// A provider that signs and verifies with the UTF-8 bytes of a string secret.
    ///
    /// - Parameters:
    ///   - secret: The shared secret; its UTF-8 encoding must be at least 32, 48 or 64 bytes.
    ///   - algorithm: `.hs256` (the default), `.hs384` or `.hs512`.
    ///   - options: How presented tokens are validated.
    /// - Throws: `.weakKey` for a short secret, `.invalidKey` for a non-HMAC algorithm.
    public init(
        secret: String,
        algorithm: JWTAlgorithm = .hs256,
        options: JWTValidationOptions = JWTValidationOptions()
    ) throws(JWTError) {
        try self.init(secret: Array(secret.utf8), algorithm: algorithm, options: options)
    }

    /// A provider with separate signing and verification keys, e.g. an RSA private key for
    /// issuing and its public key (plus older keys during rotation) for verifying.
    ///
    /// - Parameters:
    ///   - signingKey: The key new tokens are signed with.
    ///   - verificationKeys: The keys presented tokens are checked against.
    ///   - options: How presented tokens are validated.
    public init(
        signingKey: JWTKey,
        verificationKeys: JWTKeySet,
        options: JWTValidationOptions = JWTValidationOptions()
    ) {
        self.signer = JWTSigner(key: signingKey)
        self.verifier = JWTVerifier(keys: verificationKeys, options: options)
    }

    /// Issues a token in the seed's structure.
    ///
    /// The claims are written in this order: `sub`, `username` (when given), `roles`,
    /// `permissions`, `iat` (now, from the options' clock), `exp` (now + `expiresIn`), `jti`
    /// (128 random bits, base64url), then `claims`. A custom claim with the name of one of
    /// these replaces it, as in the seed (a dictionary update).
    ///
    /// - Parameters:
    ///   - userID: The subject, `sub`.
    ///   - roles: The user's roles.
    ///   - permissions: The user's permissions (`action:resource`).
    ///   - username: A display name, `username`; omitted when `nil`.
    ///   - expiresIn: Seconds until expiry; 3600 by default.
    ///   - claims: Custom claims.
    /// - Returns: The signed token.
    /// - Throws: `.invalidKey` if the signing key cannot sign.
    public func createToken(
        userID: String,
        roles: [String] = [],
        permissions: [String] = [],
        username: String? = nil,
        expiresIn: Int64 = 3600,
        claims: JSONObject = JSONObject()
    ) throws(JWTError) -> String {
        let now = verifier.options.clock.now()
        let (expiry, overflow) = now.addingReportingOverflow(expiresIn)
        let expiration = overflow ? (expiresIn < 0 ? Int64.min : Int64.max) : expiry
        let tokenID = JWTProvider.randomTokenID()
        if claims.isEmpty {
            // The usual case: the seed's members only, written with few, long raw pieces.
            return try signer.sign { (writer: inout JSONWriter) in
                writer.writeRaw("{\"sub\":")
                writer.writeString(userID)
                if let username {
                    writer.writeRaw(",\"username\":")
                    writer.writeString(username)
                }
                writer.writeRaw(",\"roles\":")
                JWTProvider.writeStrings(roles, to: &writer)
                writer.writeRaw(",\"permissions\":")
                JWTProvider.writeStrings(permissions, to: &writer)
                writer.writeRaw(",\"iat\":")
                writer.writeInteger(now)
                writer.writeRaw(",\"exp\":")
                writer.writeInteger(expiration)
                writer.writeRaw(",\"jti\":")
                writer.writeString(tokenID)
                writer.writeRaw("}")
            }
        }
        return try signer.sign { (writer: inout JSONWriter) in
            var first = true
            func member(_ name: StaticString) {
                writer.writeRaw(first ? "{\"" : ",\"")
                writer.writeRaw(name)
                writer.writeRaw("\":")
                first = false
            }
            if !claims.contains("sub") {
                member("sub")
                writer.writeString(userID)
            }
            if let username, !claims.contains("username") {
                member("username")
                writer.writeString(username)
            }
            if !claims.contains("roles") {
                member("roles")
                JWTProvider.writeStrings(roles, to: &writer)
            }
            if !claims.contains("permissions") {
                member("permissions")
                JWTProvider.writeStrings(permissions, to: &writer)
            }
            if !claims.contains("iat") {
                member("iat")
                writer.writeInteger(now)
            }
            if !claims.contains("exp") {
                member("exp")
                writer.writeInteger(expiration)
            }
            if !claims.contains("jti") {
                member("jti")
                writer.writeString(tokenID)
            }
            for (name, value) in claims {
                writer.writeRaw(first ? "{" : ",")
                first = false
                writer.writeString(name)
                writer.writeRaw(":")
                writer.write(value)
            }
            writer.writeRaw(first ? "{}" : "}")
        }
    }

    /// Writes `["a","b"]`.
    static func writeStrings(_ values: [String], to writer: inout JSONWriter) {
        writer.writeRaw("[")
        var first = true
        for value in values {
            if !first { writer.writeRaw(",") }
            first = false
            writer.writeString(value)
        }
        writer.writeRaw("]")
    }

    /// Verifies a presented token and returns who it speaks for.
    ///
    /// - Parameter token: The compact serialization.
    /// - Returns: The identity: `sub`, `username`, `roles`, `permissions` and all claims.
    /// - Throws: `JWTError`; `clientMessage` gives the seed's client wording.
    public func authenticate(token: String) throws(JWTError) -> AuthenticatedIdentity {
        try AuthenticatedIdentity(claims: verifier.verify(token).claims)
    }

    /// 128 random bits from the system generator, base64url (22 characters).
    static func randomTokenID() -> String {
        withUnsafeBytes(of: TokenIDGenerator.randomBits()) { Base64URL.encode($0) }
    }
}
