import SigilJSON

extension JWTValidationOptions {
    /// The largest leeway honoured, in seconds (about 34 years); larger values are clamped
    /// so that date arithmetic stays exact.
    static let maximumLeeway: Int64 = 1 << 30

    /// Validates a claims set against these options at the clock's current time.
    ///
    /// String claims compare exactly, byte for byte, without Unicode normalization
    /// (RFC 7519 §2, StringOrURI).
    ///
    /// Checks run in this order, and the first failure is thrown: `exp` (present unless
    /// `requireExpiration` is off; expired when now ≥ exp + leeway), `nbf` (not yet valid
    /// when now + leeway < nbf), `iat` (in the future when iat > now + leeway), `iss`, `aud`,
    /// `sub`, then the required claims. `iss`, `sub` and `aud` are type-checked whenever
    /// present, and the dates whenever present.
    ///
    /// `JWTVerifier` calls this only after the signature has verified. Call it directly for
    /// claims that arrived another way.
    ///
    /// - Parameter claims: The claims set.
    /// - Throws: `.expired`, `.notYetValid`, `.issuedInFuture`, `.issuerMismatch`,
    ///   `.audienceMismatch`, `.subjectMismatch`, `.missingClaim` or `.wrongClaimType`.
    public func validate(_ claims: JWTClaims) throws(JWTError) {
        try validate(claims.object, now: clock.now())
    }

    /// The validation of `validate(_:)`, at a given time.
    func validate(_ claims: JSONObject, now: Int64) throws(JWTError) {
        try validate(RegisteredClaims(claims), now: now)
        for name in requiredClaims where !claims.contains(name) {
            throw JWTError(.missingClaim, "the token has no \(name) claim, and one is required", claim: name)
        }
    }

    /// The validation of `validate(_:)`, at a given time, of the object that is the value of
    /// a tape (the claims the Codable verify decodes).
    func validate(_ claims: JSONTape, now: Int64) throws(JWTError) {
        try validate(RegisteredClaims(claims, readingStrings: issuers != nil || subject != nil), now: now)
        for name in requiredClaims where claims.member(named: name, in: 0) == nil {
            throw JWTError(.missingClaim, "the token has no \(name) claim, and one is required", claim: name)
        }
    }

    /// The checks of the registered claims, in the order `validate(_:)` documents.
    private func validate(_ registered: RegisteredClaims, now: Int64) throws(JWTError) {
        let now = Double(now)
        let leeway = Double(max(0, min(leeway, JWTValidationOptions.maximumLeeway)))

        if let value = registered.expiration {
            let expiration = try value.numericDate(claim: "exp")
            // RFC 7519 §4.1.4: the current time MUST be before exp.
            guard now < expiration.seconds + leeway else {
                throw JWTError(.expired, "the token has expired", claim: "exp")
            }
        } else if requireExpiration {
            throw JWTError(.missingClaim, "the token has no exp claim, and one is required", claim: "exp")
        }

        if let value = registered.notBefore {
            let notBefore = try value.numericDate(claim: "nbf")
            // RFC 7519 §4.1.5: the current time MUST be after or equal to nbf.
            guard now + leeway >= notBefore.seconds else {
                throw JWTError(.notYetValid, "the token is not valid yet", claim: "nbf")
            }
        }

        if let value = registered.issuedAt {
            let issuedAt = try value.numericDate(claim: "iat")
            guard issuedAt.seconds <= now + leeway else {
                throw JWTError(.issuedInFuture, "the token was issued in the future", claim: "iat")
            }
        }

        try validateIssuer(registered.issuer)
        try validateAudience(registered.audience)
        try validateSubject(registered.subject)
    }

    private func validateIssuer(_ value: JSONValue?) throws(JWTError) {
        guard let value else {
            if issuers != nil { throw JWTError(.missingClaim, "the token has no iss claim", claim: "iss") }
            return
        }
        guard case .string(let issuer) = value else {
            throw JWTError(.wrongClaimType, "the iss claim is not a string", claim: "iss")
        }
        if let issuers, !issuers.containsExactly(issuer) {
            throw JWTError(.issuerMismatch, "the iss claim is not an accepted issuer", claim: "iss")
        }
    }

