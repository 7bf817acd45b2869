/// Why a token, a key or a claim set was rejected.
///
/// One error type for the whole JWT layer, shaped like swift-asn1's errors: a `code` to
/// branch on (a struct of `static let`s, so codes can be added without breaking callers),
/// and a human `reason`. Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .expired)`.
///
/// - Important: Neither `reason` nor `description` ever contains the token, a segment of
///   it, a claim value taken from it, or key material. They name what was wrong, not the
///   data. Show `seedMessage` to untrusted clients: it tells only "Token expired" or
///   "Invalid token".
public struct JWTError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem was found. New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        @usableFromInline
        let rawValue: UInt8

        @inlinable
        init(_ rawValue: UInt8) { self.rawValue = rawValue }

        /// Not a JWS compact serialization: the wrong number of segments, invalid or
        /// non-canonical base64url, invalid JSON (duplicate member names included), a
        /// header or payload that is not a JSON object, or a header member of the wrong type.
        public static let malformed = Code(1)
        /// The header's `alg` names an algorithm Sigil does not implement.
        public static let unsupportedAlgorithm = Code(2)
        /// The header's `alg` is `none` (in any casing), differs from the selected key's
        /// algorithm, or is outside the verifier's allow-list.
        public static let algorithmNotAllowed = Code(3)
        /// The header's `kid` names no key in the key set, or the token has no `kid` and the
        /// set holds more than one key. There is never a fallback to another key.
        public static let unknownKeyID = Code(4)
        /// The signature does not verify with the selected key.
        public static let invalidSignature = Code(5)
        /// The current time is at or after `exp` plus the leeway (RFC 7519 §4.1.4).
        public static let expired = Code(6)
        /// The current time is before `nbf` minus the leeway (RFC 7519 §4.1.5).
        public static let notYetValid = Code(7)
        /// `iat` is later than the current time plus the leeway.
        public static let issuedInFuture = Code(8)
        /// `iss` is absent from the expected issuers (RFC 7519 §4.1.1).
        public static let issuerMismatch = Code(9)
        /// No `aud` value is among the expected audiences (RFC 7519 §4.1.3).
        public static let audienceMismatch = Code(10)
        /// `sub` differs from the expected subject (RFC 7519 §4.1.2).
        public static let subjectMismatch = Code(11)
        /// A claim the options require is absent.
        public static let missingClaim = Code(12)
        /// A registered claim has the wrong JSON type, or a NumericDate is not a finite
        /// number in range (for example `"exp": "1300819380"` or `"exp": 1e300`).
        public static let wrongClaimType = Code(13)
        /// The header's `crit` names an extension Sigil does not implement (RFC 7515 §4.1.11).
        public static let unsupportedCriticalHeader = Code(14)
        /// The token is longer than the configured maximum; nothing else was read.
        public static let tokenTooLarge = Code(15)
        /// The header's `typ` differs from the pinned type (RFC 7515 §4.1.9, RFC 8725 §3.11).
        public static let typeMismatch = Code(16)
        /// A key is unusable: malformed key data or JWK, a JWK whose `use`, `key_ops` or `alg`
        /// forbids the operation, or a public key asked to sign.
        public static let invalidKey = Code(17)
        /// An HMAC secret is shorter than the algorithm's digest (RFC 7518 §3.2).
        public static let weakKey = Code(18)

        /// The code's name, e.g. `"expired"`; the CLI prints it as the `error` field.
        public var description: String {
            switch rawValue {
            case 1: "malformed"
            case 2: "unsupportedAlgorithm"
            case 3: "algorithmNotAllowed"
            case 4: "unknownKeyID"
            case 5: "invalidSignature"
            case 6: "expired"
            case 7: "notYetValid"
            case 8: "issuedInFuture"
            case 9: "issuerMismatch"
            case 10: "audienceMismatch"
            case 11: "subjectMismatch"
            case 12: "missingClaim"
            case 13: "wrongClaimType"
            case 14: "unsupportedCriticalHeader"
            case 15: "tokenTooLarge"
            case 16: "typeMismatch"
            case 17: "invalidKey"
            case 18: "weakKey"
            default: "unknown"
            }
        }
    }

    /// What kind of problem was found.
    public let code: Code
    /// A human explanation naming what was wrong (never the data that was wrong).
    public let reason: String
    /// The claim concerned, for claim errors (`"exp"`, or a name from the required claims).
    public let claim: String?

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - reason: A human explanation. It must not contain token or key material.
    ///   - claim: The claim concerned, if any.
    public init(_ code: Code, _ reason: String, claim: String? = nil) {
        self.code = code
        self.reason = reason
        self.claim = claim
    }

    /// The seed's wording for clients: `"Token expired"` for `.expired`, `"Invalid token"`
    /// for every other problem.
    public var seedMessage: String {
        code == .expired ? "Token expired" : "Invalid token"
    }

    public var description: String { "JWTError.\(code): \(reason)" }

    public static func == (lhs: JWTError, rhs: JWTError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
