/// A JWS signature algorithm that Sigil implements (RFC 7518 §3.1).
///
/// The set is closed on purpose: `none` is not a value of this type, so no code path can
/// select it, and an `alg` header naming anything else is rejected before any key is used.
///
/// ```swift
/// let key = try JWTKey.hmac(secret, algorithm: .hs384)
/// ```
public struct JWTAlgorithm: Hashable, Sendable, CustomStringConvertible {
    /// The family an algorithm belongs to; a key of one family never verifies another.
    @usableFromInline
    enum Family: Sendable {
        case hmac
        case rsaPKCS1
    }

    /// The digest an algorithm uses.
    @usableFromInline
    enum Digest: Sendable {
        case sha256
        case sha384
        case sha512
    }

    @usableFromInline
    let identifier: UInt8

    @inlinable
    init(identifier: UInt8) { self.identifier = identifier }

    /// HMAC using SHA-256 (RFC 7518 §3.2).
    public static let hs256 = JWTAlgorithm(identifier: 1)
    /// HMAC using SHA-384 (RFC 7518 §3.2).
    public static let hs384 = JWTAlgorithm(identifier: 2)
    /// HMAC using SHA-512 (RFC 7518 §3.2).
    public static let hs512 = JWTAlgorithm(identifier: 3)
    /// RSASSA-PKCS1-v1_5 using SHA-256 (RFC 7518 §3.3).
    public static let rs256 = JWTAlgorithm(identifier: 4)
    /// RSASSA-PKCS1-v1_5 using SHA-384 (RFC 7518 §3.3).
    public static let rs384 = JWTAlgorithm(identifier: 5)
    /// RSASSA-PKCS1-v1_5 using SHA-512 (RFC 7518 §3.3).
    public static let rs512 = JWTAlgorithm(identifier: 6)

    /// Every algorithm Sigil implements, HMAC first.
    public static let allCases: [JWTAlgorithm] = [.hs256, .hs384, .hs512, .rs256, .rs384, .rs512]

    /// The algorithm named by a JWS `alg` value, matched exactly (the names are case-sensitive,
    /// RFC 7515 §4.1.1).
    ///
    /// - Parameter rawValue: An `alg` value such as `"HS256"`.
    /// - Returns: The algorithm, or `nil` for `none` and every name Sigil does not implement.
    public init?(rawValue: String) {
        switch rawValue {
        case "HS256": self = .hs256
        case "HS384": self = .hs384
        case "HS512": self = .hs512
        case "RS256": self = .rs256
        case "RS384": self = .rs384
        case "RS512": self = .rs512
        default: return nil
        }
    }

    /// The `alg` header value, e.g. `"HS256"`.
    public var rawValue: String {
        switch identifier {
        case 1: "HS256"
        case 2: "HS384"
        case 3: "HS512"
        case 4: "RS256"
        case 5: "RS384"
        default: "RS512"
        }
    }

    public var description: String { rawValue }

    /// Whether this is an HMAC algorithm (`HS256`, `HS384`, `HS512`).
    public var isHMAC: Bool { family == .hmac }

    /// Whether this is an RSASSA-PKCS1-v1_5 algorithm (`RS256`, `RS384`, `RS512`).
    public var isRSA: Bool { family == .rsaPKCS1 }

    @usableFromInline
    var family: Family { identifier <= 3 ? .hmac : .rsaPKCS1 }

    @usableFromInline
    var digest: Digest {
        switch identifier {
        case 1, 4: .sha256
        case 2, 5: .sha384
        default: .sha512
        }
    }

    /// The digest size in bytes: the HMAC tag length and the minimum HMAC secret length
    /// (RFC 7518 §3.2).
    public var digestByteCount: Int {
        switch digest {
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }
}
