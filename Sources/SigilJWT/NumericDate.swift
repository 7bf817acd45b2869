import SigilJSON

/// A validated NumericDate (RFC 7519 §2): a JSON number of seconds since the epoch, finite,
/// integral or not, between 0 and 253402300799 (9999-12-31T23:59:59Z).
///
/// The range is what keeps arithmetic on it exact and trap-free: every value, plus any
/// clamped leeway, is an integer or fraction far below 2^53, so it compares exactly as a
/// `Double`. Anything else (a string, a boolean, `1e300`, a 25-digit integer, a negative
/// number) is a `.wrongClaimType` error.
///
/// As a property of a `JWTPayload` it is the Foundation-free way to hold `exp`, `nbf` and
/// `iat`: it encodes as a JSON number (an integer when whole) and decodes only from a
/// number in range.
///
/// ```swift
/// let expiry = NumericDate(seconds: 1_700_003_600)!
/// ```
public struct NumericDate: Sendable, Hashable, Comparable {
    /// The latest NumericDate accepted: 9999-12-31T23:59:59Z.
    public static let maximum: Double = 253_402_300_799

    /// The value in seconds since 1970-01-01T00:00:00Z UTC, leap seconds ignored.
    public let seconds: Double

    /// A NumericDate from seconds since 1970-01-01T00:00:00Z UTC.
    ///
    /// - Parameter seconds: Whole or fractional seconds.
    public init?(seconds: Double) {
        guard seconds.isFinite, seconds >= 0, seconds <= NumericDate.maximum else { return nil }
        self.seconds = seconds
    }

    /// A NumericDate from whole seconds since 1970-01-01T00:00:00Z UTC.
    ///
    /// - Parameter seconds: Whole seconds.
    public init?(seconds: Int64) {
        guard seconds >= 0, seconds <= 253_402_300_799 else { return nil }
        self.seconds = Double(seconds)
    }

    /// Whether `lhs` is earlier than `rhs`.
    public static func < (lhs: NumericDate, rhs: NumericDate) -> Bool { lhs.seconds < rhs.seconds }

    init(_ value: JSONValue, claim: String) throws(JWTError) {
        guard case .number(let number) = value else {
            throw JWTError(.wrongClaimType, "the \(claim) claim is not a NumericDate (a JSON number)", claim: claim)
        }
        let seconds: Double
        if let integer = number.int64Value {
            guard integer >= 0, integer <= 253_402_300_799 else {
                throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
            }
            seconds = Double(integer)
        } else if let double = number.doubleValue, double.isFinite {
            guard double >= 0, double <= NumericDate.maximum else {
                throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
            }
            seconds = double
        } else {
            throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
        }
        self.seconds = seconds
    }

    /// The value rounded down to whole seconds.
    public var wholeSeconds: Int64 { Int64(seconds.rounded(.down)) }

    /// The value as a JSON number: an integer literal when whole, else the shortest literal
    /// that reads back as the same `Double`.
    public var jsonNumber: JSONNumber {
        // In range, so the conversions are exact and cannot trap.
        if seconds.rounded(.down) == seconds { return JSONNumber(Int64(seconds)) }
        return JSONNumber(seconds) ?? JSONNumber(Int64(0))
    }
}