    private func validateAudience(_ value: JSONValue?) throws(JWTError) {
        guard let value else {
            if audiences != nil { throw JWTError(.missingClaim, "the token has no aud claim", claim: "aud") }
            return
        }
        var matched = false
        switch value {
        case .string(let audience):
            matched = audiences?.containsExactly(audience) ?? true
        case .array(let values):
            for element in values {
                guard case .string(let audience) = element else {
                    throw JWTError(.wrongClaimType, "the aud claim has a member that is not a string", claim: "aud")
                }
                if audiences?.containsExactly(audience) ?? true { matched = true }
            }
        default:
            throw JWTError(.wrongClaimType, "the aud claim is neither a string nor an array of strings", claim: "aud")
        }
        if audiences != nil, !matched {
            throw JWTError(.audienceMismatch, "no aud value is an accepted audience", claim: "aud")
        }
        // RFC 7519 §4.1.3: a principal that does not identify itself with a value of `aud`
        // MUST reject the token; with no audience configured, it identifies with none.
        if audiences == nil, !acceptsAudienceWithoutConfiguredAudiences {
            throw JWTError(
                .audienceMismatch, "the token has an aud claim but the verifier has no audiences configured",
                claim: "aud")
        }
    }

    private func validateSubject(_ value: JSONValue?) throws(JWTError) {
        guard let value else {
            if subject != nil { throw JWTError(.missingClaim, "the token has no sub claim", claim: "sub") }
            return
        }
        guard case .string(let actual) = value else {
            throw JWTError(.wrongClaimType, "the sub claim is not a string", claim: "sub")
        }
        if let subject, !actual.utf8.elementsEqual(subject.utf8) {
            throw JWTError(.subjectMismatch, "the sub claim is not the expected subject", claim: "sub")
        }
    }
}

extension Set<String> {
    /// Whether some member has exactly the UTF-8 bytes of `value`.
    ///
    /// StringOrURI values compare without Unicode normalization (RFC 7519 §2), unlike
    /// `String`'s `==`.
    func containsExactly(_ value: String) -> Bool {
        contains { $0.utf8.elementsEqual(value.utf8) }
    }
}

/// The registered claims a validator reads, found in one pass over the members: every
/// registered name is three ASCII letters, so other members are skipped by length.
struct RegisteredClaims {
    /// A date claim as read: a plain integer literal already converted, or any JSON value.
    enum DateClaim {
        case seconds(Int64)
        case value(JSONValue)

        /// The claim as a NumericDate, with the errors of `NumericDate`'s reading of a value.
        func numericDate(claim: String) throws(JWTError) -> NumericDate {
            switch self {
            case .value(let value):
                return try NumericDate(value, claim: claim)
            case .seconds(let seconds):
                guard let date = NumericDate(seconds: seconds) else {
                    throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
                }
                return date
            }
        }
    }

    var expiration: DateClaim?
    var notBefore: DateClaim?
    var issuedAt: DateClaim?
    var issuer: JSONValue?
    var audience: JSONValue?
    var subject: JSONValue?

    init(_ claims: JSONObject) {
        for (name, value) in claims {
            let utf8 = name.utf8
            guard utf8.count == 3 else { continue }
            var packed: UInt32 = 0
            for byte in utf8 { packed = packed << 8 | UInt32(byte) }
            set(packed, date: .value(value), value)
        }
    }

    /// The registered claims of the object that is the value of `claims`; only their values
    /// are converted.
    ///
    /// - Parameters:
    ///   - claims: A tape whose value is an object.
    ///   - readingStrings: Whether `iss` and `sub` are compared with configured values; if
    ///     not, only their type is checked, so a string stands as `""` without being read.
    init(_ claims: JSONTape, readingStrings: Bool) {
        let entries = claims.entries
        var name = 1
        for _ in 0..<entries[0].count {
            let entry = entries[name]
            var packed: UInt32 = 0
            if entry.plain {
                if entry.end - entry.start == 3 {
                    packed = claims.withBytes(at: name) { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) }
                }
            } else {
                let utf8 = claims.string(at: name).utf8
                if utf8.count == 3 {
                    for byte in utf8 { packed = packed << 8 | UInt32(byte) }
                }
            }
            if packed == 0x69_7373 || packed == 0x73_7562, !readingStrings, entries[name + 1].kind == .string {
                set(packed, date: .value(.null), .string(""))  // "iss", "sub": type checked only
            } else if packed != 0 {
                if let seconds = claims.plainInteger(at: name + 1) {
                    set(packed, date: .seconds(seconds), claims.value(at: name + 1))
                } else {
                    set(packed, date: .value(claims.value(at: name + 1)), claims.value(at: name + 1))
                }
            }
            name = claims.after(name + 1)
        }
    }

    /// Records the registered claim whose three-letter name is `packed`, if any: `date` for
    /// the date claims, `value` for the others.
    private mutating func set(
        _ packed: UInt32, date: @autoclosure () -> DateClaim, _ value: @autoclosure () -> JSONValue
    ) {
        switch packed {
        case 0x65_7870: expiration = date()  // "exp"
        case 0x6E_6266: notBefore = date()  // "nbf"
        case 0x69_6174: issuedAt = date()  // "iat"
        case 0x69_7373: issuer = value()  // "iss"
        case 0x61_7564: audience = value()  // "aud"
        case 0x73_7562: subject = value()  // "sub"
        default: break
        }
    }
}
