/// What a verifier accepts: the checks on the header and on the registered claims
/// (RFC 7519 §4.1), the leeway and the clock.
///
/// The defaults are strict: `exp` is required, the allowed algorithm is the selected key's
/// own, tokens longer than 16 KiB are refused unread, and the leeway for clock skew is
/// 60 seconds.
///
/// ```swift
/// var options = JWTValidationOptions()
/// options.issuers = ["https://auth.example.com"]
/// options.audiences = ["https://api.example"]
/// options.leeway = 30
/// ```
public struct JWTValidationOptions: Sendable {
    /// The default leeway in seconds for `exp`, `nbf` and `iat`: one minute, enough for the
    /// clock skew of machines kept by NTP, short enough not to matter for expiry.
    public static let defaultLeeway: Int64 = 60

    /// The default maximum token length in bytes (16 KiB).
    public static let defaultMaximumTokenBytes = 16_384

    /// Seconds of clock skew tolerated on `exp`, `nbf` and `iat` (RFC 7519 §4.1.4 allows
    /// "some small leeway").
    ///
    /// Negative values count as zero.
    public var leeway: Int64 = JWTValidationOptions.defaultLeeway

    /// Whether a token without `exp` is rejected with `.missingClaim`.
    ///
    /// Default `true`: a token that never expires is rarely intended.
    public var requireExpiration = true

    /// If set, `iss` must be present and equal (exactly, case-sensitively) one of these.
    public var issuers: Set<String>?

    /// If set, `aud` must be present and one of its values (a string, or an array of
    /// strings) must equal one of these (RFC 7519 §4.1.3).
    public var audiences: Set<String>?

    /// Whether a token with an `aud` claim is accepted when `audiences` is `nil`.
    ///
    /// Default `false`: RFC 7519 §4.1.3 says a recipient that does not identify itself with a
    /// value of `aud` MUST reject the token, and RFC 8725 §3.9 warns that a token meant for one
    /// service could otherwise be replayed at another. Set `audiences` instead whenever you
    /// can; turn this on only for a verifier that deliberately ignores `aud`.
    public var acceptsAudienceWithoutConfiguredAudiences = false

    /// If set, `sub` must be present and equal to this.
    public var subject: String?

    /// Claims that must be present (any type), in addition to the ones implied above.
    public var requiredClaims: Set<String> = []

    /// If set, the header's `alg` must also be in this set.
    ///
    /// The selected key's algorithm always has to match, whatever this says.
    public var allowedAlgorithms: Set<JWTAlgorithm>?

    /// If set, the header's `typ` must be present and equal this, compared as media types:
    /// case-insensitively and with an optional `application/` prefix (RFC 7515 §4.1.9).
    public var expectedType: String?

    /// Tokens longer than this many bytes are rejected with `.tokenTooLarge` before any
    /// other work.
    public var maximumTokenBytes: Int = JWTValidationOptions.defaultMaximumTokenBytes

    /// The clock that `exp`, `nbf` and `iat` are compared with.
    public var clock: JWTClock = .system

    /// Options with strict defaults (see the type's documentation) and the most common
    /// settings given at once.
    ///
    /// - Parameters:
    ///   - issuers: Accepted `iss` values, or `nil` not to check `iss`.
    ///   - audiences: Accepted `aud` values, or `nil` not to check `aud`.
    ///   - leeway: Seconds of clock skew tolerated.
    ///   - clock: The clock to validate against.
    public init(
        issuers: Set<String>? = nil,
        audiences: Set<String>? = nil,
        leeway: Int64 = JWTValidationOptions.defaultLeeway,
        clock: JWTClock = .system
    ) {
        self.issuers = issuers
        self.audiences = audiences
        self.leeway = leeway
        self.clock = clock
    }
}
