/// A JWS signature algorithm, identified by its registered `alg` name (RFC 7518 §3.1, the
/// IANA "JSON Web Signature and Encryption Algorithms" registry).
///
/// The name is all there is: which key can use an algorithm is decided by the key's family
/// (`JWTKeyMaterial`), so an algorithm family is added by adding its files, never by editing
/// a table here. The names each family implements are static members declared in the
/// family's own file (`.hs256` in `JWTKey+HMAC.swift`, `.rs256` in `JWTKey+RSA.swift`, …).
///
/// `none` is not a value of this type: `init(rawValue:)` refuses it, so no code path can
/// select an unsecured JWS, and an `alg` header that names no registered signature
/// algorithm is rejected before any key is used.
///
/// ```swift
/// let key = try JWTKey.hmac(secret, algorithm: .hs384)
/// ```
public struct JWTAlgorithm: Hashable, Sendable, CustomStringConvertible, RawRepresentable {
    /// The `alg` header value, for example `"HS256"`.
    public let rawValue: String

    /// The algorithm named by a JWS `alg` value, matched exactly (the names are
    /// case-sensitive, RFC 7515 §4.1.1).
    ///
    /// - Parameter rawValue: An `alg` value such as `"HS256"`.
    public init?(rawValue: String) {
        guard JWTAlgorithm.registeredNames.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// An algorithm from a name known to be registered (the static members of the families).
    init(registered name: String) {
        self.rawValue = name
    }

    /// The registered `alg` name, such as `HS256`.
    public var description: String { rawValue }

    /// The registered JWS signature and MAC algorithm names (RFC 7518 §3.1, RFC 8037 §3.1,
    /// RFC 8812 §3.2), except `none`.
    ///
    /// Whether Sigil can verify one depends on the keys given.
    static let registeredNames: Set<String> = [
        "HS256", "HS384", "HS512",
        "RS256", "RS384", "RS512",
        "ES256", "ES384", "ES512", "ES256K",
        "PS256", "PS384", "PS512",
        "EdDSA",
    ]
}
