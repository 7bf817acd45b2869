import SigilBase64
import SigilJSON

/// Issue tokens for a user, and authenticate presented tokens, in one value.
///
/// Tokens have the NextMCP example's structure, `sub`, `username`, `roles`, `permissions`, `iat`,
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

    /// A provider with separate signing and verification keys, for example an RSA private key for
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

    /// Issues a token in the NextMCP example's structure.
    ///
    /// The claims are written in this order: `sub`, `username` (when given), `roles`,
    /// `permissions`, `iat` (now, from the options' clock), `exp` (now + `expiresIn`), `jti`
    /// (128 random bits, base64url), then `claims`. A custom claim with the name of one of
    /// these replaces it, as in the NextMCP example (a dictionary update).
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
        return try signer.sign { (writer: inout JSONWriter) in
            var members = MemberWriter(overriddenBy: claims)
            members.write("sub", to: &writer) { $0.writeString(userID) }
            if let username { members.write("username", to: &writer) { $0.writeString(username) } }
            members.write("roles", to: &writer) { JWTProvider.writeStrings(roles, to: &$0) }
            members.write("permissions", to: &writer) { JWTProvider.writeStrings(permissions, to: &$0) }
            members.write("iat", to: &writer) { $0.writeInteger(now) }
            members.write("exp", to: &writer) { $0.writeInteger(expiration) }
            members.write("jti", to: &writer) { $0.writeString(tokenID) }
            for (name, value) in claims {
                members.writeSeparator(to: &writer)
                writer.writeString(name)
                writer.writeRaw(":")
                writer.write(value)
            }
            writer.writeRaw(members.isEmpty ? "{}" : "}")
        }
    }

    /// Writes the members of the claims object in order, each preceded by `{` or `,`, and
    /// leaves out the registered ones that a custom claim replaces.
    struct MemberWriter {
        /// The custom claims, written last; a registered member of the same name is skipped.
        let overrides: JSONObject
        /// Whether nothing has been written yet.
        private(set) var isEmpty = true

        init(overriddenBy overrides: JSONObject) { self.overrides = overrides }

        /// Writes `"name":` and the value that `body` writes, unless a custom claim has `name`.
        mutating func write(_ name: StaticString, to writer: inout JSONWriter, _ body: (inout JSONWriter) -> Void) {
            if !overrides.isEmpty && overrides.contains(name.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }) {
                return
            }
            writer.writeRaw(isEmpty ? "{\"" : ",\"")
            writer.writeRaw(name)
            writer.writeRaw("\":")
            isEmpty = false
            body(&writer)
        }

        /// Writes `{` before the first member, `,` before every other.
        mutating func writeSeparator(to writer: inout JSONWriter) {
            writer.writeRaw(isEmpty ? "{" : ",")
            isEmpty = false
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
    /// - Throws: `JWTError`; `clientMessage` gives the NextMCP example's client wording.
    public func authenticate(token: String) throws(JWTError) -> AuthenticatedIdentity {
        try AuthenticatedIdentity(claims: verifier.verify(token).claims)
    }

    /// 128 random bits from the system generator, base64url (22 characters).
    static func randomTokenID() -> String {
        withUnsafeBytes(of: TokenIDGenerator.randomBits()) { Base64URL.encode($0) }
    }
}
