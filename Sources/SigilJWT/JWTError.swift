/// Why a token, a key or a claim set was rejected.
///
/// One error type for the whole JWT layer, shaped like swift-asn1's errors: a `code` to
/// branch on (a struct of `static let`s, so codes can be added without breaking callers),
/// and a human `reason`. Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .expired)`.
///
/// - Important: Neither `reason` nor `description` ever contains the token, a segment of
///   it, a claim value taken from it, or key material. They name what was wrong, not the
///   data. Show `clientMessage` to untrusted clients: it tells only "Token expired" or
///   "Invalid token".
public struct JWTError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem was found.
    ///
    /// New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformed
            case unsupportedAlgorithm
            case algorithmNotAllowed
            case unknownKeyID
            case invalidSignature
            case expired
            case notYetValid
            case issuedInFuture
            case issuerMismatch
            case audienceMismatch
            case subjectMismatch
            case missingClaim
            case wrongClaimType
            case unsupportedCriticalHeader
            case tokenTooLarge
            case typeMismatch
            case invalidKey
            case weakKey
            case signingFailed
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// Not a JWS compact serialization: the wrong number of segments, invalid or
        /// non-canonical base64url, invalid JSON (duplicate member names included), a
        /// header or payload that is not a JSON object, or a header member of the wrong type.
        public static let malformed = Code(.malformed)
        /// The header's `alg` is not a registered JWS signature algorithm (a registered one
        /// that the verifier's keys do not accept is `.algorithmNotAllowed`).
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// The header's `alg` is `none` (in any casing), differs from the selected key's
        /// algorithm, or is outside the verifier's allow-list.
        public static let algorithmNotAllowed = Code(.algorithmNotAllowed)
        /// The header's `kid` names no key in the key set, or the token has no `kid` and the
        /// set holds more than one key.
        ///
        /// There is never a fallback to another key.
        public static let unknownKeyID = Code(.unknownKeyID)
        /// The signature does not verify with the selected key.
        public static let invalidSignature = Code(.invalidSignature)
        /// The current time is at or after `exp` plus the leeway (RFC 7519 §4.1.4).
        public static let expired = Code(.expired)
        /// The current time is before `nbf` minus the leeway (RFC 7519 §4.1.5).
        public static let notYetValid = Code(.notYetValid)
        /// `iat` is later than the current time plus the leeway.
        public static let issuedInFuture = Code(.issuedInFuture)
        /// `iss` is absent from the expected issuers (RFC 7519 §4.1.1).
        public static let issuerMismatch = Code(.issuerMismatch)
        /// No `aud` value is among the expected audiences (RFC 7519 §4.1.3).
        public static let audienceMismatch = Code(.audienceMismatch)
        /// `sub` differs from the expected subject (RFC 7519 §4.1.2).
        public static let subjectMismatch = Code(.subjectMismatch)
        /// A claim the options require is absent.
        public static let missingClaim = Code(.missingClaim)
        /// A registered claim has the wrong JSON type, or a NumericDate is not a finite
        /// number in range (for example `"exp": "1300819380"` or `"exp": 1e300`).
        public static let wrongClaimType = Code(.wrongClaimType)
        /// The header's `crit` names an extension Sigil does not implement (RFC 7515 §4.1.11).
        public static let unsupportedCriticalHeader = Code(.unsupportedCriticalHeader)
        /// The token is longer than the configured maximum; nothing else was read.
        public static let tokenTooLarge = Code(.tokenTooLarge)
        /// The header's `typ` differs from the pinned type (RFC 7515 §4.1.9, RFC 8725 §3.11).
        public static let typeMismatch = Code(.typeMismatch)
        /// A key is unusable: malformed key data or JWK, a JWK whose `use`, `key_ops` or `alg`
        /// forbids the operation, or a public key asked to sign.
        public static let invalidKey = Code(.invalidKey)
        /// An HMAC secret is shorter than the algorithm's digest (RFC 7518 §3.2).
        public static let weakKey = Code(.weakKey)
        /// Signing failed inside the primitive (a fault detected by verify-after-sign, or no
        /// blinding value could be drawn).
        ///
        /// No token is returned; the key itself may be fine.
        public static let signingFailed = Code(.signingFailed)

        /// The code's name, for example `expired`.
        ///
        /// `sigil-token verify` prints it as the `error` field, so a name never changes once
        /// released.
        public var description: String { backing.rawValue }
    }

    /// What kind of problem was found.
    public let code: Code
    /// A human explanation naming what was wrong (never the data that was wrong).
    public let reason: String
    /// The claim concerned, for claim errors (`"exp"`, or a name from the required claims).
    public let claim: String?
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    /// Makes an error.
    ///
    /// Public because a ``JWTKeyMaterial`` written outside this module throws it.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - reason: A human explanation. It must not contain token or key material.
    ///   - claim: The claim concerned, if any.
    ///   - file: The source file that raised the error.
    ///   - line: The line that raised the error.
    public init(_ code: Code, _ reason: String, claim: String? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.claim = claim
        self.file = file
        self.line = line
    }

    /// The wording to show an untrusted client, which reveals nothing of why a token failed.
    ///
    /// `"Token expired"` for `.expired`, `"Invalid token"` for every other problem: the same
    /// two messages as the NextMCP example's JWT middleware.
    public var clientMessage: String {
        code == .expired ? "Token expired" : "Invalid token"
    }

    /// A one-line explanation for logs: the code and the reason, never secret data.
    public var description: String { "JWTError.\(code): \(reason)" }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: JWTError, rhs: JWTError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
